/**
 * Validates a geodata layer: each feature's properties against the layer's zod schema, and its
 * geometry (allowed type, finite WGS-84 positions inside STUDY_BBOX, closed rings of at least four
 * positions, no self-intersections, Turf validity) and unique ids across the collection.
 * Returns messages per feature instead of throwing, so a build or test can list every problem.
 */
import booleanValid from '@turf/boolean-valid';
import kinks from '@turf/kinks';
import type { Feature, Geometry, Position } from 'geojson';
import { LAYERS, isLayerName } from './layers';
import { STUDY_BBOX } from './schema';

export interface ValidationMessage {
  /** Index of the feature in the collection; -1 for problems of the collection itself. */
  index: number;
  /** The feature's id when it has one. */
  id?: string;
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  messages: ValidationMessage[];
}

const [W, S, E, N] = STUDY_BBOX;

function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positionsOf);
  }
}

function ringsOf(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

/** Geometry problems of one feature, in words. */
export function geometryProblems(f: Feature, allowed: readonly string[]): string[] {
  const g = f.geometry;
  if (!g) return ['geometry is missing'];
  const out: string[] = [];
  if (!allowed.includes(g.type)) out.push(`geometry type ${g.type} is not one of ${allowed.join(', ')}`);
  const pts = positionsOf(g);
  const bad = pts.find((p) => p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
  if (bad) return [...out, `position ${JSON.stringify(bad)} is not a finite [lng, lat]`];
  const outside = pts.find((p) => p[0] < W || p[0] > E || p[1] < S || p[1] > N);
  if (outside)
    out.push(`position ${JSON.stringify(outside)} lies outside the study area ${STUDY_BBOX.join(',')}`);
  if (g.type === 'LineString') {
    const distinct = new Set(g.coordinates.map((p) => `${p[0]},${p[1]}`));
    if (distinct.size < 2) out.push('line has fewer than two distinct positions');
  }
  for (const ring of ringsOf(g)) {
    const [a, z] = [ring[0], ring[ring.length - 1]];
    if (ring.length < 4) out.push(`ring has ${ring.length} positions; at least 4 needed`);
    else if (a[0] !== z[0] || a[1] !== z[1]) out.push('ring is not closed (first and last positions differ)');
  }
  if (out.length > 0) return out;
  if (
    g.type === 'LineString' ||
    g.type === 'Polygon' ||
    g.type === 'MultiPolygon' ||
    g.type === 'MultiLineString'
  ) {
    const k = kinks(f as Feature<typeof g>).features.length;
    if (k > 0) out.push(`geometry intersects itself at ${k} point(s)`);
  }
  if (out.length === 0 && g.type !== 'Point' && !booleanValid(f))
    out.push('geometry is not valid (turf boolean-valid)');
  return out;
}

/** Validates a FeatureCollection-like value as the named layer (see LAYERS). */
export function validateLayer(layer: string, value: unknown): ValidationResult {
  const messages: ValidationMessage[] = [];
  if (!isLayerName(layer))
    return { ok: false, messages: [{ index: -1, message: `unknown layer "${layer}"` }] };
  const spec = LAYERS[layer];
  const fc = value as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    return { ok: false, messages: [{ index: -1, message: 'not a GeoJSON FeatureCollection' }] };
  const seen = new Map<string, number>();
  (fc.features as Feature[]).forEach((f, index) => {
    const rawId = f?.properties?.id;
    const id = typeof rawId === 'string' ? rawId : undefined;
    const push = (message: string) => messages.push({ index, id, message });
    if (!f || f.type !== 'Feature') return push('not a GeoJSON Feature');
    const parsed = spec.schema.safeParse(f.properties);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        push(`property ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    for (const problem of geometryProblems(f, spec.geometryTypes)) push(problem);
    if (id !== undefined) {
      if (seen.has(id)) push(`id "${id}" repeats feature ${seen.get(id)}`);
      else seen.set(id, index);
    }
  });
  return { ok: messages.length === 0, messages };
}
