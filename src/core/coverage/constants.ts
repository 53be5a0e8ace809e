/**
 * Method constants of the 15-minute green-life circle (DESIGN.md, "The 15-minute green-life circle").
 * Distances are metres, times seconds, speeds metres per second.
 */

/** Walking speed and band defaults live with their limits (./walking.ts). */
export { DEFAULT_SPEED_MPS, DEFAULT_BANDS_MIN } from './walking';

/** Off-network walking counts as the straight line times this factor (people do not walk as the crow flies). */
export const OFF_NETWORK_DETOUR = 1.2;

/** Beyond this straight-line distance from any walkable road a place is unreachable. */
export const MAX_OFF_NETWORK_M = 300;

/** Spacing of source points along a green space's boundary when its entrances are unknown. */
export const BOUNDARY_STEP_M = 50;

/** Default access-grid cell size. */
export const DEFAULT_CELL_M = 50;

/** Green spaces smaller than this do not count as a destination by default (a 游园 starts near 1000 m²). */
export const DEFAULT_MIN_AREA_M2 = 1000;

/**
 * A grid cell keeps links to at most this many distinct nearby roads (the nearest point on each);
 * single-place queries use every road within reach. More links cost memory and fill time per cell.
 */
export const MAX_LINKS_PER_CELL = 8;
