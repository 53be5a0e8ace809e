/**
 * Area shapes placed against roads: road-bounded quadrilaterals (blocks, parks, campuses) whose
 * edges follow the bounding roads' centre lines set back by a distance, and strips (greenways)
 * offset from a centre line. All WGS-84 [lng, lat]; distances in metres.
 */
import type { Position } from 'geojson';
import { crossAt, type RoadIndex } from './road-index';

/** Metres per degree at this latitude (equirectangular; < 0.1% error over the 15 km study area). */
export function metresPerDegree(lat: number): { lng: number; lat: number } {
  const rad = (lat * Math.PI) / 180;
  return { lng: 111320 * Math.cos(rad), lat: 110574 };
}

/**
 * One edge of a quad: a road (its centre line moved by `offset_m`, positive = east/north, then set
 * back into the quad by `setback_m`), or a fixed meridian/parallel where no road is known.
 */
export type Side =
  string | { road: string; offset_m?: number; setback_m?: number } | { lng: number } | { lat: number };

export interface QuadSpec {
  w: Side;
  e: Side;
  s: Side;
  n: Side;
}

/** Default distance from a road centre line to the land beside it (half carriageway + sidewalk). */
export const DEFAULT_SETBACK_M = 15;

type EdgeFn = (at: number) => number;

function edgeFn(side: Side, roads: RoadIndex, which: 'w' | 'e' | 's' | 'n'): EdgeFn {
  const ns = which === 'w' || which === 'e';
  const inward = which === 'w' || which === 's' ? 1 : -1;
  if (typeof side === 'object' && 'lng' in side) return () => side.lng;
  if (typeof side === 'object' && 'lat' in side) return () => side.lat;
  const spec = typeof side === 'string' ? { road: side } : side;
  const lines = roads.lines(spec.road);
  const shift = spec.offset_m ?? 0;
  const setback = spec.setback_m ?? DEFAULT_SETBACK_M;
  return (at) => {
    // `at` is a latitude for north-south edges, a longitude for east-west edges.
    const base = crossAt(lines, ns ? 1 : 0, at);
    const m = metresPerDegree(ns ? at : base);
    const perDeg = ns ? m.lng : m.lat;
    return base + (shift + inward * setback) / perDeg;
  };
}

/** Intersection of a north-south edge lng = f(lat) with an east-west edge lat = g(lng). */
function corner(ns: EdgeFn, ew: EdgeFn, guessLat: number): Position {
  let lat = guessLat;
  let lng = ns(lat);
  for (let i = 0; i < 12; i++) {
    lat = ew(lng);
    lng = ns(lat);
  }
  return [lng, lat];
}

function range(a: number, b: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => a + ((b - a) * i) / n);
}

/**
 * The quad's closed ring, counter-clockwise (RFC 7946), each edge sampled every ~50 m so it
 * follows curved or diagonal roads.
 */
export function quadRing(spec: QuadSpec, roads: RoadIndex): Position[] {
  const w = edgeFn(spec.w, roads, 'w');
  const e = edgeFn(spec.e, roads, 'e');
  const s = edgeFn(spec.s, roads, 's');
  const n = edgeFn(spec.n, roads, 'n');
  // A first guess of the middle latitude lets the corner iteration start on the right stretch.
  const midLat = (s(w(34.81)) + n(w(34.81))) / 2;
  const sw = corner(w, s, midLat);
  const se = corner(e, s, midLat);
  const ne = corner(e, n, midLat);
  const nw = corner(w, n, midLat);
  if (!(se[0] > sw[0] && ne[0] > nw[0] && nw[1] > sw[1] && ne[1] > se[1])) {
    throw new Error(
      `Quad ${JSON.stringify(spec)} is inside out (corners ${JSON.stringify([sw, se, ne, nw])}).`,
    );
  }
  const steps = (a: Position, b: Position) =>
    Math.max(1, Math.ceil(Math.hypot((b[0] - a[0]) * 91000, (b[1] - a[1]) * 110574) / 50));
  const ring: Position[] = [];
  for (const lng of range(sw[0], se[0], steps(sw, se)).slice(0, -1)) ring.push([lng, s(lng)]);
  for (const lat of range(se[1], ne[1], steps(se, ne)).slice(0, -1)) ring.push([e(lat), lat]);
  for (const lng of range(ne[0], nw[0], steps(ne, nw)).slice(0, -1)) ring.push([lng, n(lng)]);
  for (const lat of range(nw[1], sw[1], steps(nw, sw)).slice(0, -1)) ring.push([w(lat), lat]);
  ring.push(ring[0]);
  return ring.map(([x, y]) => [round6(x), round6(y)]);
}

export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * A strip beside a centre line from `near_m` to `far_m` on one side (left = +1 or right = -1 of
 * the line's direction), as a closed counter-clockwise ring. Vertex normals are the mean of the
 * adjacent segments' normals, which is exact enough for the gentle curves of roads and rivers.
 */
export function stripRing(line: Position[], near_m: number, far_m: number, side: 1 | -1): Position[] {
  const lat0 = line[0][1];
  const m = metresPerDegree(lat0);
  const xy = line.map(([lng, lat]) => [lng * m.lng, lat * m.lat]);
  const normals = xy.map((_, i) => {
    const a = xy[Math.max(0, i - 1)];
    const b = xy[Math.min(xy.length - 1, i + 1)];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy) || 1;
    return [(-dy / len) * side, (dx / len) * side];
  });
  const offset = (d: number) =>
    xy.map((p, i) => [(p[0] + normals[i][0] * d) / m.lng, (p[1] + normals[i][1] * d) / m.lat]);
  const nearLine = offset(near_m);
  const farLine = offset(far_m).reverse();
  const ring = [...nearLine, ...farLine, nearLine[0]].map(([x, y]) => [round6(x), round6(y)]);
  return signedArea(ring) < 0 ? ring.reverse() : ring;
}

/** Shoelace area in degree units: positive for counter-clockwise rings. */
export function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}
