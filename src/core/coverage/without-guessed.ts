/**
 * The "without guessed features" stage: the same answers from a second source set that leaves out
 * guessed green spaces and walkable guessed roads (guesses.ts), put beside the answers with them.
 * The pipeline computes that source set once per scenario (one more multi-source search over fewer
 * sources); this module only pairs the two computations' results.
 */
import { type Gap, floodGap, withGapCells } from './gaps';
import type { NearestGreen, NearestResult } from './nearest';
import type { PointInfo } from './point-info';
import type { ResidentialAccess } from './residential-access';
import type { ResidentialRaster } from './residential';
import type { CoverageStats } from './stats';

/** A figure and the same figure without guessed features. */
export interface Range {
  value: number;
  withoutGuessed: number;
}

/** Every coverage figure of one computation as a range (needs stats.withoutGuessed; else both equal). */
export interface StatsRanges {
  bands: {
    minutes: number;
    populationShare: Range;
    residentialShare: Range;
    population: Range;
  }[];
  /** People beyond the largest band or unreachable: the gap population. */
  gapPopulation: Range;
  radiusLandRate: Range;
  /** True when any figure differs without the guessed features. */
  restsOnGuesses: boolean;
}

export function statsRanges(s: CoverageStats): StatsRanges {
  const w = s.withoutGuessed ?? s;
  const r = (value: number, without: number): Range => ({ value, withoutGuessed: without });
  const last = (x: CoverageStats) => x.bands.at(-1)?.population ?? 0;
  const out: StatsRanges = {
    bands: s.bands.map((b, k) => ({
      minutes: b.minutes,
      populationShare: r(b.populationShare, w.bands[k]?.populationShare ?? 0),
      residentialShare: r(b.residentialShare, w.bands[k]?.residentialShare ?? 0),
      population: r(b.population, w.bands[k]?.population ?? 0),
    })),
    gapPopulation: r(s.totalPopulation - last(s), w.totalPopulation - last(w)),
    radiusLandRate: r(s.radius.landRate, w.radius.landRate),
    restsOnGuesses: false,
  };
  out.restsOnGuesses =
    out.gapPopulation.value !== out.gapPopulation.withoutGuessed ||
    out.radiusLandRate.value !== out.radiusLandRate.withoutGuessed ||
    out.bands.some(
      (b) =>
        b.population.value !== b.population.withoutGuessed ||
        b.residentialShare.value !== b.residentialShare.withoutGuessed,
    );
  return out;
}

/**
 * Sets each gap's populationWithoutGuessed: the people of the gap, in the computation without
 * guessed features, that holds the gap's cell. `access` is that computation's residential values.
 */
export function gapRanges(
  gaps: Gap[],
  cols: number,
  rows: number,
  access: ResidentialAccess,
  limitM: number,
  res: ResidentialRaster,
): void {
  if (gaps.length === 0) return;
  withGapCells(cols * rows, access, limitM, res, (w) => {
    const pops: number[] = [];
    for (const gap of gaps) {
      let id = w.label[gap.cell];
      if (id < 0 && w.inGap[gap.cell]) {
        id = pops.length;
        const count = floodGap(w, cols, rows, gap.cell, id);
        let pop = 0;
        for (let q = 0; q < count; q++) pop += res.pop[w.stack[q]];
        pops.push(pop);
      }
      // Without guesses a walk can only be longer, so the cell is in a gap; should a guessed road
      // ever have hidden a shorter link, the gap keeps its own figure rather than claim it closes.
      gap.populationWithoutGuessed = id >= 0 ? Math.max(pops[id], gap.population) : gap.population;
    }
  });
}

/** The nearest-park answer with, where it rests on a guess, the answer without guessed features. */
export interface NearestRanged extends NearestResult {
  greens: (NearestGreen & { guessed: boolean })[];
  /**
   * Present when the nearest answer rests on a guess (a guessed park, or a walk over a guessed road):
   * the nearest green space without guessed features, or null when none is reachable then.
   */
  withoutGuessed?: NearestGreen | null;
}

export function nearestRanged(
  main: NearestResult,
  sure: NearestResult,
  guessedIds: ReadonlySet<string>,
): NearestRanged {
  const out: NearestRanged = {
    ...main,
    greens: main.greens.map((g) => ({ ...g, guessed: guessedIds.has(g.id) })),
  };
  const a = main.greens[0],
    b = sure.greens[0];
  if (a && (!b || b.id !== a.id || Math.abs(b.walkMetres - a.walkMetres) > 0.5))
    out.withoutGuessed = b ?? null;
  return out;
}

/** A clicked place's answer with, where it rests on a guess, the answer without guessed features. */
export interface PointInfoRanged extends PointInfo {
  green: (NonNullable<PointInfo['green']> & { guessed: boolean }) | null;
  /** Present when the answer rests on a guess: walk and green space without guessed features. */
  withoutGuessed?: Pick<PointInfo, 'metres' | 'seconds' | 'green'>;
}

export function pointInfoRanged(
  main: PointInfo,
  sure: PointInfo,
  guessedIds: ReadonlySet<string>,
): PointInfoRanged {
  const out: PointInfoRanged = {
    ...main,
    green: main.green && { ...main.green, guessed: guessedIds.has(main.green.id) },
  };
  const differs =
    (main.green?.id ?? null) !== (sure.green?.id ?? null) ||
    (main.metres === null) !== (sure.metres === null) ||
    (main.metres !== null && sure.metres !== null && Math.abs(main.metres - sure.metres) > 0.5);
  if (main.green && differs)
    out.withoutGuessed = { metres: sure.metres, seconds: sure.seconds, green: sure.green };
  return out;
}
