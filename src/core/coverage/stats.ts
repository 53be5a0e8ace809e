/**
 * Statistics of one computation, on grid cells (never on display polygons): the share of residential
 * land and of population within each band, the straight-line service-radius coverage rate against
 * the standard's targets, and the gaps.
 */
import type { ResidentialRaster } from './residential';

export interface BandStat {
  minutes: number;
  /** Residential land within the band, m², and as a share of all residential land (0–1). */
  residentialM2: number;
  residentialShare: number;
  population: number;
  populationShare: number;
}

export interface RadiusStat {
  /** Share of residential land inside some green space's service radius (0–1): the standard's rate. */
  landRate: number;
  populationRate: number;
  targets: { rate: number; source: string; met: boolean }[];
}

export interface CoverageStats {
  totalResidentialM2: number;
  totalPopulation: number;
  bands: BandStat[];
  /** People with no green space reachable at all within the off-network limit. */
  unreachablePopulation: number;
  /** People whose nearest green space is marked illustrative (a guess): how much rests on guesses. */
  illustrativePopulation: number;
  radius: RadiusStat;
  /** What the figures rest on that is a guess (guesses.ts); absent on what-if trials. */
  guesses?: GuessCount;
  /**
   * The same statistics with the guessed features left out (and what-ifs kept): the other end of
   * every range. Not computed for draft frames; equal figures when nothing is guessed.
   */
  withoutGuessed?: CoverageStats;
}

/** Guessed features counted in one computation. */
export interface GuessCount {
  /** Guessed green spaces among the destinations, and their ids. */
  greens: number;
  greenIds: string[];
  /** Walkable roads of the scenario that are guessed (left out of the network without guesses). */
  roads: number;
  /**
   * Of those green spaces and roads, the ones counted only by the assumption that works under
   * construction at the end of 2014 with no sourced opening year are open today (scenarios.ts).
   */
  assumedOpen: { greens: number; roads: number };
}

/**
 * Band statistics: a cell counts with its residential land and people in every band whose limit its
 * distance is within; people with no green space reachable (Infinity) count as unreachable. Over a
 * whole grid (`dist[c]` for cell c), or over listed cells only (`dist[k]` for `cells[k]`, ascending:
 * the residential cells give the same sums, as every other cell adds nothing). One plain loop: a
 * cold worker runs it before the JIT has inlined any call.
 */
export function bandStats(
  dist: Float32Array,
  res: ResidentialRaster,
  limits: ReadonlyArray<{ minutes: number; metres: number }>,
  cells?: Int32Array,
): { bands: BandStat[]; unreachablePopulation: number } {
  const sorted = [...limits].sort((a, b) => a.minutes - b.minutes);
  const metres = Float64Array.from(sorted, (l) => l.metres);
  const land = new Float64Array(sorted.length);
  const pop = new Float64Array(sorted.length);
  const area = res.area,
    people = res.pop;
  let unreachable = 0;
  const n = cells ? cells.length : dist.length;
  for (let k = 0; k < n; k++) {
    const c = cells ? cells[k] : k;
    const a = area[c];
    if (a === 0) continue;
    const d = dist[k];
    if (d === Infinity) {
      unreachable += people[c];
      continue;
    }
    for (let b = metres.length - 1; b >= 0 && d <= metres[b]; b--) {
      land[b] += a;
      pop[b] += people[c];
    }
  }
  return {
    bands: sorted.map((l, b) => ({
      minutes: l.minutes,
      residentialM2: land[b],
      residentialShare: res.totalArea > 0 ? land[b] / res.totalArea : 0,
      population: pop[b],
      populationShare: res.totalPop > 0 ? pop[b] / res.totalPop : 0,
    })),
    unreachablePopulation: unreachable,
  };
}

/**
 * The standard's rate from the cells inside some service radius. `cells` (ascending) may list only
 * the cells with residential land or people: the sums are the same, as every other cell adds zero.
 */
export function radiusStats(
  covered: Uint8Array,
  res: ResidentialRaster,
  targets: ReadonlyArray<{ rate: number; source: string }>,
  cells?: ArrayLike<number>,
): RadiusStat {
  let land = 0,
    pop = 0;
  const n = cells ? cells.length : covered.length;
  for (let k = 0; k < n; k++) {
    const c = cells ? cells[k] : k;
    if (!covered[c]) continue;
    land += res.area[c];
    pop += res.pop[c];
  }
  const landRate = res.totalArea > 0 ? land / res.totalArea : 0;
  return {
    landRate,
    populationRate: res.totalPop > 0 ? pop / res.totalPop : 0,
    targets: targets.map((t) => ({ rate: t.rate, source: t.source, met: landRate >= t.rate })),
  };
}

/** The change from one scenario's statistics to another's, band by band (b − a). */
export interface StatsDelta {
  bands: { minutes: number; residentialShare: number; populationShare: number; population: number }[];
  radiusLandRate: number;
  unreachablePopulation: number;
}

export function statsDelta(a: CoverageStats, b: CoverageStats): StatsDelta {
  return {
    bands: b.bands.map((bb, k) => ({
      minutes: bb.minutes,
      residentialShare: bb.residentialShare - (a.bands[k]?.residentialShare ?? 0),
      populationShare: bb.populationShare - (a.bands[k]?.populationShare ?? 0),
      population: bb.population - (a.bands[k]?.population ?? 0),
    })),
    radiusLandRate: b.radius.landRate - a.radius.landRate,
    unreachablePopulation: b.unreachablePopulation - a.unreachablePopulation,
  };
}
