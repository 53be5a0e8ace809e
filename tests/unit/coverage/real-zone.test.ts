import booleanValid from '@turf/boolean-valid';
import centroid from '@turf/centroid';
import kinks from '@turf/kinks';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import { gapBounds } from '../../../src/core/coverage/gaps';
import type { CoverageLayers } from '../../../src/core/coverage/types';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../geodata/${name}`, import.meta.url), 'utf8'));

describe('the bundled zone (geodata/)', () => {
  const layers: CoverageLayers = {
    roads: load('roads.geojson'),
    green: load('greenery.geojson'),
    residential: load('residential.geojson'),
    water: load('water.geojson'),
  };
  const engine = new CoverageEngine(layers);
  const r2014 = engine.compute({ scenario: '2014' });
  const r2015 = engine.compute({ scenario: '2015' });

  it('computes both scenarios with shares in [0, 1] and the plan covering at least as many people', () => {
    for (const r of [r2014, r2015]) {
      expect(r.stats.totalPopulation).toBeGreaterThan(0);
      for (const b of r.stats.bands) {
        for (const v of [b.residentialShare, b.populationShare]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }
      expect(r.stats.radius.landRate).toBeGreaterThanOrEqual(0);
      expect(r.stats.radius.landRate).toBeLessThanOrEqual(1);
      // Gaps hold exactly the people beyond the largest band.
      const beyond = r.stats.totalPopulation - r.stats.bands[r.stats.bands.length - 1].population;
      expect(r.gaps.reduce((s, g) => s + g.population, 0)).toBeCloseTo(beyond, 0);
    }
    expect(r2015.stats.bands[2].populationShare).toBeGreaterThanOrEqual(r2014.stats.bands[2].populationShare);
    expect(r2015.greens.length).toBeGreaterThan(r2014.greens.length);
  });

  it("writes each outlined gap's rank inside the gap, and frames the gap by its whole outline", () => {
    const outlined = r2015.gaps.filter((g) => g.outline.length > 0);
    expect(outlined.length).toBeGreaterThan(3);
    for (const g of outlined) {
      const shape = { type: 'MultiPolygon' as const, coordinates: g.outline };
      expect(g.labelAt, `gap ${g.rank}`).toBeDefined();
      expect(booleanPointInPolygon(g.labelAt!, shape), `gap ${g.rank}`).toBe(true);
      const [[w, s], [e, n]] = gapBounds(g)!;
      const all = g.outline.flat(2);
      expect(Math.min(...all.map((c) => c[0]))).toBe(w);
      expect(Math.max(...all.map((c) => c[0]))).toBe(e);
      expect(Math.min(...all.map((c) => c[1]))).toBe(s);
      expect(Math.max(...all.map((c) => c[1]))).toBe(n);
    }
    expect(gapBounds({ outline: [] })).toBeNull();
  });

  it('lists the same gaps without polygons, outlining none (the outlines follow with the polygons)', () => {
    const quick = engine.compute({ scenario: '2015', polygons: false });
    expect(quick.gaps.length).toBe(r2015.gaps.length);
    expect(quick.gaps.every((g) => g.outline.length === 0 && g.labelAt === undefined)).toBe(true);
    const bare = (gaps: typeof r2015.gaps) => gaps.map(({ outline: _, labelAt: __, ...g }) => g);
    expect(bare(quick.gaps)).toEqual(bare(r2015.gaps));
  });

  it('draws valid band polygons', () => {
    for (const f of [...r2014.bands.features, ...r2015.bands.features]) {
      expect(booleanValid(f)).toBe(true);
      expect(kinks(f).features).toHaveLength(0);
    }
  });

  it('finds up to three parks by walking time from residential blocks, nearest first', () => {
    let answered = 0;
    for (const f of layers.residential.features.slice(0, 20)) {
      const [lng, lat] = centroid(f).geometry.coordinates;
      const near = engine.nearest({ scenario: '2015' }, lng, lat);
      for (let k = 1; k < near.greens.length; k++)
        expect(near.greens[k].seconds).toBeGreaterThanOrEqual(near.greens[k - 1].seconds);
      if (near.greens.length > 0) answered++;
    }
    expect(answered).toBeGreaterThan(0);
  });
});
