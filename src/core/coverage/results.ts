/** What a coverage computation returns (the worker sends these to the main thread). */
import type { FeatureCollection, MultiLineString, MultiPolygon } from 'geojson';
import type { BandProps } from './bands';
import type { Gap } from './gaps';
import type { ResolvedParams } from './params';
import type { RoadTimeProps } from './road-times';
import type { CoverageStats, StatsDelta } from './stats';

/** The access grid itself: CoverageEngine.gridResult (results carry the image and polygons instead). */
export interface GridResult {
  cols: number;
  rows: number;
  cellM: number;
  /** [west, south, east, north] of the grid, degrees; row 0 is the southern row. */
  bbox: [number, number, number, number];
  /** Walk seconds to the nearest green space per cell, row-major from the south-west; NaN = unreachable. */
  seconds: Float32Array;
  /** Index into `greens` of each cell's nearest green space; -1 = unreachable. */
  green: Int32Array;
}

export interface GreenSummary {
  id: string;
  name_zh: string;
  name_en: string;
  area_m2: number;
  whatIf: boolean;
  illustrative: boolean;
  /** A guess in this scenario (guesses.ts): figures are also given without it. */
  guessed: boolean;
  /** CJJ/T 85-2017 class where the data gives one (G1 parks, G2 shelter belts). */
  green_class?: string;
}

export interface CoverageResult {
  params: ResolvedParams;
  greens: GreenSummary[];
  /** The band polygons; empty when params.polygons is false (the app asks for them in idle time). */
  bands: FeatureCollection<MultiPolygon, BandProps>;
  gaps: Gap[];
  stats: CoverageStats;
  /**
   * 2014 as built, the 2015 plan and today without what-ifs, each with its range without guessed
   * features (stats.withoutGuessed), and 2015 plan − 2014, today − 2014 (present when params.compare).
   */
  scenarioStats?: Record<'2014' | '2015' | 'today', CoverageStats>;
  planDelta?: StatsDelta;
  todayDelta?: StatsDelta;
  /** With what-ifs − without, in the current scenario (present when there are what-ifs and params.compare). */
  whatIfDelta?: StatsDelta;
  /**
   * True when params.deferCompare left the comparison out (it needed new searches): the four fields
   * above are absent, and the engine's `comparison` with the same params gives them.
   */
  comparisonDeferred?: boolean;
  roadTimes?: FeatureCollection<MultiLineString, RoadTimeProps>;
  /** Milliseconds per stage of this call (cache hits cost ~0). */
  timings: Record<string, number>;
}

/** The comparison of scenarios, as a result carries it (its fields when params.compare). */
export interface ScenarioComparison {
  scenarioStats: Record<'2014' | '2015' | 'today', CoverageStats>;
  planDelta: StatsDelta;
  todayDelta: StatsDelta;
  whatIfDelta?: StatsDelta;
}

/** A place where one more park would bring people within the largest band. */
export interface Suggestion {
  /** The gap it sits in (rank by population). */
  gapRank: number;
  lng: number;
  lat: number;
  areaM2: number;
  gapPopulation: number;
  /** People newly within the largest band with this park added. */
  gain: number;
}
