/** Sizes beyond which an import is refused or trimmed (DESIGN.md "Hostile sizes"). */

/** Files over 200 MB are refused before parsing. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** More than 5 million positions in all are refused. */
export const MAX_VERTICES = 5_000_000;
/**
 * Deepest JSON nesting accepted. A MultiPolygon's positions sit at depth 7 in a FeatureCollection
 * (collection, features, feature, geometry, coordinates, polygon, ring, position); 32 leaves room
 * for nested properties and refuses "[[[[…" bombs long before any stack is at risk.
 */
export const MAX_DEPTH = 32;
/** Property strings longer than this are cut for display (a megabyte "name" would freeze labels). */
export const MAX_STRING_LENGTH = 2_000;
/** Names are labels on the map: cut shorter. */
export const MAX_NAME_LENGTH = 120;
/** Property keys per feature kept; the rest are dropped with a warning. */
export const MAX_PROPERTY_KEYS = 200;
/** Issues listed one by one; beyond this a single "and N more" issue is added. */
export const MAX_LISTED_ISSUES = 200;
/**
 * Self-intersection checks (@turf/kinks) compare every pair of segments: O(n²). Features with
 * more positions than this are not checked, and the whole file gets at most KINKS_PAIR_BUDGET pairs.
 */
export const MAX_KINKS_VERTICES = 3_000;
export const KINKS_PAIR_BUDGET = 200_000_000;
/** All features farther than this from the study area make the import fail (kilometres). */
export const FAR_FROM_ZONE_KM = 5;
