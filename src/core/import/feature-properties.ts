/**
 * Properties of an imported feature: the file's values as plain data (never evaluated), cut to a
 * displayable size, plus the layer's contract (src/core/geodata/schema.ts) filled in so the rest of
 * the app can treat imported features like bundled ones.
 */
import { Confidence, GreenProgram, GreenType, RoadClass, Status } from '../geodata/schema';
import { MAX_NAME_LENGTH, MAX_PROPERTY_KEYS, MAX_STRING_LENGTH } from './limits';
import type { Finding } from './issue';
import type { ImportLayer } from './types';

/** Keys a name is commonly stored under, in order of preference (Chinese GIS exports, OSM, generic). */
const NAME_ZH_KEYS = [
  'name_zh',
  'name',
  '名称',
  'NAME',
  'Name',
  'name_cn',
  'NAME_CN',
  '名字',
  'mc',
  'MC',
  'title',
  'label',
  '路名',
  '公园名称',
  '小区名称',
];
const NAME_EN_KEYS = ['name_en', 'NAME_EN', 'name:en', 'english_name', 'ename', 'EN_NAME'];
const POPULATION_KEYS = ['population', '人口', 'pop', 'POP', 'POPULATION'];
const DWELLING_KEYS = ['dwellings', '户数', 'households', 'units'];
/** Keys that would change object prototypes if some later code assigned them naively. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

// OSM highway=* values to our road classes.
const OSM_HIGHWAY: Record<string, RoadClass> = {
  motorway: 'expressway',
  trunk: 'expressway',
  primary: 'arterial',
  secondary: 'secondary',
  tertiary: 'secondary',
  residential: 'local',
  unclassified: 'local',
  service: 'local',
  living_street: 'local',
  footway: 'path',
  path: 'path',
  pedestrian: 'path',
  cycleway: 'path',
  steps: 'path',
  track: 'path',
};

const LAYER_NOUN = {
  roads: { zh: '道路', en: 'road' },
  greenery: { zh: '绿地', en: 'green space' },
  residential: { zh: '居住用地', en: 'residential area' },
};

const cut = (s: string, limit: number) => (s.length > limit ? s.slice(0, limit) + '…' : s);

/** One file value as plain data: strings cut, nested values flattened to (cut) JSON text. */
function plainValue(key: string, v: unknown, warnings: Finding[]): string | number | boolean | null {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  if (text.length > MAX_STRING_LENGTH) {
    warnings.push({
      code: 'string-truncated',
      params: { key: cut(key, 60), length: text.length, limit: MAX_STRING_LENGTH },
    });
  }
  return cut(text, MAX_STRING_LENGTH);
}

function firstString(props: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = props[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

function firstNumber(props: Record<string, unknown>, keys: string[]): number | undefined {
  for (const k of keys) {
    const v = typeof props[k] === 'string' ? Number(props[k]) : props[k];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  }
  return undefined;
}

export interface PropertyContext {
  layer: ImportLayer;
  /** 0-based index in the file; names count from 1. */
  index: number;
  /** id for the feature, unique within the import. */
  id: string;
  source: string;
  /** Planar area of the (converted) polygon in m²; 0 for lines. */
  areaM2: number;
}

export interface BuiltProperties {
  properties: Record<string, unknown>;
  warnings: Finding[];
  /** Residential only: the file gave no population. */
  populationMissing: boolean;
}

export function buildProperties(raw: unknown, ctx: PropertyContext): BuiltProperties {
  const warnings: Finding[] = [];
  const file: Record<string, unknown> =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};

  // The file's own values first, as plain data.
  const properties: Record<string, unknown> = {};
  let kept = 0;
  for (const key of Object.keys(file)) {
    if (RESERVED.has(key)) {
      warnings.push({ code: 'property-dropped', params: { key, reason: 'reserved' } });
      continue;
    }
    if (kept++ >= MAX_PROPERTY_KEYS) {
      warnings.push({ code: 'property-dropped', params: { key: cut(key, 60), reason: 'too-many' } });
      continue;
    }
    properties[cut(key, 200)] = plainValue(key, file[key], warnings);
  }

  // Then the contract, which wins over anything the file says under the same names.
  const noun = LAYER_NOUN[ctx.layer];
  let nameZh = firstString(file, NAME_ZH_KEYS);
  let nameEn = firstString(file, NAME_EN_KEYS);
  if (!nameZh) {
    nameZh = `导入${noun.zh} ${ctx.index + 1}`;
    nameEn ??= `Imported ${noun.en} ${ctx.index + 1}`;
    warnings.push({ code: 'name-generated', params: { name: nameZh } });
  }
  const pick = <T>(
    schema: { safeParse: (v: unknown) => { success: boolean; data?: T } },
    v: unknown,
    fallback: T,
  ): T => {
    const r = schema.safeParse(v);
    return r.success ? (r.data as T) : fallback;
  };

  Object.assign(properties, {
    id: ctx.id,
    name_zh: cut(nameZh, MAX_NAME_LENGTH),
    name_en: cut(nameEn ?? nameZh, MAX_NAME_LENGTH),
    status: pick(Status, file.status, 'existing'),
    source: ctx.source,
    confidence: pick(Confidence, file.confidence, 'medium'),
    imported: true,
  });

  let populationMissing = false;
  if (ctx.layer === 'roads') {
    const cls = pick(RoadClass, file.class, OSM_HIGHWAY[String(file.highway)] ?? 'local');
    properties.class = cls;
    properties.walkable = typeof file.walkable === 'boolean' ? file.walkable : cls !== 'expressway';
    if (typeof file.bridge === 'boolean') properties.bridge = file.bridge;
  } else {
    properties.area_m2 = Math.round(ctx.areaM2 * 10) / 10;
  }
  if (ctx.layer === 'greenery') {
    properties.program = pick(GreenProgram, file.program, 'other');
    // Size classes of CJJ/T 85-2017: comprehensive parks over 10 ha, community parks over 1 ha.
    properties.type = pick(
      GreenType,
      file.type,
      ctx.areaM2 >= 100_000 ? 'comprehensive' : ctx.areaM2 >= 10_000 ? 'community' : 'pocket',
    );
  }
  if (ctx.layer === 'residential') {
    const population = firstNumber(file, POPULATION_KEYS);
    populationMissing = population === undefined;
    properties.population = population ?? 0;
    properties.dwellings = Math.round(firstNumber(file, DWELLING_KEYS) ?? 0);
    properties.population_method = populationMissing
      ? 'not given in the imported file (counted as 0)'
      : 'as given in the imported file';
  }
  return { properties, warnings, populationMissing };
}
