import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import booleanValid from '@turf/boolean-valid';
import kinks from '@turf/kinks';
import { describe, expect, it } from 'vitest';
import { bandPolygons } from '../../../src/core/coverage/bands';
import { cellLat, cellLng, makeGrid } from '../../../src/core/coverage/grid-spec';
import { makeProjection } from '../../../src/core/coverage/projection';
import { EXTENT_TOWN, ORIGIN } from '../../fixtures/coverage/build';
import { mulberry32 } from './random';

/** A rough random field: distance from a few random seeds plus noise, with unreachable patches. */
function randomField(seed: number, n: number): Float32Array {
  const rnd = mulberry32(seed);
  const side = Math.sqrt(n);
  const seeds = Array.from({ length: 6 }, () => [rnd() * side, rnd() * side]);
  const holes = Array.from({ length: 4 }, () => [rnd() * side, rnd() * side, 2 + rnd() * 6]);
  const out = new Float32Array(n);
  for (let c = 0; c < n; c++) {
    const i = c % side,
      j = Math.floor(c / side);
    if (holes.some(([x, y, r]) => Math.hypot(i - x, j - y) < r)) {
      out[c] = Infinity;
      continue;
    }
    out[c] = Math.min(...seeds.map(([x, y]) => Math.hypot(i - x, j - y))) * 50 + rnd() * 150;
  }
  return out;
}

describe('band polygons', () => {
  it.each([1, 2, 3])(
    'in draft (half resolution) are valid and hold every cell within the limit (field %i)',
    (seed) => {
      const proj = makeProjection(ORIGIN[0], ORIGIN[1]);
      const grid = makeGrid(proj, EXTENT_TOWN, 50);
      const dist = randomField(seed, grid.cols * grid.rows);
      const limits = [5, 10, 15].map((m) => ({ minutes: m, metres: m * 60 }));
      const fc = bandPolygons(grid, dist, limits, 2);
      for (const f of fc.features) {
        expect(booleanValid(f)).toBe(true);
        expect(kinks(f).features).toHaveLength(0);
        const limit = f.properties.minutes * 60;
        for (let c = 0; c < dist.length; c += 5) {
          // A draft sample spans 2 × 2 cells, its neighbours reach 3 cells away: judge cells whose 7 × 7 neighbourhood is inside.
          if (dist[c] < limit - 200 && neighboursBelow(dist, grid.cols, c, limit, 3)) {
            expect(booleanPointInPolygon([cellLng(grid, c), cellLat(grid, c)], f)).toBe(true);
          }
        }
      }
    },
  );

  const proj = makeProjection(ORIGIN[0], ORIGIN[1]);
  const grid = makeGrid(proj, EXTENT_TOWN, 50); // 60 × 60 cells
  const limits = [5, 10, 15].map((m) => ({ minutes: m, metres: m * 60 }));

  it.each([1, 2, 3, 4, 5, 6])('are valid, nested and agree with the cells (seeded field %i)', (seed) => {
    const dist = randomField(seed, grid.cols * grid.rows);
    const fc = bandPolygons(grid, dist, limits);
    expect(fc.features.map((f) => f.properties.minutes)).toEqual([15, 10, 5]);
    for (const f of fc.features) {
      expect(booleanValid(f)).toBe(true);
      // booleanValid does not catch a ring crossing itself (a bowtie passes): kinks does.
      expect(kinks(f).features).toHaveLength(0);
      // Cells well inside the limit lie inside the polygon, cells well beyond lie outside.
      const limit = f.properties.minutes * 60;
      for (let c = 0; c < dist.length; c += 7) {
        const p = [cellLng(grid, c), cellLat(grid, c)];
        if (dist[c] < limit - 200 && neighboursBelow(dist, grid.cols, c, limit))
          expect(booleanPointInPolygon(p, f)).toBe(true);
        if (!(dist[c] <= limit + 200) && neighboursAbove(dist, grid.cols, c, limit))
          expect(booleanPointInPolygon(p, f)).toBe(false);
      }
    }
  });
});

/** Only judge cells whose eight neighbours are on the same side (the contour may cut close to the others). */
function neighboursBelow(d: Float32Array, cols: number, c: number, limit: number, r = 1): boolean {
  return around(d, cols, c, r).every((v) => v < limit);
}
function neighboursAbove(d: Float32Array, cols: number, c: number, limit: number): boolean {
  return around(d, cols, c).every((v) => !(v <= limit));
}
function around(d: Float32Array, cols: number, c: number, r = 1): number[] {
  const i = c % cols,
    j = Math.floor(c / cols),
    rows = d.length / cols;
  const out: number[] = [];
  for (let dj = -r; dj <= r; dj++)
    for (let di = -r; di <= r; di++) {
      const ii = i + di,
        jj = j + dj;
      // Beyond the grid counts as unreachable (the contour closes there).
      out.push(ii >= 0 && jj >= 0 && ii < cols && jj < rows ? d[jj * cols + ii] : Infinity);
    }
  return out;
}
