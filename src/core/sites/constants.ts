/** Rules of the site search, in one place (each says why). */

/** Walking speed of the 'elderly' group, m/s (GB 50180-2018 commentary; the speed setting's low end). */
export const ELDERLY_SPEED_MPS = 0.8;

export const DEFAULT_SITE_COUNT = 5;
/** More than ten sites at once stops being a siting question and becomes a plan. */
export const MAX_SITE_COUNT = 10;
/** 2 ha: a community park (社区公园) in CJJ/T 85-2017 starts near 1 ha; 2 ha serves a 15-minute circle. */
export const DEFAULT_SITE_AREA_M2 = 20000;
export const DEFAULT_CANDIDATE_SPACING_M = 100;

/**
 * A candidate park (a circle of the chosen area) may overlap land that cannot take a park (water,
 * residential blocks, existing green, campuses or industrial parks unless allowed) on at most this
 * share of its cells; its centre must be free. Parks squeezed between blocks are real (游园), parks
 * on top of housing are not.
 */
export const MAX_BLOCKED_SHARE = 0.25;

/** A site is marked as resting on guesses when at least this share of its gain does. */
export const GUESSED_FLAG_SHARE = 0.5;

/** The plan's park is near-optimal when it brings at least this share of the best single site's gain. */
export const NEAR_OPTIMAL_SHARE = 0.8;
/** …and served few residents below this share. */
export const FEW_RESIDENTS_SHARE = 0.2;

/** The search reports progress (and may be cancelled) after this many gain evaluations. */
export const PROGRESS_EVERY = 200;
