import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import type { WhatIf } from '../../../src/core/coverage/whatif';
import { decodeWhatIfs, encodeWhatIfs } from '../../../src/core/coverage/whatif-url';
import { EXTENT_SIMPLE, ll, simpleLayers } from '../../fixtures/coverage/build';

describe('what-ifs', () => {
  it('extending the cached source set gives the same field as building it with the park from scratch', () => {
    const [lng, lat] = ll(-150, 1200);
    const wi: WhatIf[] = [{ id: 'a', kind: 'point', lng, lat, area_m2: 10000 }];
    const incremental = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE);
    incremental.compute({ scenario: '2014' }); // caches the base set first
    const inc = incremental.gridResult({ scenario: '2014', whatIfs: wi });
    const fresh = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE).gridResult({
      scenario: '2014',
      whatIfs: wi,
    });
    expect(Array.from(inc.seconds)).toEqual(Array.from(fresh.seconds));
  });

  it('moving a what-if away from the gap and removing it restore the base result', () => {
    const engine = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE);
    const base = engine.compute({ scenario: '2014' });
    const [lng, lat] = ll(-150, 1200);
    const near = engine.compute({
      scenario: '2014',
      whatIfs: [{ id: 'a', kind: 'point', lng, lat, area_m2: 10000 }],
    });
    const [flng, flat] = ll(-900, -1900);
    const moved = engine.compute({
      scenario: '2014',
      whatIfs: [{ id: 'a', kind: 'point', lng: flng, lat: flat, area_m2: 10000 }],
    });
    const removed = engine.compute({ scenario: '2014', whatIfs: [] });
    const removedGrid = engine.gridResult({ scenario: '2014', whatIfs: [] });
    const baseGrid = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE).gridResult({ scenario: '2014' });
    expect(near.stats.bands[2].populationShare).toBe(1);
    expect(moved.stats.bands[2].populationShare).toBeCloseTo(base.stats.bands[2].populationShare, 12);
    expect(removed.stats).toEqual(base.stats);
    expect(Array.from(removedGrid.seconds)).toEqual(Array.from(baseGrid.seconds));
  });

  it('a drawn polygon works like a point park and counts in the service-radius method by its area', () => {
    const engine = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE);
    const ring = [ll(-200, 1100), ll(-60, 1100), ll(-60, 1300), ll(-200, 1300), ll(-200, 1100)];
    const r = engine.compute({
      scenario: '2014',
      whatIfs: [{ id: 'g', kind: 'polygon', coordinates: [ring] }],
    });
    expect(r.stats.bands[2].populationShare).toBe(1);
    expect(r.greens.at(-1)?.area_m2).toBeCloseTo(140 * 200, -1);
    expect(r.stats.radius.landRate).toBe(1);
  });

  it('rejects bad what-ifs with a message naming the problem', () => {
    const engine = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE);
    expect(() =>
      engine.compute({
        scenario: '2014',
        whatIfs: [{ id: 'x', kind: 'point', lng: NaN, lat: 34.8, area_m2: 100 }],
      }),
    ).toThrow(/x: invalid position/);
    expect(() =>
      engine.compute({
        scenario: '2014',
        whatIfs: [{ id: 'y', kind: 'point', lng: 113.5, lat: 34.8, area_m2: -5 }],
      }),
    ).toThrow(/y: area/);
  });

  it('round-trips through the URL form and skips malformed entries', () => {
    const list: WhatIf[] = [
      { id: 'wi1', kind: 'point', lng: 113.540123, lat: 34.80012, area_m2: 20000 },
      {
        id: 'wi2',
        kind: 'polygon',
        coordinates: [
          [
            [113.5, 34.8],
            [113.51, 34.8],
            [113.51, 34.81],
            [113.5, 34.8],
          ],
        ],
      },
    ];
    const text = encodeWhatIfs(list);
    expect(text).toBe('p,113.540123,34.80012,20000;g,113.5,34.8,113.51,34.8,113.51,34.81');
    expect(decodeWhatIfs(text)).toEqual(list);
    expect(decodeWhatIfs('p,1,2;x,3;p,113.5,34.8,abc;p,113.5,34.8,500')).toEqual([
      { id: 'wi1', kind: 'point', lng: 113.5, lat: 34.8, area_m2: 500 },
    ]);
    expect(decodeWhatIfs('')).toEqual([]);
  });
});

describe('suggestions', () => {
  it('puts a park in the most populated gap and reports the people it brings within 15 minutes', () => {
    const engine = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE);
    const [best] = engine.suggest({ scenario: '2014' }, 3, 10000);
    expect(best.gapRank).toBe(1);
    expect(best.gapPopulation).toBeCloseTo(3000, 6);
    expect(best.gain).toBeCloseTo(3000, 6);
    // The caller's own state is untouched.
    expect(engine.compute({ scenario: '2014' }).stats.bands[2].population).toBeCloseTo(1000, 6);
  });
});
