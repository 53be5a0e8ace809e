/**
 * Planar helpers for the road build: a local equirectangular projection in metres (accurate to
 * well under 0.1% across the 17 km study area, per cheap-ruler's scale factors), line fitting,
 * side-road offsets, ray/segment intersections. Positions are WGS-84 [lng, lat].
 */
import CheapRuler from 'cheap-ruler';
import type { Position } from 'geojson';

const LAT0 = 34.815;
const LNG0 = 113.53;
const ruler = new CheapRuler(LAT0, 'meters');
/** Metres per degree of longitude / latitude at the study area's middle latitude. */
const KX = ruler.distance([LNG0, LAT0], [LNG0 + 1, LAT0]);
const KY = ruler.distance([LNG0, LAT0], [LNG0, LAT0 + 1]);

export type XY = [number, number];

export const toXY = (p: Position): XY => [(p[0] - LNG0) * KX, (p[1] - LAT0) * KY];
export const toLL = (q: XY): Position => [q[0] / KX + LNG0, q[1] / KY + LAT0];

export const round6 = (p: Position): Position => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
export const key = (p: Position): string => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;

export const distM = (a: Position, b: Position): number =>
  ruler.distance(a as [number, number], b as [number, number]);

/**
 * Total-least-squares line through the points, returned as the segment between the projections of
 * the first and the last point (so the listed order sets the road's direction and extent).
 */
export function fitLine(points: Position[]): Position[] {
  if (points.length < 2) throw new Error('fitLine needs at least two points');
  const xy = points.map(toXY);
  const cx = xy.reduce((s, q) => s + q[0], 0) / xy.length;
  const cy = xy.reduce((s, q) => s + q[1], 0) / xy.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const [x, y] of xy) {
    sxx += (x - cx) ** 2;
    syy += (y - cy) ** 2;
    sxy += (x - cx) * (y - cy);
  }
  // Principal axis angle of the 2x2 covariance matrix.
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const d: XY = [Math.cos(theta), Math.sin(theta)];
  const along = (q: XY) => (q[0] - cx) * d[0] + (q[1] - cy) * d[1];
  const t0 = along(xy[0]);
  const t1 = along(xy[xy.length - 1]);
  return [toLL([cx + t0 * d[0], cy + t0 * d[1]]), toLL([cx + t1 * d[0], cy + t1 * d[1]])];
}

/** The line shifted sideways by `m` metres: positive to the right of the direction of travel. */
export function offsetLine(line: Position[], m: number): Position[] {
  const xy = line.map(toXY);
  const normals = xy.slice(1).map((q, i) => {
    const dx = q[0] - xy[i][0];
    const dy = q[1] - xy[i][1];
    const len = Math.hypot(dx, dy);
    return [dy / len, -dx / len] as XY; // right-hand normal
  });
  return xy.map((q, i) => {
    const a = normals[Math.max(0, i - 1)];
    const b = normals[Math.min(normals.length - 1, i)];
    // Mitred join: the average normal, lengthened so both neighbouring segments keep distance m.
    const nx = a[0] + b[0];
    const ny = a[1] + b[1];
    const len = Math.hypot(nx, ny);
    const cos = (nx * a[0] + ny * a[1]) / len;
    return toLL([q[0] + (nx / len) * (m / cos), q[1] + (ny / len) * (m / cos)]);
  });
}

/**
 * Where segment p->q (parameter t in [0,1]) meets segment a->b (parameter u in [0,1]), in the
 * projected plane; null when parallel. `slackM` lets the hit lie up to that many metres beyond
 * either segment's ends, which closes T-junctions left open by rounding.
 */
export function segmentHit(
  p: Position,
  q: Position,
  a: Position,
  b: Position,
  slackM = 0,
): { t: number; u: number; at: Position } | null {
  const [px, py] = toXY(p);
  const [qx, qy] = toXY(q);
  const [ax, ay] = toXY(a);
  const [bx, by] = toXY(b);
  const rx = qx - px;
  const ry = qy - py;
  const sx = bx - ax;
  const sy = by - ay;
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-9) return null;
  const t = ((ax - px) * sy - (ay - py) * sx) / den;
  const u = ((ax - px) * ry - (ay - py) * rx) / den;
  const et = slackM / Math.hypot(rx, ry);
  const eu = slackM / Math.hypot(sx, sy);
  if (t < -et || t > 1 + et || u < -eu || u > 1 + eu) return null;
  const tc = Math.min(1, Math.max(0, t));
  return { t: tc, u: Math.min(1, Math.max(0, u)), at: toLL([px + tc * rx, py + tc * ry]) };
}

/** Nearest point on a polyline: segment index, parameter along it, the point and its distance (m). */
export function nearestOnLine(
  line: Position[],
  p: Position,
): { index: number; t: number; at: Position; dist: number } {
  const [x, y] = toXY(p);
  let best = { index: 0, t: 0, at: line[0], dist: Infinity };
  for (let i = 0; i < line.length - 1; i++) {
    const [ax, ay] = toXY(line[i]);
    const [bx, by] = toXY(line[i + 1]);
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
    const cx = ax + t * dx;
    const cy = ay + t * dy;
    const dist = Math.hypot(x - cx, y - cy);
    if (dist < best.dist) best = { index: i, t, at: toLL([cx, cy]), dist };
  }
  return best;
}

/** Point `m` metres beyond `end`, continuing the direction from `from` to `end`. */
export function extendPast(from: Position, end: Position, m: number): Position {
  const [fx, fy] = toXY(from);
  const [ex, ey] = toXY(end);
  const len = Math.hypot(ex - fx, ey - fy);
  return toLL([ex + ((ex - fx) / len) * m, ey + ((ey - fy) / len) * m]);
}
