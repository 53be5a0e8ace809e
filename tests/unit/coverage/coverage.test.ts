import booleanValid from '@turf/boolean-valid';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import {
  EXTENT_RIVER,
  EXTENT_SIMPLE,
  block,
  green,
  ll,
  riverLayers,
  road,
  simpleLayers,
} from '../../fixtures/coverage/build';

describe('statistics on a fixture with a known answer', () => {
  const engine = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE);
  const r = engine.compute({ scenario: '2014' });

  it('counts block A (1000 people) within 5 minutes and block B (3000) beyond 15', () => {
    expect(r.stats.totalPopulation).toBe(4000);
    expect(r.stats.totalResidentialM2).toBe(80000); // 2 × 16 cells × 2500 m²
    for (const b of r.stats.bands) {
      expect(b.residentialShare).toBeCloseTo(0.5, 9);
      expect(b.populationShare).toBeCloseTo(0.25, 9);
      expect(b.population).toBeCloseTo(1000, 6);
    }
  });

  it('reports B as the one gap, with its people, area and a centre inside it', () => {
    expect(r.gaps).toHaveLength(1);
    const [gap] = r.gaps;
    expect(gap.population).toBeCloseTo(3000, 6);
    expect(gap.areaM2).toBe(40000);
    expect(gap.blocks).toEqual([1]);
    expect(booleanPointInPolygon(gap.centroid, block('B', 20, 1100, 220, 1300, 0))).toBe(true);
    expect(gap.outline.length).toBe(1);
  });

  it('gives the straight-line service-radius rate 0.5 (P 500 m reaches A only), below both targets', () => {
    expect(r.stats.radius.landRate).toBeCloseTo(0.5, 9);
    expect(r.stats.radius.targets.map((t) => [t.rate, t.met])).toEqual([
      [0.8, false],
      [0.9, false],
    ]);
  });

  it('returns grid seconds consistent with the bands', () => {
    const { seconds, cols, rows, bbox } = engine.gridResult({ scenario: '2014' });
    expect(seconds.length).toBe(cols * rows);
    const reached = Array.from(seconds).filter((s) => !Number.isNaN(s));
    expect(reached.length).toBeGreaterThan(0);
    expect(Math.min(...reached)).toBe(0); // cells inside the park
    // Every cell clearly within a band's minutes lies inside that band's polygon, and every cell
    // clearly beyond lies outside (a minute's margin: the outline runs between cell centres).
    const [w, s, e, n] = bbox;
    let checked = 0;
    for (const band of r.bands.features) {
      const limit = band.properties.minutes * 60;
      for (let j = 0; j < rows; j += 2)
        for (let i = 0; i < cols; i += 2) {
          const t = seconds[j * cols + i];
          const beyond = Number.isNaN(t) || t > limit + 60;
          if (!beyond && t > limit - 60) continue;
          const centre = [w + ((i + 0.5) * (e - w)) / cols, s + ((j + 0.5) * (n - s)) / rows];
          expect(booleanPointInPolygon(centre, band), `cell ${i},${j} at ${t} s, band ${limit} s`).toBe(
            !beyond,
          );
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('river without a bridge (2014) and with one (2015 plan)', () => {
  const engine = new CoverageEngine(riverLayers(), EXTENT_RIVER);
  const before = engine.compute({ scenario: '2014' });
  const after = engine.compute({ scenario: '2015' });

  it('leaves the far bank beyond 15 minutes by network while the straight-line radius covers it', () => {
    expect(before.stats.bands[2].populationShare).toBe(0);
    expect(before.stats.radius.landRate).toBe(1);
    expect(before.gaps[0].population).toBeCloseTo(2000, 6);
  });

  it('reaches the far bank over the planned bridge within 10 minutes', () => {
    expect(after.stats.bands[1].populationShare).toBe(1);
    expect(after.gaps).toHaveLength(0);
    expect(after.planDelta?.bands[2].populationShare).toBe(1);
  });

  it('never walks off-network across the water', () => {
    const info = engine.pointInfo({ scenario: '2014' }, ...ll(260, 0));
    expect(info.seconds).toBeNull();
    expect(engine.pointInfo({ scenario: '2014' }, ...ll(150, 0)).inWater).toBe(true);
    // Water cells are never reachable, even in the plan.
    const { cols, rows, seconds } = engine.gridResult({ scenario: '2015' });
    const c = Math.floor(((150 + 1200) / 2400) * rows) * cols + Math.floor(((150 + 1200) / 2400) * cols);
    expect(Number.isNaN(seconds[c])).toBe(true);
  });
});

describe('invariants', () => {
  const engine = new CoverageEngine(riverLayers(), EXTENT_RIVER);

  it('a larger time budget never covers less', () => {
    for (const speed of [0.6, 0.8, 1, 1.3]) {
      // At most four bands a request (core/coverage/walking.ts): two requests that share the
      // 8-minute band chain into one ladder from 2 to 20 minutes.
      const low = engine.compute({ scenario: '2015', speed, bands: [2, 4, 6, 8] }).stats.bands;
      const high = engine.compute({ scenario: '2015', speed, bands: [8, 10, 15, 20] }).stats.bands;
      expect(high[0]).toEqual(low[3]);
      const ladder = [...low, ...high.slice(1)];
      for (let k = 1; k < ladder.length; k++) {
        expect(ladder[k].residentialShare).toBeGreaterThanOrEqual(ladder[k - 1].residentialShare);
        expect(ladder[k].populationShare).toBeGreaterThanOrEqual(ladder[k - 1].populationShare);
      }
      for (const b of ladder) {
        expect(b.populationShare).toBeGreaterThanOrEqual(0);
        expect(b.populationShare).toBeLessThanOrEqual(1);
      }
    }
  });

  it('a slower walk never covers more', () => {
    const slow = engine.compute({ scenario: '2015', speed: 0.5 });
    const fast = engine.compute({ scenario: '2015', speed: 1.0 });
    slow.stats.bands.forEach((b, k) =>
      expect(b.residentialShare).toBeLessThanOrEqual(fast.stats.bands[k].residentialShare),
    );
  });

  it('adding a park never lowers coverage, cell by cell', () => {
    const simple = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE);
    const withPark = {
      scenario: '2014' as const,
      whatIfs: [
        { id: 'new', kind: 'point' as const, lng: ll(-150, 1200)[0], lat: ll(-150, 1200)[1], area_m2: 10000 },
      ],
    };
    const base = simple.gridResult({ scenario: '2014' });
    const plus = simple.compute(withPark);
    const plusGrid = simple.gridResult(withPark);
    for (let c = 0; c < base.seconds.length; c++) {
      const a = base.seconds[c],
        b = plusGrid.seconds[c];
      if (!Number.isNaN(a)) expect(b).toBeLessThanOrEqual(a);
    }
    // The park beside block B closes the gap.
    expect(plus.stats.bands[2].populationShare).toBe(1);
    expect(plus.whatIfDelta?.bands[2].population).toBeCloseTo(3000, 6);
    expect(plus.greens.at(-1)?.whatIf).toBe(true);
  });

  it('every band and gap polygon is valid GeoJSON', () => {
    const runs = [
      engine.compute({ scenario: '2014' }),
      engine.compute({ scenario: '2015', bands: [1, 3, 7, 12], speed: 0.8 }),
      new CoverageEngine(simpleLayers(), EXTENT_SIMPLE).compute({ scenario: '2014', cellM: 25 }),
    ];
    for (const r of runs) {
      for (const f of r.bands.features) {
        expect(booleanValid(f)).toBe(true);
        expect(kinks(f).features).toHaveLength(0);
      }
      for (const g of r.gaps)
        expect(booleanValid({ type: 'MultiPolygon', coordinates: g.outline })).toBe(true);
    }
  });

  it('a result without polygons has the same figures, and the polygons asked for later are the same', () => {
    const params = {
      scenario: '2014' as const,
      whatIfs: [
        { id: 'p', kind: 'point' as const, lng: ll(-150, 1200)[0], lat: ll(-150, 1200)[1], area_m2: 8000 },
      ],
    };
    const lazy = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE);
    const without = lazy.compute({ ...params, polygons: false });
    expect(without.bands.features).toHaveLength(0);
    const later = lazy.compute({ ...params, polygons: true });
    const eager = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE).compute(params);
    expect(eager.bands.features.length).toBeGreaterThan(0);
    expect(later.bands).toEqual(eager.bands);
    for (const r of [without, later]) {
      expect(r.stats).toEqual(eager.stats);
      expect(r.gaps).toEqual(eager.gaps);
      expect(r.whatIfDelta).toEqual(eager.whatIfDelta);
    }
  });
});

describe('long roads', () => {
  it('reach places along the same long straight road from a park beside its middle', () => {
    // One 3 km road with vertices only at its ends, a park beside its middle, a block 300 m along it.
    const layers = {
      roads: {
        type: 'FeatureCollection' as const,
        features: [
          road('long', [
            [-1500, 0],
            [1500, 0],
          ]),
        ],
      },
      green: { type: 'FeatureCollection' as const, features: [green('P', -50, 10, 50, 110)] },
      residential: { type: 'FeatureCollection' as const, features: [block('A', 280, -120, 330, -20, 100)] },
    };
    const engine = new CoverageEngine(layers, EXTENT_SIMPLE);
    const info = engine.pointInfo({ scenario: '2014' }, ...ll(300, -30));
    // Along the road ≤ 300 m, plus the two short legs × 1.2: well within 6 minutes.
    expect(info.seconds).not.toBeNull();
    expect(info.seconds!).toBeLessThan(300 + 1.2 * (30 + 10) + 30);
    expect(engine.compute({ scenario: '2014' }).stats.bands[1].populationShare).toBe(1);
  });
});
