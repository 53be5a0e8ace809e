import { describe, expect, it } from 'vitest';
import { formatOrigin, inStudyArea, parseOrigin } from '../../../src/core/find/origin';

describe('inStudyArea', () => {
  it('accepts the zone and its edges', () => {
    expect(inStudyArea(113.545, 34.812)).toBe(true);
    expect(inStudyArea(113.44, 34.75)).toBe(true);
    expect(inStudyArea(113.62, 34.88)).toBe(true);
  });

  it('refuses places outside it: central Zhengzhou, Beijing, swapped axes, NaN', () => {
    expect(inStudyArea(113.66, 34.76)).toBe(false); // 二七广场, east of the zone
    expect(inStudyArea(113.5, 34.74)).toBe(false);
    expect(inStudyArea(116.4, 39.9)).toBe(false);
    expect(inStudyArea(34.8, 113.5)).toBe(false);
    expect(inStudyArea(Number.NaN, 34.8)).toBe(false);
  });
});

describe('origin URL value', () => {
  it('round-trips a position to about a metre', () => {
    const p: [number, number] = [113.512345678, 34.798765432];
    const back = parseOrigin(formatOrigin(p))!;
    expect(Math.abs(back[0] - p[0])).toBeLessThan(1e-5);
    expect(Math.abs(back[1] - p[1])).toBeLessThan(1e-5);
    expect(formatOrigin([113.5, 34.8])).toBe('113.5,34.8');
  });

  it('rejects malformed or outside values', () => {
    for (const bad of [
      undefined,
      null,
      '',
      '113.5',
      '113.5,',
      ',34.8',
      'a,b',
      '113.5,34.8,1',
      '116.4,39.9',
      '34.8,113.5',
    ]) {
      expect(parseOrigin(bad)).toBeNull();
    }
  });
});
