/**
 * Statistics and gaps from the residential cells alone, counted in the pass that fills them
 * (residential-access.ts), against the separate computation they replace: a full access grid, then
 * band statistics, the illustrative count and the service-radius rate over every cell. On the
 * bundled zone (every scenario of the comparison, with and without guesses) and on a town with
 * what-ifs. Exact equality: same sums in the same order.
 */
import { describe, expect, it } from 'vitest';
import { bundledLayers } from '../../../scripts/geodata/build-graphs';
import { findGaps } from '../../../src/core/coverage/gaps';
import { fillAccessGrid } from '../../../src/core/coverage/grid';
import { countsAsGreen } from '../../../src/core/coverage/green-class';
import { limitsOf } from '../../../src/core/coverage/params';
import { CoverageEngine, resolveParams } from '../../../src/core/coverage/pipeline';
import type { CoverageParams } from '../../../src/core/coverage/pipeline';
import { radiusCovered } from '../../../src/core/coverage/radius-cells';
import {
  countResidential,
  residentialAccess,
  residentialCells,
  residentialFromGrid,
} from '../../../src/core/coverage/residential-access';
import { type CoverageStats, bandStats, radiusStats } from '../../../src/core/coverage/stats';
import type { WhatIf } from '../../../src/core/coverage/whatif';
import { EXTENT_TOWN, townLayers } from '../../fixtures/coverage/build';
import { mulberry32 } from './random';

/** The statistics as they were computed before: over a full grid, every cell. */
function separate(engine: CoverageEngine, params: CoverageParams, sure: boolean) {
  const p = resolveParams(params);
  const m = engine.model(p.scenario, p.cellM, sure);
  const set = engine.sourceSet(p, sure);
  const res = engine.gridFor(p.cellM).residential;
  const grid = fillAccessGrid(m.grid, m.links, set.field, set.direct);
  let illustrative = 0;
  for (let c = 0; c < grid.dist.length; c++) {
    const gi = grid.green[c];
    if (gi >= 0 && res.pop[c] > 0 && set.greens[gi].ref.illustrative && !set.greens[gi].ref.whatIf)
      illustrative += res.pop[c];
  }
  const greens = m.greens.filter((g) => countsAsGreen(g.ref, p.greenRule));
  const whatIfs = set.greens.filter((g) => g.ref.whatIf);
  const mask = radiusCovered(grid.dist.length, [...greens, ...whatIfs], engine.standard);
  return {
    grid,
    stats: {
      ...bandStats(grid.dist, res, limitsOf(p)),
      illustrativePopulation: illustrative,
      radius: radiusStats(mask, res, engine.standard.targets),
    },
  };
}

function expectSameStats(got: CoverageStats, want: ReturnType<typeof separate>['stats']) {
  expect(got.bands).toEqual(want.bands);
  expect(got.unreachablePopulation).toBe(want.unreachablePopulation);
  expect(got.illustrativePopulation).toBe(want.illustrativePopulation);
  expect(got.radius).toEqual(want.radius);
}

describe('statistics from the residential cells', () => {
  it('equal the full-grid computation on the zone, for every compared scenario, with and without guesses', () => {
    const engine = new CoverageEngine(bundledLayers());
    for (const params of [
      { scenario: '2015' as const, minAreaM2: 2000, roadTimes: false, polygons: false },
      { scenario: '2015' as const, speed: 0.8, bands: [5, 10, 20], roadTimes: false, polygons: false },
    ]) {
      const r = engine.compute(params);
      for (const scenario of ['2014', '2015', 'today'] as const) {
        const s = r.scenarioStats![scenario];
        const p = { ...params, scenario };
        expectSameStats(s, separate(engine, p, false).stats);
        expectSameStats(s.withoutGuessed!, separate(engine, p, true).stats);
      }
      // The gaps of the result: the same as those of the full grid.
      const p = resolveParams(params);
      const res = engine.gridFor(p.cellM).residential;
      const { grid } = separate(engine, params, false);
      const limitM = limitsOf(p).at(-1)!.metres;
      // (A result without polygons outlines no gap: they follow with the polygons.)
      const fromGrid = findGaps(grid.spec, residentialFromGrid(grid, res), limitM, res, 0);
      expect(r.gaps.map(({ populationWithoutGuessed: _, ...g }) => g)).toEqual(fromGrid);
    }
  });

  it('equal it on a town with what-ifs, and the values equal the full grid cell by cell', () => {
    const layers = townLayers(mulberry32(31), 8);
    const engine = new CoverageEngine(layers, EXTENT_TOWN);
    const ext = engine.extent;
    const rnd = mulberry32(9);
    const at = (id: string): WhatIf => ({
      id,
      kind: 'point',
      lng: ext[0] + (ext[2] - ext[0]) * rnd(),
      lat: ext[1] + (ext[3] - ext[1]) * rnd(),
      area_m2: 5000 + 30000 * rnd(),
    });
    for (const whatIfs of [[], [at('a')], [at('a'), at('b')]]) {
      const params = { scenario: '2014' as const, minAreaM2: 0, whatIfs, compare: false, polygons: false };
      const r = engine.compute(params);
      expectSameStats(r.stats, separate(engine, params, false).stats);
      expectSameStats(r.stats.withoutGuessed!, separate(engine, params, true).stats);

      const p = resolveParams(params);
      const m = engine.model(p.scenario, p.cellM);
      const set = engine.sourceSet(p);
      const res = engine.gridFor(p.cellM).residential;
      const flags = Uint8Array.from(set.greens, (g) => (g.ref.illustrative && !g.ref.whatIf ? 1 : 0));
      const { access, counts } = residentialAccess(m.links, set.field, set.direct, res, limitsOf(p), flags);
      const grid = fillAccessGrid(m.grid, m.links, set.field, set.direct);
      const cells = residentialCells(res);
      expect(Array.from(access.dist)).toEqual(Array.from(cells, (c) => grid.dist[c]));
      expect(Array.from(access.green)).toEqual(Array.from(cells, (c) => grid.green[c]));
      // Counting values already filled (another speed) equals filling and counting in one pass.
      const slower = limitsOf({ ...p, speed: 0.8 });
      expect(countResidential(access, res, limitsOf(p), flags)).toEqual(counts);
      expect(countResidential(access, res, slower, flags)).toEqual(
        residentialAccess(m.links, set.field, set.direct, res, slower, flags).counts,
      );
    }
  });

  it('finds the same gaps whatever was found before (its work arrays are reused)', () => {
    const layers = townLayers(mulberry32(31), 8);
    const engine = new CoverageEngine(layers, EXTENT_TOWN);
    const a = { scenario: '2014' as const, minAreaM2: 0, compare: false, polygons: false, bands: [5] };
    const b = { ...a, bands: [10] };
    const first = engine.compute(a).gaps;
    engine.compute(b);
    const again = new CoverageEngine(layers, EXTENT_TOWN).compute(a).gaps;
    expect(first.length).toBeGreaterThan(0);
    expect(engine.compute(a).gaps).toEqual(first);
    expect(again).toEqual(first);
  });
});
