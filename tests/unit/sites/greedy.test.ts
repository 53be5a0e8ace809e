import { describe, expect, it } from 'vitest';
import type { CoverageParams } from '../../../src/core/coverage/params';
import { CoverageEngine, resolveParams } from '../../../src/core/coverage/pipeline';
import { toX, toY } from '../../../src/core/coverage/projection';
import { findSites, siteCandidates } from '../../../src/core/sites/search';
import type { SiteParams } from '../../../src/core/sites/types';
import { EXTENT_TOWN, block, townLayers } from '../../fixtures/coverage/build';
import { EXTENT_CLUSTERS, clusterLayers } from '../../fixtures/sites/build';
import { mulberry32 } from '../coverage/random';
import { oracle, whatIfAt } from './oracle';

const FIVE_MIN: CoverageParams = { scenario: '2014', bands: [5] };
const AREA = 10000;
const RADIUS = Math.sqrt(AREA / Math.PI);

function setup(layers = clusterLayers(), extent = EXTENT_CLUSTERS, spacingM = 100) {
  const engine = new CoverageEngine(layers, extent);
  const params: SiteParams = { coverage: { ...FIVE_MIN }, areaM2: AREA, spacingM };
  const candidates = siteCandidates(engine, params);
  const o = oracle(engine, params.coverage, candidates, AREA, 300);
  return { engine, params, candidates, o };
}

const keyOf = (s: { lng: number; lat: number }) => `${s.lng.toFixed(7)},${s.lat.toFixed(7)}`;

describe('k best sites: greedy with lazy evaluation against exhaustive search', () => {
  it('on the three-cluster town, equals the exhaustive best for k = 1 and k = 2', () => {
    const { engine, params, candidates, o } = setup();
    expect(candidates.length).toBeGreaterThan(50);
    for (const k of [1, 2]) {
      const best = o.best(k, RADIUS);
      const got = findSites(engine, { ...params, k }).rankings[0];
      expect(got.sites).toHaveLength(k);
      expect(got.sites.at(-1)!.cumulative).toBeCloseTo(best.gain, 6);
    }
    // By construction: the west cluster first (3,000 people), then the east block (2,000).
    const two = findSites(engine, { ...params, k: 2 }).rankings[0].sites;
    expect(two.map((s) => Math.round(s.gain))).toEqual([3000, 2000]);
  });

  it('is never below 1 − 1/e of the exhaustive best for k = 3, on the clusters and on random towns', () => {
    const cases = [setup()];
    // A coarser candidate grid on the towns keeps the exhaustive search over triples short.
    for (const seed of [3, 11]) cases.push(setup(townWithResidents(seed), EXTENT_TOWN, 200));
    for (const { engine, params, o } of cases) {
      const best = o.best(3, RADIUS);
      const got = findSites(engine, { ...params, k: 3 }).rankings[0];
      expect(best.gain).toBeGreaterThan(0);
      expect(got.sites.at(-1)!.cumulative).toBeGreaterThanOrEqual((1 - 1 / Math.E) * best.gain - 1e-6);
      expect(got.sites.at(-1)!.cumulative).toBeLessThanOrEqual(best.gain + 1e-6);
    }
  });

  it('on random towns, the first site is the exhaustive best single site', () => {
    for (const seed of [3, 19]) {
      const { engine, params, o } = setup(townWithResidents(seed), EXTENT_TOWN);
      const best = o.best(1, RADIUS);
      const first = findSites(engine, { ...params, k: 1 }).rankings[0].sites[0];
      expect(first.gain).toBeCloseTo(best.gain, 6);
    }
  });

  it('each marginal gain is what the coverage pipeline counts when the sites are added as what-ifs', () => {
    const { engine, params } = setup(townWithResidents(5), EXTENT_TOWN);
    const r = findSites(engine, { ...params, k: 4 }).rankings[0];
    const covered = (n: number) =>
      engine.stats(
        resolveParams({
          ...FIVE_MIN,
          whatIfs: r.sites.slice(0, n).map((s, i) => whatIfAt(s, AREA, `s${i}`)),
        }),
      ).bands[0].population;
    expect(r.sites).toHaveLength(4);
    expect(r.curve[0].covered).toBeCloseTo(covered(0), 6);
    for (let n = 1; n <= r.sites.length; n++) {
      expect(r.curve[n].covered).toBeCloseTo(covered(n), 6);
      expect(r.sites[n - 1].gain).toBeCloseTo(covered(n) - covered(n - 1), 6);
    }
  });

  it('adding a site never lowers coverage: gains are positive and the curve rises', () => {
    const { engine, params } = setup(townWithResidents(7), EXTENT_TOWN);
    const r = findSites(engine, { ...params, k: 6 }).rankings[0];
    for (let n = 1; n < r.curve.length; n++) {
      expect(r.curve[n].covered).toBeGreaterThanOrEqual(r.curve[n - 1].covered);
      expect(r.sites[n - 1].gain).toBeGreaterThan(0);
    }
    // Submodularity: greedy gains never rise from one rank to the next.
    for (let n = 1; n < r.sites.length; n++)
      expect(r.sites[n].gain).toBeLessThanOrEqual(r.sites[n - 1].gain + 1e-6);
  });

  it('chosen parks do not overlap, and the same request gives the same sites', () => {
    const { engine, params } = setup();
    const a = findSites(engine, { ...params, k: 3 }).rankings[0].sites;
    const b = findSites(new CoverageEngine(clusterLayers(), EXTENT_CLUSTERS), { ...params, k: 3 }).rankings[0]
      .sites;
    expect(a.map(keyOf)).toEqual(b.map(keyOf));
    // On a town where the best places crowd together, the parks still keep apart.
    const town = setup(townWithResidents(7), EXTENT_TOWN);
    const sites = findSites(town.engine, { ...town.params, k: 6 }).rankings[0].sites;
    const xy = (s: { lng: number; lat: number }) => [
      toX(town.engine.proj, s.lng),
      toY(town.engine.proj, s.lat),
    ];
    for (let i = 0; i < sites.length; i++)
      for (let j = i + 1; j < sites.length; j++) {
        const [ax, ay] = xy(sites[i]),
          [bx, by] = xy(sites[j]);
        expect(Math.hypot(ax - bx, ay - by)).toBeGreaterThanOrEqual(2 * RADIUS);
      }
  });

  it('stops early, with fewer sites, when no candidate brings anyone more', () => {
    const { engine, params } = setup();
    const r = findSites(engine, { ...params, k: 10 }).rankings[0];
    // Four blocks in three clusters: at most four sites can still gain people.
    expect(r.sites.length).toBeLessThanOrEqual(4);
    expect(r.sites.at(-1)!.cumulative).toBeCloseTo(r.totalPopulation - r.basePopulation, 6);
  });
});

/** The seeded random town of the coverage tests, with its one big block replaced by 14 random smaller ones. */
function townWithResidents(seed: number) {
  const rnd = mulberry32(seed);
  const layers = townLayers(rnd, 3);
  const blocks = [];
  for (let b = 0; b < 14; b++) {
    const x = -1100 + Math.floor(rnd() * 10) * 200 + 20,
      y = -1100 + Math.floor(rnd() * 10) * 200 + 20;
    if (x + 160 > 680 && x < 800) continue; // not in the river
    blocks.push(block(`b${b}`, x, y, x + 160, y + 160, Math.round(200 + rnd() * 2000)));
  }
  return { ...layers, residential: { type: 'FeatureCollection' as const, features: blocks } };
}
