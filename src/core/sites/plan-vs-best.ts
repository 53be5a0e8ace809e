/**
 * The plan measured against the best: for a step between two park sets (a scenario before, one
 * after — e.g. 2014 as built → the 2015 plan), the parks the plan added (green spaces present after
 * but not before) against the best sites of the same number and size, on the after step's roads.
 *
 * "The plan's new parks bring N people within 15 minutes; the best sites would bring M." Each plan
 * park also gets its own gain (alone, over the before coverage) and the people only it brings
 * (with all other plan parks in place), and a verdict against the best single site's gain:
 * near-optimal at ≥ NEAR_OPTIMAL_SHARE of it, few residents below FEW_RESIDENTS_SHARE.
 * The best sites are circles of the plan parks' mean area (same number, same total area).
 */
import { fillAccessGrid } from '../coverage/grid';
import { type CoverageParams, resolveParams } from '../coverage/params';
import type { CoverageEngine } from '../coverage/pipeline';
import { buildSourceSet, selectGreens } from '../coverage/source-set';
import type { Scenario } from '../coverage/types';
import { FEW_RESIDENTS_SHARE, GUESSED_FLAG_SHARE, MAX_SITE_COUNT, NEAR_OPTIMAL_SHARE } from './constants';
import { CoverageGain, sitePark } from './coverage-gain';
import { runToEnd } from './greedy';
import { resolveSiteParams } from './params';
import { rankSites } from './rank-sites';
import { speedOf } from './search';
import { siteContext } from './site-context';
import type { GuessedShare, RankedSite, ResidentGroup, SiteParams, SitesProgress } from './types';

export interface PlanStepParams extends Pick<
  SiteParams,
  'allowCampus' | 'allowIndustrial' | 'landUse' | 'spacingM'
> {
  /** The step's "after": its scenario gives the roads and the plan's parks; speed, bands, smallest green apply. */
  coverage: CoverageParams;
  /** The step's "before": a scenario whose green spaces (by id) start the coverage, or the ids themselves. */
  before: { scenario: Scenario } | { greenIds: readonly string[] };
  group?: ResidentGroup;
  /** Area of each best site, m² (default: the mean area of the plan's new parks). */
  areaM2?: number;
}

export type PlanVerdict = 'near-optimal' | 'partial' | 'few';

export interface PlanPark {
  id: string;
  name_zh: string;
  name_en: string;
  areaM2: number;
  /** The park itself is a guess (coverage/guesses.ts: low confidence, illustrative, or assumed open). */
  guessedPark: boolean;
  /** People it alone brings within the band, over the before coverage. */
  gainAlone: number;
  /** People only it brings, with every other plan park in place. */
  gainUnique: number;
  /** How much of gainAlone rests on guessed blocks or roads. */
  guessed: GuessedShare;
  /** gainAlone ÷ the best single site's gain. */
  shareOfBest: number;
  verdict: PlanVerdict;
  /** The park is a guess, or at least GUESSED_FLAG_SHARE of its gain rests on guesses. */
  restsOnGuesses: boolean;
}

export interface PlanComparison {
  after: Scenario;
  group: ResidentGroup;
  minutes: number;
  limitM: number;
  totalPopulation: number;
  /** People within the band with the before parks on the after roads. */
  basePopulation: number;
  /** N: people the plan's new parks bring within the band, together. */
  planGain: number;
  planParks: PlanPark[];
  /** M: people the best sites of the same number and size bring. */
  bestGain: number;
  best: RankedSite[];
  /** The first best site's gain: the yardstick of each plan park's verdict. */
  bestSingleGain: number;
  siteAreaM2: number;
  rule: { nearOptimalShare: number; fewShare: number };
  candidates: number;
}

export function* comparePlanSteps(
  engine: CoverageEngine,
  params: PlanStepParams,
): Generator<SitesProgress, PlanComparison> {
  const cov = resolveParams({ ...params.coverage, whatIfs: [] });
  const group = params.group ?? 'all';
  const model = engine.model(cov.scenario, cov.cellM);
  const beforeIds = new Set(
    'greenIds' in params.before
      ? params.before.greenIds
      : engine.model(params.before.scenario, cov.cellM).greens.map((g) => g.ref.id),
  );
  const counts = selectGreens(model.greens, cov.minAreaM2, cov.greenRule);
  const beforeGreens = counts.filter((g) => beforeIds.has(g.ref.id));
  const planGreens = counts.filter((g) => !beforeIds.has(g.ref.id));
  const set = buildSourceSet(model, beforeGreens);
  const cellDist = fillAccessGrid(model.grid, model.links, set.field, set.direct).dist;
  const minutes = cov.bands[cov.bands.length - 1];
  const speed = speedOf(group, cov.speed);
  const limitM = minutes * 60 * speed;

  const meanArea = planGreens.reduce((s, g) => s + g.ref.area_m2, 0) / Math.max(1, planGreens.length);
  const p = resolveSiteParams({
    coverage: cov,
    k: Math.min(MAX_SITE_COUNT, Math.max(1, planGreens.length)),
    areaM2: params.areaM2 ?? Math.min(1e6, Math.max(1000, meanArea || 20000)),
    allowCampus: params.allowCampus,
    allowIndustrial: params.allowIndustrial,
    landUse: params.landUse,
    spacingM: params.spacingM,
  });
  const ctx = siteContext(engine, model, cov.cellM, [], p);
  const residential = ctx.residential;
  const gainFrom = () => new CoverageGain(model.graph, model.links, residential, set.field, cellDist, limitM);

  // The plan's parks: together, each alone, and each with all the others in place.
  const parks = planGreens.map((g) => sitePark(model.graph, g));
  const joint = gainFrom();
  const basePopulation = joint.coveredPopulation;
  for (const park of parks) joint.add(park);
  const planGain = joint.coveredPopulation - basePopulation;
  const alone = gainFrom();
  const details = parks.map((park) => alone.detail(park, ctx.flags, residential.block));
  const unique = parks.map((park, i) => {
    const others = gainFrom();
    parks.forEach((q, j) => j !== i && others.add(q));
    return others.gain(park);
  });

  // The best sites of the same number and size, from the same start.
  let best: RankedSite[] = [];
  if (parks.length > 0) {
    const steps = rankSites(ctx, set.field, cellDist, limitM, p.k);
    let step = steps.next();
    while (!step.done) {
      yield {
        group,
        chosen: step.value.chosen,
        k: p.k,
        evaluations: step.value.evaluations,
        fraction: step.value.chosen / p.k,
      };
      step = steps.next();
    }
    best = step.value.sites;
  }
  const bestSingleGain = best[0]?.gain ?? 0;
  const planParks: PlanPark[] = planGreens.map((g, i) => {
    const d = details[i];
    const shareOfBest = bestSingleGain > 0 ? d.gain / bestSingleGain : 0;
    return {
      id: g.ref.id,
      name_zh: g.ref.name_zh,
      name_en: g.ref.name_en,
      areaM2: g.ref.area_m2,
      guessedPark: g.ref.guessed,
      gainAlone: d.gain,
      gainUnique: unique[i],
      guessed: d.guessed,
      shareOfBest,
      verdict: verdictOf(shareOfBest),
      restsOnGuesses: g.ref.guessed || (d.gain > 0 && d.guessed.share >= GUESSED_FLAG_SHARE),
    };
  });
  return {
    after: cov.scenario,
    group,
    minutes,
    limitM,
    totalPopulation: residential.totalPop,
    basePopulation,
    planGain,
    planParks,
    bestGain: best.at(-1)?.cumulative ?? 0,
    best,
    bestSingleGain,
    siteAreaM2: p.areaM2,
    rule: { nearOptimalShare: NEAR_OPTIMAL_SHARE, fewShare: FEW_RESIDENTS_SHARE },
    candidates: ctx.candidates.length,
  };
}

export function comparePlan(engine: CoverageEngine, params: PlanStepParams): PlanComparison {
  return runToEnd(comparePlanSteps(engine, params));
}

/** The rule, in one place: near-optimal at ≥ 80 % of the best single site's gain, few below 20 %. */
export function verdictOf(shareOfBest: number): PlanVerdict {
  if (shareOfBest >= NEAR_OPTIMAL_SHARE) return 'near-optimal';
  if (shareOfBest < FEW_RESIDENTS_SHARE) return 'few';
  return 'partial';
}
