/**
 * Contract of geodata/standards.json: the planning standards behind the coverage statistics, each
 * row with its source. Distances in metres, areas in square metres, speeds in metres per second.
 */
import { z } from 'zod';
import { Confidence } from './schema';
import { SPEED_MAX_MPS, SPEED_MIN_MPS } from '../coverage/walking';

const sourced = { source: z.string().min(1), confidence: Confidence };
const labelled = { id: z.string().min(1), label_zh: z.string().min(1), label_en: z.string().min(1) };

/**
 * Service radius of park green by park area: a park of area A uses the row with
 * min_area_m2 <= A < max_area_m2 (no max = no upper bound). radius_m 0 = not counted.
 */
export const ServiceRadius = z
  .object({
    ...labelled,
    ...sourced,
    /** '300-500' = '300米见绿、500米见园' (the default); 'gbt51346' = GB/T 51346-2019 park tiers. */
    scheme: z.enum(['300-500', 'gbt51346']),
    min_area_m2: z.number().nonnegative(),
    max_area_m2: z.number().positive().optional(),
    radius_m: z.number().nonnegative(),
  })
  .refine((r) => r.max_area_m2 === undefined || r.max_area_m2 > r.min_area_m2, {
    message: 'max_area_m2 must exceed min_area_m2',
  });
export type ServiceRadius = z.infer<typeof ServiceRadius>;

export const CoverageThreshold = z.object({
  ...labelled,
  ...sourced,
  /** Share (0-1) of residential land within a park's service radius. */
  rate: z.number().gt(0).max(1),
  /** true for a mandatory minimum (强制性条文), false for a recommended target. */
  mandatory: z.boolean(),
});
export type CoverageThreshold = z.infer<typeof CoverageThreshold>;

export const WalkingSpeed = z.object({
  ...labelled,
  ...sourced,
  m_per_s: z.number().min(SPEED_MIN_MPS).max(SPEED_MAX_MPS),
});
export type WalkingSpeed = z.infer<typeof WalkingSpeed>;

/** A GB 50180-2018 life circle: walk distance, population and the park it should contain. */
export const LifeCircle = z
  .object({
    ...labelled,
    ...sourced,
    minutes: z.number().int().positive(),
    walk_m_min: z.number().positive(),
    walk_m_max: z.number().positive(),
    population_min: z.number().int().positive(),
    population_max: z.number().int().positive(),
    dwellings_min: z.number().int().positive(),
    dwellings_max: z.number().int().positive(),
    park_min_area_m2: z.number().positive(),
    park_min_width_m: z.number().positive(),
    green_m2_per_person: z.number().positive(),
  })
  .refine(
    (c) =>
      c.walk_m_max >= c.walk_m_min &&
      c.population_max >= c.population_min &&
      c.dwellings_max >= c.dwellings_min,
    {
      message: 'ranges must run from min to max',
    },
  );
export type LifeCircle = z.infer<typeof LifeCircle>;

/** Rows of one scheme must not overlap: each park size maps to at most one radius. */
const oneScheme = z
  .array(ServiceRadius)
  .min(1)
  .refine(
    (rows) =>
      [...rows]
        .sort((a, b) => a.min_area_m2 - b.min_area_m2)
        .every((r, i, all) => i === 0 || r.min_area_m2 >= (all[i - 1].max_area_m2 ?? Infinity)),
    { message: 'radius rows of one scheme overlap in park size' },
  );

export const StandardsFile = z.object({
  about: z.string(),
  /** The default scheme ('300米见绿、500米见园'); the only top-level array of radius rows. */
  service_radii: oneScheme,
  /** Other schemes by name (e.g. the GB/T 51346-2019 tiers), kept out of the default. */
  alternative_radius_schemes: z.record(z.string(), oneScheme),
  coverage_thresholds: z.array(CoverageThreshold).min(1),
  walking_speeds: z.array(WalkingSpeed).min(1),
  life_circles: z.array(LifeCircle).min(1),
});
export type StandardsFile = z.infer<typeof StandardsFile>;
