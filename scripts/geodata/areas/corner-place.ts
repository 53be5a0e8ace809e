/**
 * Places a small green space at the corner of a named crossing ("A路与B街交叉口西南角"), the way
 * most 游园 and 口袋公园 are published. The crossing is where the two roads' drawn centre lines meet;
 * a record whose roads are not both drawn, or do not meet, stays unplaced with the reason, so adding
 * the roads to roads.geojson places it on the next build with no change to its record.
 */
import type { Position } from 'geojson';
import type { Line, RoadIndex } from './road-index';
import { metresPerDegree, type QuadSpec } from './shapes';

export type Corner = 'ne' | 'nw' | 'se' | 'sw';

export interface CornerSpec {
  /** The two roads of the crossing, as the address names them. */
  roads: [string, string];
  corner: Corner;
  /** Side of the square drawn when no area is published (m); a typical 游园 is 0.4-1 ha. */
  side_m?: number;
}

/** Road ends this close to the other road count as meeting it (roads drawn a little short). */
export const MAX_GAP_M = 80;
/** Distance from the crossing's centre lines to the corner's land (half carriageway + sidewalk). */
export const CORNER_SETBACK_M = 15;
export const DEFAULT_SIDE_M = 90;

/** Metres between two WGS-84 points (equirectangular; fine over a few hundred metres). */
function metres(a: Position, b: Position): number {
  const m = metresPerDegree((a[1] + b[1]) / 2);
  return Math.hypot((a[0] - b[0]) * m.lng, (a[1] - b[1]) * m.lat);
}

function segmentIntersection(p: Position, q: Position, r: Position, s: Position): Position | null {
  const d = (q[0] - p[0]) * (s[1] - r[1]) - (q[1] - p[1]) * (s[0] - r[0]);
  if (d === 0) return null;
  const t = ((r[0] - p[0]) * (s[1] - r[1]) - (r[1] - p[1]) * (s[0] - r[0])) / d;
  const u = ((r[0] - p[0]) * (q[1] - p[1]) - (r[1] - p[1]) * (q[0] - p[0])) / d;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

function nearestOnSegment(x: Position, p: Position, q: Position): Position {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x[0] - p[0]) * dx + (x[1] - p[1]) * dy) / len2));
  return [p[0] + t * dx, p[1] + t * dy];
}

/**
 * Where two roads meet: the intersection of their centre lines, else (a T-junction drawn a little
 * short) the end of one line nearest the other within MAX_GAP_M; null where they do not meet.
 */
export function crossing(a: Line[], b: Line[]): Position | null {
  const hits: Position[] = [];
  for (const la of a)
    for (const lb of b)
      for (let i = 0; i + 1 < la.length; i++)
        for (let j = 0; j + 1 < lb.length; j++) {
          const x = segmentIntersection(la[i], la[i + 1], lb[j], lb[j + 1]);
          if (x) hits.push(x);
        }
  if (hits.length > 0) {
    // Dual carriageways give several hits a few tens of metres apart: take their mean.
    const n = hits.length;
    return [hits.reduce((s, h) => s + h[0], 0) / n, hits.reduce((s, h) => s + h[1], 0) / n];
  }
  let best: { d: number; at: Position } | null = null;
  for (const [ends, other] of [
    [a, b],
    [b, a],
  ] as const)
    for (const line of ends)
      for (const end of [line[0], line[line.length - 1]])
        for (const o of other)
          for (let j = 0; j + 1 < o.length; j++) {
            const near = nearestOnSegment(end, o[j], o[j + 1]);
            const d = metres(end, near);
            if (d <= MAX_GAP_M && (!best || d < best.d))
              best = { d, at: [(end[0] + near[0]) / 2, (end[1] + near[1]) / 2] };
          }
  return best?.at ?? null;
}

/**
 * The quad of a square green space in one corner of a crossing, set back from both centre lines,
 * of `area_m2` where a source publishes it; or the reason it cannot be placed.
 */
export function cornerQuad(
  spec: CornerSpec,
  roads: RoadIndex,
  area_m2?: number,
): { quad: QuadSpec; at: Position } | { reason: string } {
  const missing = spec.roads.filter((r) => {
    try {
      roads.lines(r);
      return roads.origin(r) !== 'layer';
    } catch {
      return true;
    }
  });
  if (missing.length > 0) return { reason: `${missing.join(' and ')} not in roads.geojson` };
  const at = crossing(roads.lines(spec.roads[0]), roads.lines(spec.roads[1]));
  if (!at) return { reason: `${spec.roads.join(' and ')} do not meet as roads.geojson draws them` };
  const side = area_m2 !== undefined ? Math.sqrt(area_m2) : (spec.side_m ?? DEFAULT_SIDE_M);
  const m = metresPerDegree(at[1]);
  const east = spec.corner.endsWith('e') ? 1 : -1;
  const north = spec.corner.startsWith('n') ? 1 : -1;
  const lngs = [CORNER_SETBACK_M, CORNER_SETBACK_M + side].map((d) => at[0] + (east * d) / m.lng);
  const lats = [CORNER_SETBACK_M, CORNER_SETBACK_M + side].map((d) => at[1] + (north * d) / m.lat);
  return {
    at,
    quad: {
      w: { lng: Math.min(...lngs) },
      e: { lng: Math.max(...lngs) },
      s: { lat: Math.min(...lats) },
      n: { lat: Math.max(...lats) },
    },
  };
}
