/**
 * The public property contract of every layer in geodata/. Other people's scripts and tests read
 * these names: extend, never rename. All geometry is WGS-84 [longitude, latitude].
 */
import { z } from 'zod';

export { STUDY_BBOX } from './study-area';

export const Status = z.enum(['existing', 'under_construction', 'planned']);
export const Confidence = z.enum(['high', 'medium', 'low']);
export type Status = z.infer<typeof Status>;
export type Confidence = z.infer<typeof Confidence>;

/** Properties every authored feature carries: identity, names, provenance. */
const base = {
  id: z.string().min(1),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  status: Status,
  source: z.string().min(1),
  confidence: Confidence,
  /** true where the feature's existence or course is a guess; drawn hatched or dashed. */
  illustrative: z.boolean().optional(),
  /** The 2015 plan's project this feature belongs to, e.g. "长椿路南延". */
  plan: z.string().optional(),
  /** The report's sentence about that project, verbatim. */
  plan_text: z.string().optional(),
  /** Year opened, where a fact gives it. */
  opened: z.number().int().min(1950).max(2030).optional(),
  note: z.string().optional(),
};

/** 'railway' lines sit in roads.geojson as barriers (walkable false), crossed only at road bridges. */
export const RoadClass = z.enum(['expressway', 'arterial', 'secondary', 'local', 'path', 'railway']);
export type RoadClass = z.infer<typeof RoadClass>;

export const RoadProps = z.object({
  ...base,
  class: RoadClass,
  /** false for expressway main lines without sidewalks, railways. */
  walkable: z.boolean(),
  /** Another name of the same road, e.g. its 2013 name (西环路 for 西三环); search finds it by either. */
  name_alt: z.string().optional(),
  /** true for bridges over water or rail: the only places a barrier may be crossed. */
  bridge: z.boolean().optional(),
  /** The road this piece belongs to: pieces split at intersections share it (e.g. "xuesong"). */
  road_id: z.string().optional(),
});
export type RoadProps = z.infer<typeof RoadProps>;

export const GreenProgram = z.enum(['four_parks', 'four_corridors', 'other']);
/** 综合公园 | 社区公园 | 游园 | 带状公园 */
export const GreenType = z.enum(['comprehensive', 'community', 'pocket', 'linear']);
export type GreenProgram = z.infer<typeof GreenProgram>;
export type GreenType = z.infer<typeof GreenType>;
/**
 * A green space's state at the end of 2014, plus 'later': neither built nor in the 2015 plan then,
 * opened afterwards (see `opened`). 'later' counts in no 2014/2015 scenario (statusInScenario).
 */
export const GreenStatus = z.enum([...Status.options, 'later']);
export type GreenStatus = z.infer<typeof GreenStatus>;
/** CJJ/T 85-2017 城市绿地分类标准: G1 公园绿地 (for people), G2 防护绿地 (protective belts). */
export const GreenClass = z.enum(['G1', 'G2']);
export type GreenClass = z.infer<typeof GreenClass>;
/** Kinds under CJJ/T 85-2017: 综合公园, 社区公园, 专类公园, 游园 (incl. 带状游园), a road/river corridor. */
export const GreenKind = z.enum(['comprehensive', 'community', 'special', 'pocket', 'corridor']);
export type GreenKind = z.infer<typeof GreenKind>;

export const GreenProps = z.object({
  ...base,
  status: GreenStatus,
  program: GreenProgram,
  type: GreenType,
  green_class: GreenClass.optional(),
  green_type: GreenKind.optional(),
  /** G2 only: true where a source says the belt is open to people with paths. */
  open_access: z.boolean().optional(),
  /** The area a source publishes (m²), which the polygon approximates. */
  area_m2_published: z.number().positive().optional(),
  /** How sure the outline is, where it differs from the position's `confidence`. */
  outline_confidence: Confidence.optional(),
  /** Year of the latest source the feature rests on. */
  source_year: z.number().int().min(1990).max(2030).optional(),
  /** Planar area in square metres, computed with Turf from the polygon. */
  area_m2: z.number().positive(),
  /** Known entrances as [lng, lat]; absent where unknown (sources then fall along the boundary). */
  entrances: z.array(z.tuple([z.number(), z.number()])).optional(),
});
export type GreenProps = z.infer<typeof GreenProps>;

export const ParkKind = z.enum(['industrial_park', 'cluster', 'university', 'headquarters']);
export const IndustrialProps = z.object({
  ...base,
  kind: ParkKind,
  area_m2: z.number().positive(),
  /** Figures the report gives, e.g. investment in 亿元. */
  investment_yi: z.number().optional(),
  output_yi: z.number().optional(),
  description_zh: z.string().optional(),
  description_en: z.string().optional(),
});
export type IndustrialProps = z.infer<typeof IndustrialProps>;

export const ResidentialProps = z.object({
  ...base,
  area_m2: z.number().positive(),
  dwellings: z.number().int().nonnegative(),
  population: z.number().nonnegative(),
  /** How the population was estimated, in a sentence. */
  population_method: z.string().min(1),
  /** The year the population stands for (the listing's or the enrolment figure's year). */
  population_year: z.number().int().min(2000).max(2030).optional(),
  /** Listed estates inside this block (names only). */
  estates: z.array(z.string()).optional(),
  kind: z.enum(['estate', 'resettlement', 'campus_dormitory', 'village']).optional(),
});
export type ResidentialProps = z.infer<typeof ResidentialProps>;

export const WaterProps = z.object({
  ...base,
  kind: z.enum(['river', 'lake', 'canal', 'pond']),
});
export type WaterProps = z.infer<typeof WaterProps>;

export const BoundaryProps = z.object({ ...base });
export type BoundaryProps = z.infer<typeof BoundaryProps>;

export const LandmarkProps = z.object({
  ...base,
  /** 'place': a village, estate, campus or institution a 2013 bus stop is named after. */
  kind: z.enum(['metro_station', 'campus_gate', 'crossing', 'landmark', 'place']),
  line: z.string().optional(),
});
export type LandmarkProps = z.infer<typeof LandmarkProps>;

/** A searchable road crossing ("A路与B街"): where two roads of roads.geojson meet. */
export const CrossingProps = z.object({
  ...base,
  /** The two roads' Chinese names, as in roads.geojson name_zh. */
  roads: z.tuple([z.string().min(1), z.string().min(1)]),
  /** How many AMap POIs the source median rests on. */
  n_pois: z.number().int().positive().optional(),
});
export type CrossingProps = z.infer<typeof CrossingProps>;
