/**
 * How far the drawn roads lie from the facts they should pass through: the crossings of
 * road-crossings.csv and the 2013 bus stops named after a crossing (each to both its roads).
 * Shared by the accuracy tests (tests/unit/geodata/roads-accuracy.test.ts) and `npm run data:summary`.
 */
import type { Feature, LineString, Position } from 'geojson';
import { parseCommentedCsv } from '../csv.ts';
import { mentions, parseBusStops } from './bus-evidence.ts';
import { toXY } from './planar.ts';

type Bbox = readonly [number, number, number, number];
const inside = (p: Position, [w, s, e, n]: Bbox) => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n;

/**
 * Distance (m) from a point to the nearest road piece carrying a name (its name_zh, or a name in its
 * name_alt: a road's 2013 name, which addresses still use); Infinity when none does.
 */
export function roadDistance(roads: Feature<LineString>[]): (name: string, p: Position) => number {
  const segments = new Map<string, [number, number, number, number][]>();
  for (const f of roads) {
    const xy = f.geometry.coordinates.map(toXY);
    const alt = typeof f.properties?.name_alt === 'string' ? f.properties.name_alt.split('、') : [];
    for (const name of [String(f.properties?.name_zh), ...alt]) {
      const list = segments.get(name) ?? [];
      for (let i = 1; i < xy.length; i++) list.push([xy[i - 1][0], xy[i - 1][1], xy[i][0], xy[i][1]]);
      segments.set(name, list);
    }
  }
  return (name, p) => {
    const [x, y] = toXY(p);
    let best = Infinity;
    for (const [ax, ay, bx, by] of segments.get(name) ?? []) {
      const dx = bx - ax;
      const dy = by - ay;
      const l2 = dx * dx + dy * dy;
      const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2));
      best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
    }
    return best;
  };
}

export interface Miss {
  label: string;
  d: number;
}

/** Per crossing of road-crossings.csv inside the box: the larger of its distances to its two roads. */
export function crossingErrors(roads: Feature<LineString>[], crossingsCsv: string, bbox: Bbox): Miss[] {
  const dist = roadDistance(roads);
  return parseCommentedCsv(crossingsCsv)
    .map((r) => ({ a: r.road_a, b: r.road_b, at: [Number(r.wgs84_lng), Number(r.wgs84_lat)] }))
    .filter((r) => inside(r.at, bbox))
    .map((r) => ({ label: `${r.a}×${r.b}`, d: Math.max(dist(r.a, r.at), dist(r.b, r.at)) }));
}

/** Per distinct crossing-named stop inside the box: the larger of its distances to the two roads it names. */
export function busStopErrors(
  roads: Feature<LineString>[],
  stopsCsv: string,
  alias: Record<string, string>,
  bbox: Bbox,
): Miss[] {
  const dist = roadDistance(roads);
  const seen = new Set<string>();
  return parseBusStops(stopsCsv)
    .filter((s) => {
      const k = `${s.name}|${s.at.join(',')}`;
      if (!s.roadA || !inside(s.at, bbox) || seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .map((s) => {
      const [a, b] = mentions(s, alias);
      return { label: s.name, d: Math.max(dist(a, s.at), dist(b, s.at)) };
    });
}

export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
export const shareWithin = (v: number[], limit: number) => v.filter((d) => d <= limit).length / v.length;
