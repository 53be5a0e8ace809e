import { describe, expect, it } from 'vitest';
import { distanceParts, walkMinutes } from '../../../src/core/find/walk-format';

describe('walkMinutes', () => {
  it('rounds to whole minutes, never below one', () => {
    expect(walkMinutes(0)).toBe(1);
    expect(walkMinutes(20)).toBe(1);
    expect(walkMinutes(89)).toBe(1);
    expect(walkMinutes(91)).toBe(2);
    expect(walkMinutes(15 * 60)).toBe(15);
    expect(walkMinutes(2409.8)).toBe(40);
  });

  it('keeps the order of walks (non-decreasing for increasing times)', () => {
    let last = 0;
    for (let s = 0; s < 4000; s += 7.3) {
      const m = walkMinutes(s);
      expect(m).toBeGreaterThanOrEqual(last);
      last = m;
    }
  });

  it('refuses nonsense', () => {
    expect(() => walkMinutes(-1)).toThrow(/non-negative/);
    expect(() => walkMinutes(Number.NaN)).toThrow(/non-negative/);
  });
});

describe('distanceParts', () => {
  it('gives metres to the nearest 10 under 1 km', () => {
    expect(distanceParts(0)).toEqual({ value: '10', unit: 'm' });
    expect(distanceParts(344)).toEqual({ value: '340', unit: 'm' });
    expect(distanceParts(345)).toEqual({ value: '350', unit: 'm' });
    expect(distanceParts(994)).toEqual({ value: '990', unit: 'm' });
  });

  it('switches to km with one decimal, then whole km', () => {
    expect(distanceParts(995)).toEqual({ value: '1.0', unit: 'km' });
    expect(distanceParts(1234)).toEqual({ value: '1.2', unit: 'km' });
    expect(distanceParts(3284.1)).toEqual({ value: '3.3', unit: 'km' });
    expect(distanceParts(12_600)).toEqual({ value: '13', unit: 'km' });
  });

  it('refuses nonsense', () => {
    expect(() => distanceParts(-5)).toThrow(/non-negative/);
    expect(() => distanceParts(Infinity)).toThrow(/non-negative/);
  });
});
