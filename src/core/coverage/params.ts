/** Parameters of a coverage computation, their defaults and their validation (done once, at the API edge). */
import { DEFAULT_BANDS_MIN, DEFAULT_CELL_M, DEFAULT_MIN_AREA_M2, DEFAULT_SPEED_MPS } from './constants';
import { DEFAULT_GREEN_RULE, GREEN_RULES, type GreenRule } from './green-class';
import { type Scenario, isScenario } from './scenarios';
import { isValidBands, isValidSpeed, MAX_BAND_MIN, SPEED_MAX_MPS, SPEED_MIN_MPS } from './walking';
import type { WhatIf } from './whatif';

export interface CoverageParams {
  scenario: Scenario;
  /** Walking speed, m/s (default 1.0; 0.8 for the elderly). */
  speed?: number;
  /** Band limits, minutes, ascending (default 5, 10, 15). The largest is the gap limit. */
  bands?: number[];
  /** Green spaces smaller than this (m²) do not count as destinations (default 1000). */
  minAreaM2?: number;
  /**
   * What counts as green (green-class.ts): `standard` (default, CJJ/T 85-2017: parks G1, shelter belts
   * G2 only where open with paths) or `all`.
   */
  greenRule?: GreenRule;
  /** Grid cell size, metres (default 50). */
  cellM?: number;
  whatIfs?: WhatIf[];
  /** Include the roads-by-walk-time layer (default true). */
  roadTimes?: boolean;
  /** Include both scenarios' statistics without what-ifs, and their difference (default true). */
  compare?: boolean;
  /**
   * A draft for frames while the user drags (a what-if park, a slider): bands traced at half
   * resolution (~4× faster). Statistics are exact either way. Send a final request without it.
   */
  draft?: boolean;
  /**
   * With `compare`: leave the comparison of scenarios out of the result when it needs searches not
   * done yet (a new smallest green space or green rule), and say so (`comparisonDeferred`); the app
   * then asks for it with the engine's `comparison` (default false: always included).
   */
  deferCompare?: boolean;
  /**
   * Trace the band polygons and the gaps' outlines (default true). The map draws the access image,
   * so the app asks for a result without them first (gaps listed, not yet outlined) and for the
   * polygons (outlines, export, print) in idle time.
   */
  polygons?: boolean;
}

export type ResolvedParams = Required<CoverageParams>;

export function resolveParams(p: CoverageParams): ResolvedParams {
  const r: ResolvedParams = {
    scenario: p.scenario,
    speed: p.speed ?? DEFAULT_SPEED_MPS,
    bands: p.bands ?? [...DEFAULT_BANDS_MIN],
    minAreaM2: p.minAreaM2 ?? DEFAULT_MIN_AREA_M2,
    greenRule: p.greenRule ?? DEFAULT_GREEN_RULE,
    cellM: p.cellM ?? DEFAULT_CELL_M,
    whatIfs: p.whatIfs ?? [],
    roadTimes: p.roadTimes ?? true,
    compare: p.compare ?? true,
    deferCompare: p.deferCompare ?? false,
    draft: p.draft ?? false,
    polygons: p.polygons ?? true,
  };
  if (!isScenario(r.scenario))
    throw new Error(
      `Unknown scenario "${r.scenario}": use "2014", "2015" (the plan), "today" or a year from 2016 ("2015-open" for the end of 2015).`,
    );
  if (!GREEN_RULES.includes(r.greenRule))
    throw new Error(`Unknown green rule "${r.greenRule}": use "standard" or "all".`);
  if (!isValidSpeed(r.speed))
    throw new Error(
      `Walking speed must be between ${SPEED_MIN_MPS} and ${SPEED_MAX_MPS} m/s, got ${r.speed}.`,
    );
  if (!isValidBands(r.bands))
    throw new Error(
      `Bands must be one to four ascending minutes up to ${MAX_BAND_MIN}, got [${r.bands.join(', ')}].`,
    );
  if (!(r.minAreaM2 >= 0)) throw new Error(`The smallest green space must be ≥ 0 m², got ${r.minAreaM2}.`);
  if (!(r.cellM >= 10 && r.cellM <= 500))
    throw new Error(`Cell size must be between 10 and 500 m, got ${r.cellM}.`);
  return r;
}

export function limitsOf(p: ResolvedParams): { minutes: number; metres: number }[] {
  return p.bands.map((minutes) => ({ minutes, metres: minutes * 60 * p.speed }));
}
