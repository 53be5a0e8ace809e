/**
 * The shapes kept in IndexedDB and the checks that decide whether a stored record can be trusted.
 * Pure (no IndexedDB, no DOM), so the checks run in Node tests. Anything that fails a check is not
 * loaded: it is set aside for download and the app starts without it.
 */
import type { Feature } from 'geojson';

/**
 * Bumped whenever a stored shape changes. It is also the IndexedDB database version, so an older
 * database triggers an upgrade (its records are set aside) and a newer one is refused by the
 * browser (VersionError) rather than misread.
 */
export const SCHEMA_VERSION = 1;

export type ImportLayerId = 'roads' | 'greenery' | 'residential';
export type ImportMode = 'add' | 'replace';
export type ImportCrs = 'WGS84' | 'GCJ02' | 'BD09';

/** One imported file as kept across reloads. */
export interface StoredImport {
  schema: number;
  /** Unique id, also the prefix of its features' ids. */
  id: string;
  /** The file name, shown in the list and written to each feature's `source`. */
  name: string;
  layer: ImportLayerId;
  mode: ImportMode;
  crs: ImportCrs;
  /** ISO 8601 time of the import. */
  importedAt: string;
  /** Positions in the file before any display simplification. */
  vertices: number;
  /** Positions kept for display (equal to `vertices` unless simplified). */
  keptVertices: number;
  features: Feature[];
}

/**
 * A hypothetical park of the coverage feature's what-if tool (src/core/coverage/whatif.ts): a point
 * with an area, or a polygon. Checked here field by field, since a stored one is not trusted.
 */
export type StoredWhatIf = Record<string, unknown>;

/** More than this is not a planner's scenario but a broken or hostile record. */
export const MAX_STORED_WHATIFS = 500;

/** Something that failed its check, kept so the user can download it. */
export interface QuarantineEntry {
  /** Auto-incremented key. */
  key?: number;
  /** Which store or database it came from, e.g. "imports" or "database v0". */
  origin: string;
  reason: string;
  /** ISO 8601 time it was set aside. */
  at: string;
  /** The raw stored value, as found. */
  value: unknown;
}

const LAYERS: readonly string[] = ['roads', 'greenery', 'residential'];
const MODES: readonly string[] = ['add', 'replace'];
const CRSES: readonly string[] = ['WGS84', 'GCJ02', 'BD09'];
const GEOMETRY_TYPES: readonly string[] = ['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];

/** Depth of positions inside each geometry type's `coordinates`: LineString [[x,y]] is 1. */
const POSITION_DEPTH: Record<string, number> = {
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function isPosition(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

function coordinatesOk(c: unknown, depth: number): boolean {
  if (!Array.isArray(c)) return false;
  if (depth === 0) return isPosition(c);
  for (const x of c) if (!coordinatesOk(x, depth - 1)) return false;
  return true;
}

function featureProblem(f: unknown, i: number): string | null {
  const feature = f as Feature | null;
  if (!feature || typeof feature !== 'object' || feature.type !== 'Feature')
    return `feature ${i} is not a Feature`;
  const g = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g.type !== 'string' || !GEOMETRY_TYPES.includes(g.type))
    return `feature ${i} has no usable geometry`;
  if (!coordinatesOk(g.coordinates, POSITION_DEPTH[g.type])) return `feature ${i} has malformed coordinates`;
  if (feature.properties !== null && typeof feature.properties !== 'object')
    return `feature ${i} has malformed properties`;
  return null;
}

/** Why a stored import can't be used, or null when it can. */
export function storedImportProblem(v: unknown): string | null {
  const r = v as Partial<StoredImport> | null;
  if (!r || typeof r !== 'object') return 'not an object';
  if (r.schema !== SCHEMA_VERSION) return `schema ${String(r.schema)} is not ${SCHEMA_VERSION}`;
  if (typeof r.id !== 'string' || !r.id) return 'missing id';
  if (typeof r.name !== 'string') return 'missing name';
  if (typeof r.layer !== 'string' || !LAYERS.includes(r.layer)) return `unknown layer ${String(r.layer)}`;
  if (typeof r.mode !== 'string' || !MODES.includes(r.mode)) return `unknown mode ${String(r.mode)}`;
  if (typeof r.crs !== 'string' || !CRSES.includes(r.crs))
    return `unknown coordinate system ${String(r.crs)}`;
  if (typeof r.importedAt !== 'string' || Number.isNaN(Date.parse(r.importedAt)))
    return 'missing import time';
  if (!Array.isArray(r.features)) return 'features is not an array';
  for (let i = 0; i < r.features.length; i++) {
    const p = featureProblem(r.features[i], i);
    if (p) return p;
  }
  return null;
}

/** Why one stored what-if park can't be used (the coverage feature's point or polygon), or null. */
function whatIfProblem(w: unknown, i: number): string | null {
  if (w === null || typeof w !== 'object' || Array.isArray(w)) return `what-if ${i} is not an object`;
  const x = w as Record<string, unknown>;
  if (typeof x.id !== 'string' || !x.id) return `what-if ${i} has no id`;
  if (x.name !== undefined && typeof x.name !== 'string') return `what-if ${i} has a malformed name`;
  if (x.kind === 'point') {
    if (!isPosition([x.lng, x.lat])) return `what-if ${i} has an invalid position`;
    const a = x.area_m2;
    if (typeof a !== 'number' || !(a > 0 && a < 1e8)) return `what-if ${i} has an invalid area`;
    return null;
  }
  if (x.kind === 'polygon') {
    const c = x.coordinates;
    if (!coordinatesOk(c, 2) || !Array.isArray((c as unknown[])[0]) || (c as unknown[][])[0].length < 4)
      return `what-if ${i} has malformed coordinates`;
    return null;
  }
  return `what-if ${i} has unknown kind ${String(x.kind)}`;
}

/** Why a stored what-if list can't be used, or null when it can. */
export function storedWhatIfsProblem(v: unknown): string | null {
  const r = v as { schema?: unknown; list?: unknown } | null;
  if (!r || typeof r !== 'object') return 'not an object';
  if (r.schema !== SCHEMA_VERSION) return `schema ${String(r.schema)} is not ${SCHEMA_VERSION}`;
  if (!Array.isArray(r.list)) return 'list is not an array';
  if (r.list.length > MAX_STORED_WHATIFS) return `more than ${MAX_STORED_WHATIFS} what-if parks`;
  for (let i = 0; i < r.list.length; i++) {
    const p = whatIfProblem(r.list[i], i);
    if (p) return p;
  }
  return null;
}
