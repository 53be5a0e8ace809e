/**
 * One point per feature where its name is written. MapLibre places a polygon's or a line's label
 * per tile piece, so a corridor crossing tile edges (连霍高速防护绿廊, 3 km long) was named once
 * per piece; a point is labelled once. The point is the pole of inaccessibility of the feature's
 * largest part (the spot farthest from its edges, so the name sits well inside a bent or concave
 * shape), found by Agafonkin's polylabel search (mapbox/polylabel, ISC): square cells in a
 * max-queue of how far inside they could reach, split until none can beat the best by `precision`.
 * Distances are in metres on a local plane (longitude scaled by cos(latitude)): at the zone's
 * size the error is far below a label's width.
 */
import FlatQueue from 'flatqueue';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import turfBbox from '@turf/bbox';

export type LngLat = [number, number];

const M_PER_DEG = 111_320;
/**
 * Stop refining when no cell can place the name farther inside by more than this: 1 m, or 1 % of
 * the shape's shorter side for a large one (a name is tens of metres wide at any zoom it shows).
 */
const precisionM = (shorterSide: number) => Math.max(1, shorterSide / 100);

/** A ring's area in squared degrees: enough to compare a feature's parts. */
function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return Math.abs(a / 2);
}

/** Squared distance from (px, py) to the segment a–b. */
function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax,
    y = ay;
  const dx = bx - ax,
    dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  return (px - x) ** 2 + (py - y) ** 2;
}

/** Signed distance from a point to the polygon's edges: positive inside (holes count as outside). */
function signedDist(x: number, y: number, rings: readonly (readonly number[][])[]): number {
  let inside = false;
  let min = Infinity;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[j];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      min = Math.min(min, segDist2(x, y, ax, ay, bx, by));
    }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

interface Cell {
  x: number;
  y: number;
  /** Half the cell's side. */
  h: number;
  /** Distance from the cell's centre to the polygon (positive inside). */
  d: number;
  /** The farthest inside any point of the cell could be. */
  max: number;
}

function cell(x: number, y: number, h: number, rings: readonly (readonly number[][])[]): Cell {
  const d = signedDist(x, y, rings);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/**
 * The pole of inaccessibility of a polygon given as [lng, lat] rings (outer first, then holes).
 * @example poleOfInaccessibility([[[113.5, 34.8], [113.51, 34.8], [113.51, 34.81], [113.5, 34.81], [113.5, 34.8]]])
 */
export function poleOfInaccessibility(rings: readonly (readonly Position[])[]): LngLat | null {
  const outer = rings[0];
  if (!outer || outer.length < 3) return null;
  const [w, s, e, n] = turfBbox({ type: 'LineString', coordinates: outer as Position[] });
  // A local plane in metres around the polygon's south-west corner.
  const kx = M_PER_DEG * Math.cos((((s + n) / 2) * Math.PI) / 180);
  const ky = M_PER_DEG;
  const plane = rings.map((r) => r.map(([x, y]) => [(x - w) * kx, (y - s) * ky]));
  const width = (e - w) * kx;
  const height = (n - s) * ky;
  const size = Math.min(width, height);
  const back = (x: number, y: number): LngLat => [w + x / kx, s + y / ky];
  if (size === 0) return back(width / 2, height / 2);

  const precision = precisionM(size);
  const queue = new FlatQueue<Cell>();
  const h = size / 2;
  for (let x = 0; x < width; x += size)
    for (let y = 0; y < height; y += size) {
      const c = cell(x + h, y + h, h, plane);
      queue.push(c, -c.max);
    }
  // First guesses: the ring's centroid, then the middle of its extent.
  let best = centroidCell(plane);
  const mid = cell(width / 2, height / 2, 0, plane);
  if (mid.d > best.d) best = mid;

  while (queue.length) {
    const c = queue.pop()!;
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const q = c.h / 2;
    for (const [dx, dy] of [
      [-q, -q],
      [q, -q],
      [-q, q],
      [q, q],
    ]) {
      const child = cell(c.x + dx, c.y + dy, q, plane);
      queue.push(child, -child.max);
    }
  }
  return back(best.x, best.y);
}

/** A cell at the outer ring's area centroid (its first vertex for a ring with no area). */
function centroidCell(rings: readonly (readonly number[][])[]): Cell {
  const ring = rings[0];
  let area = 0,
    x = 0,
    y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[j];
    const f = ax * by - bx * ay;
    x += (ax + bx) * f;
    y += (ay + by) * f;
    area += f * 3;
  }
  if (area === 0) return cell(ring[0][0], ring[0][1], 0, rings);
  return cell(x / area, y / area, 0, rings);
}

/** The point halfway along a line, by length on the local plane. */
function midLine(line: readonly Position[]): LngLat | null {
  if (line.length === 0) return null;
  const kx = Math.cos((line[0][1] * Math.PI) / 180);
  const seg = (i: number) => Math.hypot((line[i][0] - line[i - 1][0]) * kx, line[i][1] - line[i - 1][1]);
  let total = 0;
  for (let i = 1; i < line.length; i++) total += seg(i);
  let left = total / 2;
  for (let i = 1; i < line.length; i++) {
    const d = seg(i);
    if (d >= left && d > 0) {
      const t = left / d;
      return [
        line[i - 1][0] + (line[i][0] - line[i - 1][0]) * t,
        line[i - 1][1] + (line[i][1] - line[i - 1][1]) * t,
      ];
    }
    left -= d;
  }
  return [line[0][0], line[0][1]];
}

/**
 * Where a feature's one label goes: inside its largest polygon part (pole of inaccessibility),
 * halfway along its longest line, or at its point; null for no geometry.
 */
export function labelPoint(g: Geometry | null): LngLat | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return [g.coordinates[0], g.coordinates[1]];
    case 'MultiPoint':
      return g.coordinates[0] ? [g.coordinates[0][0], g.coordinates[0][1]] : null;
    case 'Polygon':
      return poleOfInaccessibility(g.coordinates);
    case 'MultiPolygon': {
      let best = g.coordinates[0];
      for (const p of g.coordinates) if (p[0] && ringArea(p[0]) > ringArea(best?.[0] ?? [])) best = p;
      return best ? poleOfInaccessibility(best) : null;
    }
    case 'LineString':
      return midLine(g.coordinates);
    case 'MultiLineString': {
      const len = (l: Position[]) =>
        l.reduce((a, p, i) => (i ? a + Math.hypot(p[0] - l[i - 1][0], p[1] - l[i - 1][1]) : 0), 0);
      let best = g.coordinates[0];
      for (const l of g.coordinates) if (len(l) > len(best ?? [])) best = l;
      return best ? midLine(best) : null;
    }
    case 'GeometryCollection': {
      for (const x of g.geometries) {
        const p = labelPoint(x);
        if (p) return p;
      }
      return null;
    }
  }
}

/**
 * The collection as one labelled point per feature (same id and properties); features with no
 * geometry are left out.
 */
export function labelPoints(fc: FeatureCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of fc.features) {
    const p = labelPoint(f.geometry);
    if (p) features.push({ ...f, geometry: { type: 'Point', coordinates: p } });
  }
  return { type: 'FeatureCollection', features };
}
