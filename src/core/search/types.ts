/** What kind of place a search entry is; the order of PLACE_KIND_PRIORITY breaks score ties. */
export type PlaceKind = 'green' | 'metro' | 'crossing' | 'road' | 'campus' | 'residential' | 'place';

/**
 * Lower comes first when two results score the same. Parks first (residents look for parks);
 * crossings last, since every road name is part of a dozen crossing names and would bury the road.
 */
export const PLACE_KIND_PRIORITY: Record<PlaceKind, number> = {
  green: 0,
  metro: 1,
  campus: 2,
  road: 3,
  residential: 4,
  place: 5,
  crossing: 6,
};

/** [west, south, east, north] in WGS-84 degrees. */
export type BBox = [number, number, number, number];

/** One searchable place, built once from the geodata layers. Coordinates are WGS-84 [lng, lat]. */
export interface Place {
  /** Stable across rebuilds of the same data: `<kind>:<feature id or name>`. */
  id: string;
  kind: PlaceKind;
  name_zh: string;
  name_en: string;
  /** Where the map flies to: a point on or inside the place. */
  center: [number, number];
  bbox?: BBox;
  /** Other Chinese spellings that should find this place (crossings in either order, 站 dropped, ...). */
  aliases_zh?: string[];
  /** The containing place, e.g. the residential block an estate lies in. */
  parent_zh?: string;
  parent_en?: string;
  /** Breaks the last ties: bigger parks and main roads first. Unitless, larger is more important. */
  importance?: number;
}

/** Which rule matched; the UI may show it, tests assert it. */
export type MatchedBy = 'exact' | 'prefix' | 'pinyin' | 'initials' | 'english' | 'substring' | 'fuzzy';

export interface SearchResult {
  id: string;
  kind: PlaceKind;
  name_zh: string;
  name_en: string;
  center: [number, number];
  bbox?: BBox;
  parent_zh?: string;
  parent_en?: string;
  /** Higher is better; 0..100. Tiers: exact 100, Chinese prefix 90, pinyin/initials/English 80 (exact) or
   * 75 (prefix), substring 60/55, fuzzy below 50. */
  score: number;
  matchedBy: MatchedBy;
}

export interface SearchOptions {
  /** Maximum number of results; default 10. */
  limit?: number;
  /** Only these kinds; default all. */
  kinds?: readonly PlaceKind[];
}
