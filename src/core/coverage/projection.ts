/**
 * A local metric plane for the study area: x = east metres, y = north metres from an origin.
 * It uses cheap-ruler's per-degree factors at the area's middle latitude, so straight-line distances
 * in this plane equal cheap-ruler's `distance` (within 0.1% of Turf's great-circle distance at city scale).
 */
import CheapRuler from 'cheap-ruler';

export interface LocalProjection {
  /** Origin longitude/latitude, degrees. */
  readonly lng0: number;
  readonly lat0: number;
  /** Metres per degree of longitude / latitude at lat0. */
  readonly kx: number;
  readonly ky: number;
}

export function makeProjection(lng0: number, lat0: number): LocalProjection {
  const ruler = new CheapRuler(lat0, 'meters');
  return { lng0, lat0, kx: ruler.kx, ky: ruler.ky };
}

export const toX = (p: LocalProjection, lng: number): number => (lng - p.lng0) * p.kx;
export const toY = (p: LocalProjection, lat: number): number => (lat - p.lat0) * p.ky;
export const toLng = (p: LocalProjection, x: number): number => p.lng0 + x / p.kx;
export const toLat = (p: LocalProjection, y: number): number => p.lat0 + y / p.ky;

/** Squared distance from point (px,py) to segment (ax,ay)-(bx,by), and the parameter t∈[0,1] of the closest point. */
export function segmentProjection(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): { d2: number; t: number } {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return { d2: qx * qx + qy * qy, t };
}

/** True when open segments p1-p2 and p3-p4 properly intersect or touch. */
export function segmentsIntersect(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x4: number,
  y4: number,
): boolean {
  const d1 = orient(x3, y3, x4, y4, x1, y1);
  const d2 = orient(x3, y3, x4, y4, x2, y2);
  const d3 = orient(x1, y1, x2, y2, x3, y3);
  const d4 = orient(x1, y1, x2, y2, x4, y4);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  if (d1 === 0 && onSegment(x3, y3, x4, y4, x1, y1)) return true;
  if (d2 === 0 && onSegment(x3, y3, x4, y4, x2, y2)) return true;
  if (d3 === 0 && onSegment(x1, y1, x2, y2, x3, y3)) return true;
  if (d4 === 0 && onSegment(x1, y1, x2, y2, x4, y4)) return true;
  return false;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}
