/**
 * Reads a user's GeoJSON file into features for one layer, or says precisely why not. Never throws
 * and never evaluates anything from the file. Runs in the worker; it yields every ~20 ms so that
 * progress is reported and a cancel (AbortSignal) takes effect.
 *
 * Order: size → text → scan (depth, NaN, brackets) → JSON.parse → GeoJSON shape → geometry per
 * feature → swapped axes / projected metres (whole file) → coordinate system conversion → distance
 * from the study area → self-intersections, areas, properties.
 */
import type { Feature } from 'geojson';
import area from '@turf/area';
import kinks from '@turf/kinks';
import turfBbox from '@turf/bbox';
import { GreenProps, ResidentialProps, RoadProps } from '../geodata/schema';
import { issue, IssueList } from './issue';
import type { ImportCode } from './messages';
import { byteSize, decodeText } from './read-text';
import { JsonScanner, lineColumn, locateParseError } from './scan-json';
import { readGeometry, type GeometryRead } from './read-geometry';
import { detectAxisOrUnitMistake, distanceFromStudyArea, type RawPositionCounts } from './detect-placement';
import { convertToWgs84 } from './convert-crs';
import { buildProperties } from './feature-properties';
import {
  FAR_FROM_ZONE_KM,
  KINKS_PAIR_BUDGET,
  MAX_DEPTH,
  MAX_FILE_BYTES,
  MAX_KINKS_VERTICES,
  MAX_VERTICES,
} from './limits';
import type {
  ImportedFeature,
  ImportIssue,
  ImportOptions,
  ImportProgress,
  ImportResult,
  ImportStage,
} from './types';

const SCAN_CHUNK = 1 << 22; // characters scanned between yields
const YIELD_EVERY_MS = 20;
const CONTRACT = { roads: RoadProps, greenery: GreenProps, residential: ResidentialProps };

class Cancelled extends Error {}

/** Reports progress and lets the event loop run (for cancel messages) at most every 20 ms. */
function makeTicker(onProgress: ImportProgress | undefined, signal: AbortSignal | undefined) {
  let last = Date.now();
  return async (stage: ImportStage, fraction: number, force = false) => {
    if (signal?.aborted) throw new Cancelled();
    if (!force && Date.now() - last < YIELD_EVERY_MS) return;
    onProgress?.({ stage, fraction: Math.min(1, Math.max(0, fraction)) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = Date.now();
    if (signal?.aborted) throw new Cancelled();
  };
}

const fail = (errors: ImportIssue[], warnings: ImportIssue[] = []): ImportResult => ({
  ok: false,
  errors,
  warnings,
});

function describeTop(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v === null) return 'null';
  if (typeof v !== 'object') return `a ${typeof v}`;
  const t = (v as { type?: unknown }).type;
  return typeof t === 'string' ? `"type": "${t.slice(0, 40)}"` : 'an object without "type"';
}

/** The file's features, whatever GeoJSON shape it has; undefined when it is not GeoJSON. */
function topLevelFeatures(doc: unknown): unknown[] | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const d = doc as { type?: unknown; features?: unknown };
  if (d.type === 'FeatureCollection') return Array.isArray(d.features) ? d.features : undefined;
  if (d.type === 'Feature') return [doc];
  if (
    typeof d.type === 'string' &&
    /^(Multi)?(Point|LineString|Polygon)$|^GeometryCollection$/.test(d.type)
  ) {
    return [{ type: 'Feature', properties: {}, geometry: doc }];
  }
  return undefined;
}

function idOf(f: unknown): string | undefined {
  if (!f || typeof f !== 'object') return undefined;
  const { id, properties } = f as { id?: unknown; properties?: { id?: unknown } | null };
  const v = id ?? (properties && typeof properties === 'object' ? properties.id : undefined);
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
    ? String(v).slice(0, 100)
    : undefined;
}

/**
 * @param input the file's bytes or text
 * @param onProgress called with the stage and overall fraction while working
 * @param signal aborting it ends the import with the `cancelled` error
 * @example
 * const r = await parseAndValidate(await file.arrayBuffer(), { layer: 'greenery', crs: 'GCJ02' });
 * if (r.ok) addLayer(r.features); else show(r.errors.map((e) => e.message.zh));
 */
export async function parseAndValidate(
  input: string | ArrayBuffer | Uint8Array,
  options: ImportOptions,
  onProgress?: ImportProgress,
  signal?: AbortSignal,
): Promise<ImportResult> {
  try {
    return await run(input, options, makeTicker(onProgress, signal));
  } catch (e) {
    if (e instanceof Cancelled) return fail([issue('cancelled')]);
    // A bug must not take the app down with it: report it like any other failed import.
    const detail = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : 'unknown';
    return fail([issue('unexpected', { detail })]);
  }
}

async function run(
  input: string | ArrayBuffer | Uint8Array,
  options: ImportOptions,
  tick: ReturnType<typeof makeTicker>,
): Promise<ImportResult> {
  const { layer, crs } = options;

  // 1. Size and text.
  const bytes = byteSize(input);
  if (bytes > MAX_FILE_BYTES) {
    return fail([
      issue('file-too-large', { sizeMB: Math.round(bytes / 1048576), limitMB: MAX_FILE_BYTES / 1048576 }),
    ]);
  }
  await tick('reading', 0, true);
  const text = decodeText(input);
  if (!text.trim()) return fail([issue('empty-file')]);

  // 2. Scan, then parse.
  const scanner = new JsonScanner(MAX_DEPTH);
  for (let start = 0; start < text.length; start += SCAN_CHUNK) {
    const problem = scanner.scan(text, start, Math.min(text.length, start + SCAN_CHUNK));
    if (problem) return fail([scanIssue(problem, text)]);
    await tick('scanning', 0.2 * (start / text.length));
  }
  const unfinished = scanner.finish(text.length);
  if (unfinished) return fail([scanIssue(unfinished, text)]);
  // Refused before parsing: five million positions would cost JSON.parse gigabytes.
  if (scanner.numberArrays > MAX_VERTICES) return fail([issue('too-many-vertices', { limit: MAX_VERTICES })]);
  await tick('parsing', 0.2, true);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 120) : 'unreadable';
    return fail([issue('not-json', { ...locateParseError(detail, text), detail })]);
  }
  await tick('validating', 0.4, true);

  // 3. GeoJSON shape.
  const raw = topLevelFeatures(doc);
  if (!raw) return fail([issue('not-geojson', { found: describeTop(doc) })]);
  if (raw.length === 0) return fail([issue('no-features')]);

  // 4. Geometry of every feature; counts for the whole-file checks.
  const errors = new IssueList();
  const warnings = new IssueList();
  const reads: (GeometryRead | undefined)[] = new Array(raw.length);
  const counts: RawPositionCounts = { total: 0, outOfRange: 0, swappedNearZone: 0 };
  const where = (i: number) => ({ featureIndex: i, featureId: idOf(raw[i]) });
  for (let i = 0; i < raw.length; i++) {
    const f = raw[i];
    const type = f && typeof f === 'object' ? (f as { type?: unknown }).type : undefined;
    if (type !== 'Feature') {
      errors.add(issue('not-a-feature', { found: describeTop(f) }, where(i)));
      continue;
    }
    const r = readGeometry((f as { geometry?: unknown }).geometry, layer);
    reads[i] = r;
    counts.total += r.vertices;
    if (counts.total > MAX_VERTICES) return fail([issue('too-many-vertices', { limit: MAX_VERTICES })]);
    counts.outOfRange += r.outOfRange;
    counts.swappedNearZone += r.swappedNearZone;
    counts.firstOutOfRange ??= r.firstOutOfRange;
    if (r.geometry && !counts.first) {
      const p = firstPosition(r.geometry);
      counts.first = [p[0], p[1]];
    }
    if (r.error) errors.add(issue(r.error.code, r.error.params, where(i)));
    for (const w of r.warnings) warnings.add(issue(w.code, w.params, where(i)));
    await tick('validating', 0.4 + 0.3 * (i / raw.length));
  }

  // 5. Whole-file mistakes: swapped axes, projected metres.
  const mistake = detectAxisOrUnitMistake(counts);
  if (mistake) return fail([issue(mistake.code, mistake.params)]);
  reads.forEach((r, i) => {
    if (r?.geometry && r.outOfRange > 0 && r.firstOutOfRange) {
      const [x, y] = r.firstOutOfRange;
      errors.add(issue('coordinate-out-of-range', { x, y }, where(i)));
      r.geometry = undefined;
    }
  });

  // 6. Convert, then place.
  const boxes: ([number, number, number, number] | undefined)[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const g = reads[i]?.geometry;
    if (!g) continue;
    convertToWgs84(g, crs);
    const [w, s, e, n] = turfBbox(g);
    boxes[i] = [w, s, e, n];
    await tick('converting', 0.7 + 0.1 * (i / raw.length));
  }
  const placed = boxes.map((b) => (b ? distanceFromStudyArea(b) : undefined));
  const inside = placed.filter((p) => p && p.km === 0).length;
  if (inside === 0) {
    const nearest = placed.reduce(
      (best, p) => (p && (!best || p.km < best.km) ? p : best),
      undefined as (typeof placed)[number],
    );
    if (nearest && nearest.km > FAR_FROM_ZONE_KM) {
      const [lng, lat] = nearest.center.map((v) => Math.round(v * 1000) / 1000);
      return fail([issue('far-from-zone', { lng, lat, distanceKm: nearest.km })], warnings.toArray());
    }
  }
  placed.forEach(
    (p, i) => p && p.km > 0 && warnings.add(issue('feature-outside-zone', { distanceKm: p.km }, where(i))),
  );

  // 7. Per feature: shape quality and properties.
  const features: (ImportedFeature | undefined)[] = new Array(raw.length);
  const usedIds = new Set<string>();
  let kinksPairs = 0;
  let kinksSkipped = 0;
  let populationMissing = 0;
  for (let i = 0; i < raw.length; i++) {
    const r = reads[i];
    const g = r?.geometry;
    if (!g) continue;
    const areaM2 = g.type === 'Polygon' || g.type === 'MultiPolygon' ? area(g) : 0;
    if ((g.type === 'Polygon' || g.type === 'MultiPolygon') && !(areaM2 > 0)) {
      errors.add(issue('zero-area', {}, where(i)));
      continue;
    }
    // Self-intersections matter for areas, so polygons only: a road may cross itself (a loop ramp).
    if (areaM2 > 0) {
      const pairs = r.vertices * r.vertices;
      if (r.vertices <= MAX_KINKS_VERTICES && kinksPairs + pairs <= KINKS_PAIR_BUDGET) {
        kinksPairs += pairs;
        const found = kinks(g).features;
        if (found.length > 0) {
          const [lng, lat] = found[0].geometry.coordinates.map((v) => Math.round(v * 1e5) / 1e5);
          warnings.add(issue('self-intersection', { count: found.length, lng, lat }, where(i)));
        }
      } else kinksSkipped++;
    }

    const fileId = idOf(raw[i]);
    let id = `import:${layer}:${fileId ?? i + 1}`;
    if (usedIds.has(id)) id = `import:${layer}:${i + 1}#${usedIds.size}`;
    usedIds.add(id);
    const built = buildProperties((raw[i] as { properties?: unknown }).properties, {
      layer,
      index: i,
      id,
      source: options.sourceLabel?.slice(0, 200) || 'import',
      areaM2,
    });
    for (const w of built.warnings) warnings.add(issue(w.code, w.params, where(i)));
    if (built.populationMissing) populationMissing++;
    const contract = CONTRACT[layer].safeParse(built.properties);
    if (!contract.success) {
      const first = contract.error.issues[0];
      const detail = `${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`.slice(0, 200);
      errors.add(issue('invalid-properties', { detail }, where(i)));
      continue;
    }
    features[i] = { type: 'Feature', properties: built.properties, geometry: g };
    await tick('checking', 0.8 + 0.2 * (i / raw.length));
  }
  if (kinksSkipped > 0) warnings.add(issue('self-intersection-not-checked', { count: kinksSkipped }));
  if (populationMissing > 0) warnings.add(issue('population-missing', { count: populationMissing }));

  // 8. All or nothing, unless the caller asked to keep the valid features.
  const kept = features.filter((f): f is ImportedFeature => f !== undefined);
  if (errors.size > 0 && !options.skipInvalid) return fail(errors.toArray(), warnings.toArray());
  if (errors.size > 0) {
    for (const e of errors.toArray()) {
      const where = { featureIndex: e.featureIndex, featureId: e.featureId };
      warnings.add(
        e.code === 'more-issues'
          ? e
          : issue('feature-skipped', { reason: e.message.zh, reasonEn: e.message.en }, where),
      );
    }
  }
  if (kept.length === 0)
    return fail(errors.size > 0 ? errors.toArray() : [issue('no-features')], warnings.toArray());
  await tick('checking', 1, true);
  return {
    ok: true,
    features: kept,
    warnings: warnings.toArray(),
    stats: { features: kept.length, vertices: counts.total, bbox: unionBbox(boxes) },
  };
}

function scanIssue(
  p: { code: ImportCode; position: number; token?: string; detail?: string },
  text: string,
): ImportIssue {
  const params: Record<string, string | number> = { ...lineColumn(text, p.position) };
  if (p.token) params.token = p.token;
  if (p.detail) params.detail = p.detail;
  if (p.code === 'too-deep') params.limit = MAX_DEPTH;
  return issue(p.code, params);
}

function firstPosition(g: Feature['geometry'] & { coordinates: unknown }): number[] {
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return c as number[];
}

function unionBbox(
  boxes: ([number, number, number, number] | undefined)[],
): [number, number, number, number] {
  const out: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    if (!b) continue;
    out[0] = Math.min(out[0], b[0]);
    out[1] = Math.min(out[1], b[1]);
    out[2] = Math.max(out[2], b[2]);
    out[3] = Math.max(out[3], b[3]);
  }
  return out;
}
