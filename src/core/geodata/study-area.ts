/**
 * The study area's box, apart from the zod schema (schema.ts re-exports it) so the main chunk and
 * the coverage worker, which need the box but no validation, do not pull zod in.
 */

/** The study area: the zone and the neighbourhoods around it (DESIGN.md). */
export const STUDY_BBOX = [113.44, 34.75, 113.62, 34.88] as const;
