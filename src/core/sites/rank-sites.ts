/**
 * One ranking: the k best sites from a starting coverage for one band limit, each with its marginal
 * gain, the cumulative gain, how much of it rests on guessed features, and the cumulative curve.
 */
import type { NearestField } from '../coverage/dijkstra';
import { GUESSED_FLAG_SHARE } from './constants';
import { CoverageGain } from './coverage-gain';
import { greedySites } from './greedy';
import type { SiteContext } from './site-context';
import type { CurvePoint, RankedSite } from './types';
import { UncoveredDiscs } from './upper-bound';

export interface Ranked {
  sites: RankedSite[];
  curve: CurvePoint[];
  basePopulation: number;
  evaluations: number;
}

export function* rankSites(
  ctx: SiteContext,
  field: NearestField,
  cellDist: Float32Array,
  limit: number,
  k: number,
): Generator<{ chosen: number; evaluations: number }, Ranked> {
  const { model, residential } = ctx;
  const gains = new CoverageGain(model.graph, model.links, residential, field, cellDist, limit);
  const basePopulation = gains.coveredPopulation;
  const discs = new UncoveredDiscs(model.grid, residential.pop, gains.covered);
  // +1 m: the circle of a what-if park is a polygon inscribed in the radius; rounding must not cut the bound.
  const reach = limit + ctx.radius + 1;
  const picks = yield* greedySites({
    count: ctx.candidates.length,
    gains,
    park: (i) => ctx.park(i),
    bound: (i) => discs.sum(ctx.candidates[i].x, ctx.candidates[i].y, reach),
    conflicts: (i) => ctx.conflicts(i),
    k,
  });
  // Replay the picks from the start to measure how much of each gain rests on guesses.
  const replay = new CoverageGain(model.graph, model.links, residential, field, cellDist, limit);
  const sites: RankedSite[] = [];
  const curve: CurvePoint[] = [point(0, 0, basePopulation, residential.totalPop)];
  let cumulative = 0;
  picks.forEach((pick, r) => {
    const park = ctx.park(pick.candidate);
    const d = replay.detail(park, ctx.flags, residential.block);
    replay.add(park);
    cumulative += pick.gain;
    const c = ctx.candidates[pick.candidate];
    sites.push({
      rank: r + 1,
      lng: c.lng,
      lat: c.lat,
      areaM2: ctx.areaM2,
      gain: pick.gain,
      cumulative,
      guessed: d.guessed,
      restsOnGuesses: d.gain > 0 && d.guessed.share >= GUESSED_FLAG_SHARE,
      available: c.available,
    });
    curve.push(point(r + 1, cumulative, basePopulation + cumulative, residential.totalPop));
  });
  return { sites, curve, basePopulation, evaluations: gains.evaluations };
}

function point(k: number, gained: number, covered: number, total: number): CurvePoint {
  return { k, gained, covered, coveredShare: total > 0 ? covered / total : 0 };
}
