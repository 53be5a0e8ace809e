/**
 * What the site search takes and returns. Everything crosses the worker boundary as plain data:
 * positions are WGS-84 [lng, lat], gains are people (residents newly within the largest band).
 */
import type { FeatureCollection } from 'geojson';
import type { CoverageParams } from '../coverage/params';
import type { Areal } from '../coverage/types';

/** Whose walk the search maximises: everyone at the chosen speed, or the elderly at 0.8 m/s. */
export type ResidentGroup = 'all' | 'elderly';

export interface SiteParams {
  /** Where the search starts: scenario, speed, bands, smallest green, cell size, what-ifs already placed. */
  coverage: CoverageParams;
  /** Number of new parks, 1–10 (default 5). */
  k?: number;
  /** Area of each new park, m² (default 20,000 = 2 ha); the park is a circle of this area. */
  areaM2?: number;
  /** Campuses (industrial-parks layer, kind university) may take a park (default false). */
  allowCampus?: boolean;
  /** Industrial parks, clusters and headquarters may take a park (default false). */
  allowIndustrial?: boolean;
  /** Rankings to compute (default ['all']); 'elderly' walks at ELDERLY_SPEED_MPS. */
  groups?: ResidentGroup[];
  /** Polygons (outer rings, [lng, lat]) the user marks as available land: candidates even on blocked land use. */
  availableLand?: number[][][];
  /** The industrial-parks layer (campuses and industrial parks), read for `kind`; optional. */
  landUse?: FeatureCollection<Areal, { kind?: string } | null>;
  /** Spacing of the candidate grid, metres (default 100). */
  spacingM?: number;
}

/** How much of a gain rests on guessed features (confidence 'low' or illustrative). */
export interface GuessedShare {
  /** People of the gain living in guessed residential blocks. */
  residential: number;
  /** People of the gain reached only along routes that use a guessed road. */
  roads: number;
  /** People of the gain resting on either (each person counted once). */
  total: number;
  /** total ÷ gain (0 when the gain is 0). */
  share: number;
}

export interface RankedSite {
  /** 1 = chosen first. */
  rank: number;
  lng: number;
  lat: number;
  areaM2: number;
  /** People newly within the band thanks to this site, given the sites ranked before it. */
  gain: number;
  /** Sum of the gains of sites 1..rank. */
  cumulative: number;
  guessed: GuessedShare;
  /** True when at least GUESSED_FLAG_SHARE of the gain rests on guessed features. */
  restsOnGuesses: boolean;
  /** True when the site came from land the user marked as available. */
  available: boolean;
}

/** One point of the cumulative curve: k sites bring `gained` people; `covered` are within the band in all. */
export interface CurvePoint {
  k: number;
  gained: number;
  covered: number;
  /** covered ÷ total population (0–1). */
  coveredShare: number;
}

export interface SiteRanking {
  group: ResidentGroup;
  speed: number;
  /** The band maximised (the largest band), minutes and effective metres at this group's speed. */
  minutes: number;
  limitM: number;
  totalPopulation: number;
  /** People within the band before any new site. */
  basePopulation: number;
  sites: RankedSite[];
  curve: CurvePoint[];
}

export interface SitesResult {
  k: number;
  areaM2: number;
  /** Candidate sites considered (after the land-use and road-access rules). */
  candidates: number;
  /** Exact gain evaluations made (lazy evaluation skips the rest). */
  evaluations: number;
  rankings: SiteRanking[];
  timings: Record<string, number>;
}

/** Sent while the search runs. */
export interface SitesProgress {
  group: ResidentGroup;
  /** Sites chosen so far in this group's ranking, of `k`. */
  chosen: number;
  k: number;
  evaluations: number;
  /** 0–1 over the whole request. */
  fraction: number;
}
