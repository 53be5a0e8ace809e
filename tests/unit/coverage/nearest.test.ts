import booleanIntersects from '@turf/boolean-intersects';
import { describe, expect, it } from 'vitest';
import { MAX_EDGE_M } from '../../../src/core/coverage/graph';
import { cellLat, cellLng } from '../../../src/core/coverage/grid-spec';
import { pointInfo } from '../../../src/core/coverage/point-info';
import { CoverageEngine, resolveParams } from '../../../src/core/coverage/pipeline';
import { buildSourceSet } from '../../../src/core/coverage/source-set';
import { EXTENT_TOWN, ll, townLayers } from '../../fixtures/coverage/build';
import { mulberry32 } from './random';

describe('nearest green spaces by walking time', () => {
  for (const seed of [11, 12, 13]) {
    it(`matches a per-park reference on seeded town ${seed}`, () => {
      const rnd = mulberry32(seed);
      const layers = townLayers(rnd, 8);
      const engine = new CoverageEngine(layers, EXTENT_TOWN);
      const params = resolveParams({ scenario: '2014', minAreaM2: 0 });
      const model = engine.model('2014', params.cellM);
      const set = engine.sourceSet(params);
      // Reference: each park alone as the only source, evaluated at the start by the point query.
      const alone = set.greens.map((g) => buildSourceSet(model, [g]));
      const river = layers.water!.features[0];
      for (let k = 0; k < 15; k++) {
        const [lng, lat] = ll(-1100 + rnd() * 2200, -1100 + rnd() * 2200);
        const got = engine.nearest(params, lng, lat, 3);
        const ref = alone
          .map((s, g) => ({ id: set.greens[g].ref.id, metres: pointInfo(model, s, lng, lat, 1).metres }))
          .filter((r): r is { id: string; metres: number } => r.metres !== null)
          .sort((a, b) => a.metres - b.metres)
          .slice(0, 3);
        if (got.inWater) {
          expect(ref).toHaveLength(0);
          continue;
        }
        expect(got.greens.map((g) => g.walkMetres)).toEqual(ref.map((r) => expect.closeTo(r.metres, 6)));
        for (const g of got.greens) {
          const c = g.route.coordinates;
          expect(c[0][0]).toBeCloseTo(lng, 9);
          expect(c[0][1]).toBeCloseTo(lat, 9);
          // Off-network legs count × 1.2, so the walk is never shorter than the drawn route.
          expect(g.walkMetres).toBeGreaterThanOrEqual(g.metres - 1e-6);
          expect(g.walkMetres).toBeLessThanOrEqual(g.metres * 1.2 + 1e-6);
          // The start leg and the end leg (the only off-road parts) never cross the river.
          const legs = [c.slice(0, 2), c.slice(-2)];
          for (const leg of legs) {
            if (leg[0][0] === leg[1][0] && leg[0][1] === leg[1][1]) continue;
            expect(booleanIntersects({ type: 'LineString', coordinates: leg }, river)).toBe(false);
          }
        }
        for (let i = 1; i < got.greens.length; i++)
          expect(got.greens[i].seconds).toBeGreaterThanOrEqual(got.greens[i - 1].seconds);
      }
    });
  }

  it('scales time with speed and says when the start is in water', () => {
    const engine = new CoverageEngine(townLayers(mulberry32(5), 6), EXTENT_TOWN);
    const [lng, lat] = ll(100, 100);
    const a = engine.nearest({ scenario: '2014', speed: 1 }, lng, lat);
    const b = engine.nearest({ scenario: '2014', speed: 0.8 }, lng, lat);
    expect(a.greens.length).toBe(3);
    a.greens.forEach((g, k) => expect(b.greens[k].seconds).toBeCloseTo(g.seconds / 0.8, 6));
    expect(engine.nearest({ scenario: '2014' }, ...ll(740, 0)).inWater).toBe(true);
  });
});

describe('access grid against the point query', () => {
  it('no cell beats an exact query at its centre, and nearly all match it within the short-edge detour', () => {
    const engine = new CoverageEngine(townLayers(mulberry32(21), 8), EXTENT_TOWN);
    const { cols, rows, seconds } = engine.gridResult({ scenario: '2014', minAreaM2: 0 });
    const model = engine.model('2014', 50);
    const params = resolveParams({ scenario: '2014', minAreaM2: 0 });
    const set = engine.sourceSet(params);
    const rnd = mulberry32(3);
    let compared = 0,
      close = 0;
    for (let k = 0; k < 400; k++) {
      const c = Math.floor(rnd() * cols * rows);
      const lng = cellLng(model.grid, c),
        lat = cellLat(model.grid, c);
      // The exact query links the place to every road within 300 m; a cell keeps the nearest few.
      const exact = pointInfo(model, set, lng, lat, 1).metres;
      if (exact === null) {
        expect(Number.isNaN(seconds[c])).toBe(true);
        continue;
      }
      compared++;
      expect(seconds[c]).toBeGreaterThanOrEqual(exact - 1e-3);
      // The grid goes through edge ends (≤ MAX_EDGE_M away) where the query may walk along one edge.
      if (seconds[c] <= exact + 2 * MAX_EDGE_M + 1e-3) close++;
    }
    expect(compared).toBeGreaterThan(100);
    expect(close / compared).toBeGreaterThan(0.95);
  });
});
