import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../../src/core/url/hash';

describe('URL hash', () => {
  it('parses the map view', () => {
    const h = parseHash('#/map?c=113.53,34.8&z=14.5&l=roads,greenery&lang=en&s=2015&wi=abc&f=road-1');
    expect(h).toMatchObject({
      route: 'map',
      center: [113.53, 34.8],
      zoom: 14.5,
      layers: ['roads', 'greenery'],
      lang: 'en',
      scenario: '2015',
      whatIf: 'abc',
      feature: 'road-1',
    });
  });

  it('parses a presentation chapter, counting from 1', () => {
    expect(parseHash('#/present/4')).toMatchObject({ route: 'present', chapter: 4 });
    expect(parseHash('#/present/0').chapter).toBeUndefined();
    expect(parseHash('#/present/x').chapter).toBeUndefined();
  });

  it('drops bad values instead of failing, so one typo does not break a shared link', () => {
    const h = parseHash('#/map?c=abc,34&z=99&lang=fr&p=200');
    expect(h.center).toBeUndefined();
    expect(h.zoom).toBeUndefined();
    expect(h.lang).toBeUndefined();
    expect(h.pitch).toBeUndefined();
    expect(parseHash('').route).toBe('map');
    expect(parseHash('#garbage?%%%').route).toBe('map');
  });

  it('keeps unknown keys for features to own', () => {
    const h = parseHash('#/present/2?autoplay=10');
    expect(h.extra).toEqual({ autoplay: '10' });
    expect(formatHash(h)).toBe('#/present/2?autoplay=10');
  });

  it('round-trips', () => {
    const state = parseHash('#/map?c=113.54321,34.81234&z=13.25&l=roads&lang=zh&s=2014');
    expect(parseHash(formatHash(state))).toEqual(state);
  });

  it('an empty layer list means all layers hidden, not the default', () => {
    expect(parseHash('#/map?l=').layers).toEqual([]);
  });
});
