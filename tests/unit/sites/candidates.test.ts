import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import { type Scenario, inScenario } from '../../../src/core/coverage/scenarios';
import type { CoverageLayers } from '../../../src/core/coverage/types';
import { findSites, siteCandidates } from '../../../src/core/sites/search';
import { EXTENT_CLUSTERS, clusterLayers } from '../../fixtures/sites/build';
import { ll } from '../../fixtures/coverage/build';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../geodata/${name}`, import.meta.url), 'utf8'));

type Areas = { features: { geometry: Parameters<typeof booleanPointInPolygon>[1] | null }[] };
const inAny = (p: [number, number], fc: Areas | undefined) =>
  (fc?.features ?? []).some((f) => f.geometry && booleanPointInPolygon(p, f.geometry));

function expectOnFreeLand(
  points: { lng: number; lat: number }[],
  layers: CoverageLayers,
  scenario: Scenario = '2014',
) {
  for (const s of points) {
    const p: [number, number] = [s.lng, s.lat];
    expect(inAny(p, layers.water as Areas), `${p} in water`).toBe(false);
    expect(inAny(p, layers.residential as Areas), `${p} on residential land`).toBe(false);
    // Green spaces of the scenario: land that becomes a park only later may well take one now.
    const greens = layers.green.features.filter((f) => f.properties && inScenario(f.properties, scenario));
    expect(inAny(p, { features: greens } as Areas), `${p} in a green space`).toBe(false);
  }
}

describe('candidate sites', () => {
  it('never fall on water, residential land or green space (fixture)', () => {
    const layers = clusterLayers();
    const engine = new CoverageEngine(layers, EXTENT_CLUSTERS);
    const candidates = siteCandidates(engine, { coverage: { scenario: '2014', bands: [5] } });
    expect(candidates.length).toBeGreaterThan(50);
    expectOnFreeLand(candidates, layers);
    // The lake's middle is more than 300 m from any street, its edges are not: no candidate at all in it.
    const [lng, lat] = ll(1400, 400);
    expect(candidates.some((c) => Math.abs(c.lng - lng) < 1e-3 && Math.abs(c.lat - lat) < 1e-3)).toBe(false);
  });

  it('keep to the off-network limit: none more than 300 m from a walkable road', () => {
    const layers = clusterLayers();
    const engine = new CoverageEngine(layers, EXTENT_CLUSTERS);
    const candidates = siteCandidates(engine, { coverage: { scenario: '2014', bands: [5] } });
    const m = engine.model('2014', 50);
    for (const c of candidates) {
      let best = Infinity;
      for (let v = 0; v < m.graph.nodeCount; v++)
        best = Math.min(best, Math.hypot(m.graph.nodeX[v] - c.x, m.graph.nodeY[v] - c.y));
      // Nodes lie at most 12.5 m from any point of an edge (edges ≤ 25 m).
      expect(best).toBeLessThanOrEqual(300 + 12.5);
    }
  });

  it('land the user marks as available takes a park even on a residential block', () => {
    const layers = clusterLayers();
    const engine = new CoverageEngine(layers, EXTENT_CLUSTERS);
    const params = { coverage: { scenario: '2014' as const, bands: [5] } };
    const ring = [ll(1820, 420), ll(1980, 420), ll(1980, 580), ll(1820, 580), ll(1820, 420)];
    const without = siteCandidates(engine, params).filter((c) => c.available);
    const withLand = siteCandidates(engine, { ...params, availableLand: [ring] }).filter((c) => c.available);
    expect(without).toHaveLength(0);
    expect(withLand.length).toBeGreaterThan(0);
    for (const c of withLand)
      expect(booleanPointInPolygon([c.lng, c.lat], { type: 'Polygon', coordinates: [ring] })).toBe(true);
  });

  it('rejects bad parameters with a message naming the value', () => {
    const engine = new CoverageEngine(clusterLayers(), EXTENT_CLUSTERS);
    const coverage = { scenario: '2014' as const };
    expect(() => findSites(engine, { coverage, k: 0 })).toThrow(/number of sites.*got 0/);
    expect(() => findSites(engine, { coverage, k: 11 })).toThrow(/1 to 10/);
    expect(() => findSites(engine, { coverage, areaM2: 10 })).toThrow(/area.*got 10 m²/);
    expect(() => findSites(engine, { coverage, groups: ['kids' as never] })).toThrow(/"kids"/);
    expect(() => findSites(engine, { coverage, availableLand: [[[113, 34]]] })).toThrow(/Available land 1/);
  });
});

describe('on the real zone', () => {
  const layers: CoverageLayers = {
    roads: load('roads.geojson'),
    green: load('greenery.geojson'),
    residential: load('residential.geojson'),
    water: load('water.geojson'),
    standards: load('standards.json'),
  };
  const landUse = load('industrial-parks.geojson');
  const engine = new CoverageEngine(layers);

  it('no candidate and no chosen site falls on water, residential land, green space, a campus or an industrial park', () => {
    const params = { coverage: { scenario: '2015' as const }, landUse };
    const candidates = siteCandidates(engine, params);
    expect(candidates.length).toBeGreaterThan(1000);
    expectOnFreeLand(candidates, layers, '2015');
    for (const c of candidates) expect(inAny([c.lng, c.lat], landUse)).toBe(false);
    const r = findSites(engine, { ...params, k: 5, groups: ['all', 'elderly'] });
    for (const ranking of r.rankings) {
      expect(ranking.sites).toHaveLength(5);
      expectOnFreeLand(ranking.sites, layers, '2015');
    }
    // The elderly walk 0.8 m/s: fewer people are within 15 minutes to begin with.
    expect(r.rankings[1].limitM).toBe(720);
    expect(r.rankings[1].basePopulation).toBeLessThan(r.rankings[0].basePopulation);
  });

  it('allowing campuses and industrial parks only adds candidates', () => {
    const base = siteCandidates(engine, { coverage: { scenario: '2015' }, landUse }).length;
    const all = siteCandidates(engine, {
      coverage: { scenario: '2015' },
      landUse,
      allowCampus: true,
      allowIndustrial: true,
    });
    expect(all.length).toBeGreaterThan(base);
    expect(all.some((c) => inAny([c.lng, c.lat], landUse))).toBe(true);
  });
});
