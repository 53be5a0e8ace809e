/**
 * The k best sites for new parks, for one or both resident groups, from the coverage the user is
 * looking at (scenario, speed, bands, smallest green, what-ifs already placed). A generator of
 * progress; `findSites` runs it to the end.
 *
 * @example
 * const result = findSites(engine, { coverage: { scenario: '2015' }, k: 5, areaM2: 20000 });
 * result.rankings[0].sites[0]; // { rank: 1, lng, lat, gain, cumulative, guessed, … }
 */
import type { CoverageEngine } from '../coverage/pipeline';
import { resolveParams } from '../coverage/params';
import type { Candidate } from './candidates';
import { ELDERLY_SPEED_MPS } from './constants';
import { runToEnd } from './greedy';
import { resolveSiteParams } from './params';
import { rankSites } from './rank-sites';
import { siteContext } from './site-context';
import type { ResidentGroup, SiteParams, SiteRanking, SitesProgress, SitesResult } from './types';

export function* searchSites(
  engine: CoverageEngine,
  params: SiteParams,
): Generator<SitesProgress, SitesResult> {
  const p = resolveSiteParams(params);
  const cov = resolveParams(p.coverage);
  const t0 = performance.now();
  const model = engine.model(cov.scenario, cov.cellM);
  const set = engine.sourceSet(cov);
  const grid = engine.accessGrid(cov, set);
  const ctx = siteContext(
    engine,
    model,
    cov.cellM,
    set.greens.filter((g) => g.ref.whatIf),
    p,
  );
  const timings: Record<string, number> = { candidates: performance.now() - t0 };
  const minutes = cov.bands[cov.bands.length - 1];
  const rankings: SiteRanking[] = [];
  let evaluations = 0;
  for (const [gi, group] of p.groups.entries()) {
    const t = performance.now();
    const speed = speedOf(group, cov.speed);
    const limitM = minutes * 60 * speed;
    const steps = rankSites(ctx, set.field, grid.dist, limitM, p.k);
    let step = steps.next();
    while (!step.done) {
      yield {
        group,
        chosen: step.value.chosen,
        k: p.k,
        evaluations: evaluations + step.value.evaluations,
        fraction: (gi + step.value.chosen / p.k) / p.groups.length,
      };
      step = steps.next();
    }
    const r = step.value;
    evaluations += r.evaluations;
    rankings.push({
      group,
      speed,
      minutes,
      limitM,
      totalPopulation: ctx.residential.totalPop,
      basePopulation: r.basePopulation,
      sites: r.sites,
      curve: r.curve,
    });
    timings[`rank:${group}`] = performance.now() - t;
  }
  return {
    k: p.k,
    areaM2: p.areaM2,
    candidates: ctx.candidates.length,
    evaluations,
    rankings,
    timings,
  };
}

/**
 * The candidate grid of a request (for drawing it, and for tests): where a park of the chosen size
 * could go, before any ranking.
 */
export function siteCandidates(engine: CoverageEngine, params: SiteParams): Candidate[] {
  const p = resolveSiteParams(params);
  const cov = resolveParams(p.coverage);
  const set = engine.sourceSet(cov);
  const model = engine.model(cov.scenario, cov.cellM);
  return siteContext(
    engine,
    model,
    cov.cellM,
    set.greens.filter((g) => g.ref.whatIf),
    p,
  ).candidates;
}

/** The candidate grid in flat arrays (compact across the worker boundary): positions and available-land flags. */
export interface CandidateGrid {
  lng: Float64Array;
  lat: Float64Array;
  /** 1 where the candidate lies in land the user marked as available. */
  available: Uint8Array;
}

export function candidateGrid(engine: CoverageEngine, params: SiteParams): CandidateGrid {
  const c = siteCandidates(engine, params);
  return {
    lng: Float64Array.from(c, (x) => x.lng),
    lat: Float64Array.from(c, (x) => x.lat),
    available: Uint8Array.from(c, (x) => (x.available ? 1 : 0)),
  };
}

export function findSites(engine: CoverageEngine, params: SiteParams): SitesResult {
  return runToEnd(searchSites(engine, params));
}

/** The walking speed of a group: the chosen speed for everyone, 0.8 m/s for the elderly. */
export function speedOf(group: ResidentGroup, speed: number): number {
  return group === 'elderly' ? ELDERLY_SPEED_MPS : speed;
}
