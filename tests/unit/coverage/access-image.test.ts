/**
 * The access image and its statistics: a what-if repaints and recounts only the cells it improves,
 * and the result equals a full repaint and recount of a fresh engine exactly (bytes and numbers).
 */
import { describe, expect, it } from 'vitest';
import { bandOf, paintAccessImage, tallyBands, tallyStats } from '../../../src/core/coverage/access-image';
import { bandRgba } from '../../../src/core/coverage/band-colors';
import { fillAccessGrid } from '../../../src/core/coverage/grid';
import { bandStats } from '../../../src/core/coverage/stats';
import { limitsOf } from '../../../src/core/coverage/params';
import { CoverageEngine, resolveParams } from '../../../src/core/coverage/pipeline';
import type { WhatIf } from '../../../src/core/coverage/whatif';
import { EXTENT_TOWN, townLayers } from '../../fixtures/coverage/build';
import { mulberry32 } from './random';

const layers = townLayers(mulberry32(31), 8);

function fullImage(engine: CoverageEngine, params: Parameters<CoverageEngine['accessImage']>[0]) {
  const p = resolveParams(params);
  const m = engine.model(p.scenario, p.cellM);
  const set = engine.sourceSet(p);
  const grid = fillAccessGrid(m.grid, m.links, set.field, set.direct);
  const limits = limitsOf(p);
  const res = engine.gridFor(p.cellM).residential;
  return {
    grid,
    image: paintAccessImage(m.grid, grid.dist, limits),
    ...tallyStats(tallyBands(grid.dist, res, limits), res, limits),
  };
}

describe('access image', () => {
  it('colours each cell by its band, north row first, transparent beyond the largest band', () => {
    const engine = new CoverageEngine(layers, EXTENT_TOWN);
    const params = { scenario: '2014' as const, minAreaM2: 0 };
    const img = engine.accessImage(params);
    const { grid } = fullImage(engine, params);
    const limits = limitsOf(resolveParams(params));
    const { cols, rows } = grid.spec;
    expect([img.width, img.height, img.rgba.length]).toEqual([cols, rows, 4 * cols * rows]);
    const seen = new Set<number>();
    for (let c = 0; c < cols * rows; c++) {
      const i = c % cols,
        j = Math.floor(c / cols);
      const px = 4 * ((rows - 1 - j) * cols + i);
      const b = bandOf(grid.dist[c], limits);
      seen.add(b);
      expect(Array.from(img.rgba.subarray(px, px + 4))).toEqual(b < 0 ? [0, 0, 0, 0] : bandRgba(b));
    }
    expect(seen.size).toBeGreaterThan(2); // the fixture has cells in several bands
  });

  it('statistics equal the band statistics of a full computation', () => {
    const engine = new CoverageEngine(layers, EXTENT_TOWN);
    const img = engine.accessImage({ scenario: '2014', minAreaM2: 0 });
    const r = engine.compute({ scenario: '2014', minAreaM2: 0, compare: false });
    img.bands.forEach((b, k) => {
      expect(b.minutes).toBe(r.stats.bands[k].minutes);
      expect(b.population).toBeCloseTo(r.stats.bands[k].population, 3);
      expect(b.residentialM2).toBeCloseTo(r.stats.bands[k].residentialM2, 1);
    });
    expect(img.unreachablePopulation).toBeCloseTo(r.stats.unreachablePopulation, 3);
  });

  it('a what-if repaints and recounts only changed cells, exactly equal to a full repaint and recount', () => {
    const rnd = mulberry32(77);
    const engine = new CoverageEngine(layers, EXTENT_TOWN);
    const ext = engine.extent;
    engine.accessImage({ scenario: '2014', minAreaM2: 0 }); // the base, painted once
    for (let k = 0; k < 8; k++) {
      const whatIfs: WhatIf[] = [
        {
          id: `w${k}`,
          kind: 'point',
          lng: ext[0] + (ext[2] - ext[0]) * rnd(),
          lat: ext[1] + (ext[3] - ext[1]) * rnd(),
          area_m2: 2000 + 30000 * rnd(),
        },
      ];
      const params = { scenario: '2014' as const, minAreaM2: 0, whatIfs, speed: 0.8 + 0.4 * rnd() };
      const inc = engine.accessImage(params);
      const fresh = new CoverageEngine(layers, EXTENT_TOWN);
      const full = fullImage(fresh, params);
      expect(inc.changedCells).toBeLessThan(full.grid.dist.length);
      expect(Buffer.from(inc.rgba).equals(Buffer.from(full.image.rgba))).toBe(true);
      expect(inc.bands).toEqual(full.bands);
      expect(inc.unreachablePopulation).toBe(full.unreachablePopulation);
      // The incremental grid the engine caches for the what-if equals a full fill too.
      const p = resolveParams(params);
      const grid = engine.accessGrid(p, engine.sourceSet(p));
      expect(Array.from(grid.dist)).toEqual(Array.from(full.grid.dist));
      expect(Array.from(grid.green)).toEqual(Array.from(full.grid.green));
    }
  });

  it('drag frames and drops, with what-ifs added, moved and removed: statistics by difference equal a full recount', () => {
    const rnd = mulberry32(5);
    const engine = new CoverageEngine(layers, EXTENT_TOWN);
    const ext = engine.extent;
    const at = (id: string, area: number): WhatIf => ({
      id,
      kind: 'point',
      lng: ext[0] + (ext[2] - ext[0]) * rnd(),
      lat: ext[1] + (ext[3] - ext[1]) * rnd(),
      area_m2: area,
    });
    const a = at('a', 20000),
      b = at('b', 8000),
      c = at('c', 40000);
    // Each step: the what-if list after an add, a move (same id, new place), a removal.
    const steps: WhatIf[][] = [[a], [a, b], [at('a', 20000), b], [at('a', 20000), b, c], [b, c], [c], []];
    for (const whatIfs of steps)
      for (const draft of [true, false]) {
        const params = { scenario: '2014' as const, minAreaM2: 0, whatIfs, draft };
        const inc = engine.accessImage(params);
        const full = fullImage(new CoverageEngine(layers, EXTENT_TOWN), params);
        expect(Buffer.from(inc.rgba).equals(Buffer.from(full.image.rgba))).toBe(true);
        expect(inc.bands).toEqual(full.bands);
        expect(inc.unreachablePopulation).toBe(full.unreachablePopulation);
      }
  });

  it("a result's statistics (filled on residential cells only) equal band statistics of the full grid, also without guesses", () => {
    const engine = new CoverageEngine(layers, EXTENT_TOWN);
    const ext = engine.extent;
    for (const whatIfs of [
      [],
      [
        {
          id: 'w',
          kind: 'point' as const,
          lng: (ext[0] + ext[2]) / 2,
          lat: (ext[1] + ext[3]) / 2,
          area_m2: 30000,
        },
      ],
    ]) {
      const params = { scenario: '2014' as const, minAreaM2: 0, whatIfs, compare: false };
      const r = engine.compute(params);
      const p = resolveParams(params);
      const res = engine.gridFor(p.cellM).residential;
      for (const [sure, stats] of [
        [false, r.stats],
        [true, r.stats.withoutGuessed!],
      ] as const) {
        const m = engine.model(p.scenario, p.cellM, sure);
        const set = engine.sourceSet(p, sure);
        const grid = fillAccessGrid(m.grid, m.links, set.field, set.direct);
        const want = bandStats(grid.dist, res, limitsOf(p));
        expect(stats.bands).toEqual(want.bands);
        expect(stats.unreachablePopulation).toBe(want.unreachablePopulation);
      }
    }
  });
});
