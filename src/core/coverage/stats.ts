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
 * Counts cells into the bands: the one rule of band statistics, shared by a whole grid (bandStats)
 * and the residential cells alone (residential-access.ts). A cell counts with its residential land
 * and people in every band whose limit its distance is within; people with no green space reachable
 * (Infinity) count as unreachable. Sums in the order cells are added.
 */
export class BandCount {
  private readonly limits: { minutes: number; metres: number }[];
  private readonly metres: Float64Array;
  private readonly land: Float64Array;
  private readonly pop: Float64Array;
  private unreachable = 0;

  constructor(
    limits: ReadonlyArray<{ minutes: number; metres: number }>,
    private readonly res: ResidentialRaster,
  ) {
    this.limits = [...limits].sort((a, b) => a.minutes - b.minutes);
    this.metres = Float64Array.from(this.limits, (l) => l.metres);
    this.land = new Float64Array(limits.length);
    this.pop = new Float64Array(limits.length);
  }

  /** Counts cell `c` at distance `d` (effective metres, as the grid holds it). */
  add(c: number, d: number): void {
    const a = this.res.area[c];
    if (a === 0) return;
    if (d === Infinity) {
      this.unreachable += this.res.pop[c];
      return;
    }
    const { metres, land, pop } = this;
    for (let b = metres.length - 1; b >= 0 && d <= metres[b]; b--) {
      land[b] += a;
      pop[b] += this.res.pop[c];
    }
  }

  result(): { bands: BandStat[]; unreachablePopulation: number } {
    const { res, land, pop } = this;
    return {
      bands: this.limits.map((l, b) => ({
        minutes: l.minutes,
        residentialM2: land[b],
        residentialShare: res.totalArea > 0 ? land[b] / res.totalArea : 0,
        population: pop[b],
        populationShare: res.totalPop > 0 ? pop[b] / res.totalPop : 0,
      })),
      unreachablePopulation: this.unreachable,
    };
  }
}

/** Band statistics of a whole grid of distances. */
export function bandStats(
  dist: Float32Array,
  res: ResidentialRaster,
  limits: ReadonlyArray<{ minutes: number; metres: number }>,
): { bands: BandStat[]; unreachablePopulation: number } {
  const count = new BandCount(limits, res);
  for (let c = 0; c < dist.length; c++) count.add(c, dist[c]);
  return count.result();
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
