/**
 * What the 2013 bus network (geodata/sources/bus-stops-2013.csv) says about roads: which road each
 * stop stands on, where two named roads cross, and a course for a road from the points that lie on
 * it. Pure functions over parsed rows; the road build and the accuracy tests share them.
 *
 * A stop named after a crossing ("枫杨街雪松路站", road_a 枫杨街, road_b 雪松路) stands on one of
 * its two roads, 30–150 m from the crossing; which one, its neighbours on the line tell: a bus runs
 * along a road from stop to stop, so the road a stop shares with the stop before or after it is the
 * one it stands on. A stop named "化工路白庄" stands on 化工路.
 */
import type { Position } from 'geojson';
import { parseCommentedCsv } from '../csv.ts';
import { distM, toLL, toXY, type XY } from './planar.ts';

export interface BusStop {
  line: string;
  direction: string;
  seq: number;
  name: string;
  /** The two roads a crossing-named stop names ('' when it names none). */
  roadA: string;
  roadB: string;
  at: Position;
}

export function parseBusStops(text: string): BusStop[] {
  return parseCommentedCsv(text).map((r) => ({
    line: r.line,
    direction: r.direction,
    seq: Number(r.seq),
    name: r.stop_name,
    roadA: r.road_a,
    roadB: r.road_b,
    at: [Number(r.wgs84_lng), Number(r.wgs84_lat)],
  }));
}

export const pairKey = (a: string, b: string) => [a, b].sort().join('/');

/** A road name at the head of a stop's name ("化工路白庄" → 化工路), when the stop names no crossing. */
const ROAD_PREFIX = /^(.{2,4}?(?:路|街|大道))/;

/**
 * The roads a stop mentions, with aliases applied (a misspelling or a short form in the bus data,
 * e.g. 颖河路 for 颍河路): both crossing roads, or the road its name starts with.
 */
export function mentions(s: BusStop, alias: Record<string, string> = {}): string[] {
  const norm = (n: string) => alias[n] ?? n;
  if (s.roadA) return [norm(s.roadA), norm(s.roadB)];
  const m = ROAD_PREFIX.exec(s.name);
  return m ? [norm(m[1])] : [];
}

/** The stops in line order, one list per line and direction. */
function runs(stops: BusStop[]): BusStop[][] {
  const byRun = new Map<string, BusStop[]>();
  for (const s of stops) {
    const k = `${s.line}|${s.direction}`;
    byRun.set(k, [...(byRun.get(k) ?? []), s]);
  }
  return [...byRun.values()].map((r) => r.sort((a, b) => a.seq - b.seq));
}

/**
 * For each road, the stop points that stand on it: a stop naming one road stands on it; a stop
 * naming a crossing stands on the road it shares with a neighbour on its line (when exactly one
 * does). The same stop served by several lines counts once per distinct point.
 */
export function pointsOnRoads(stops: BusStop[], alias: Record<string, string> = {}): Map<string, Position[]> {
  const out = new Map<string, Position[]>();
  const seen = new Set<string>();
  for (const run of runs(stops)) {
    const m = run.map((s) => mentions(s, alias));
    run.forEach((s, i) => {
      let road: string | undefined;
      if (m[i].length === 1) road = m[i][0];
      else if (m[i].length === 2) {
        // A neighbour named after another crossing on the same road within 400 m is the same
        // crossing seen from its other side where the road changes name (冉屯路桐柏路 → 农业路桐柏路):
        // the bus crosses that road there rather than running along it.
        const near = new Set(
          [i - 1, i + 1]
            .filter((j) => m[j] && !(m[j].length === 2 && distM(run[j].at, s.at) < 400))
            .flatMap((j) => m[j]),
        );
        const shared = m[i].filter((r) => near.has(r));
        if (shared.length === 1) road = shared[0];
      }
      if (!road) return;
      const k = `${road}|${s.at[0].toFixed(5)},${s.at[1].toFixed(5)}`;
      if (seen.has(k)) return;
      seen.add(k);
      out.set(road, [...(out.get(road) ?? []), s.at]);
    });
  }
  return out;
}

/**
 * Where two roads cross, from the stops named after the crossing: the mean of their distinct
 * points (they stand on either road, on both sides, so the mean falls near the crossing).
 */
export function crossingsFromStops(
  stops: BusStop[],
  alias: Record<string, string> = {},
): Map<string, { a: string; b: string; at: Position; n: number }> {
  const acc = new Map<string, { a: string; b: string; pts: Map<string, Position> }>();
  for (const s of stops) {
    if (!s.roadA) continue;
    const [a, b] = mentions(s, alias);
    const k = pairKey(a, b);
    const e = acc.get(k) ?? { a, b, pts: new Map() };
    e.pts.set(`${s.at[0].toFixed(5)},${s.at[1].toFixed(5)}`, s.at);
    acc.set(k, e);
  }
  const out = new Map<string, { a: string; b: string; at: Position; n: number }>();
  for (const [k, e] of acc) {
    const pts = [...e.pts.values()];
    const at: Position = [
      pts.reduce((s, p) => s + p[0], 0) / pts.length,
      pts.reduce((s, p) => s + p[1], 0) / pts.length,
    ];
    out.set(k, { a: e.a, b: e.b, at, n: pts.length });
  }
  return out;
}

export interface Course {
  line: Position[];
  /** Evidence points used, and those left out as lying off the road's line. */
  used: number;
  dropped: number;
  /** Root-mean-square distance of the used points from the course (m). */
  rms: number;
  straight: boolean;
}

function axisOf(xy: XY[]): { c: XY; d: XY } {
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
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { c: [cx, cy], d: [Math.cos(theta), Math.sin(theta)] };
}

/**
 * A road's course from points on or near it: a straight line when the points allow one (every
 * point within `straightTolM` of the fitted line, after leaving out points farther than `outlierM`),
 * else a polyline through the medians of the points in steps of `stepM` along the road's main
 * axis (a bending road, e.g. a ring road). The course runs `extendM` past the outermost points:
 * a stop stands short of the crossing it is named after. Null with fewer than two points or
 * under `minLenM` of extent.
 */
export function courseFrom(
  points: Position[],
  opts: {
    straightTolM?: number;
    outlierM?: number;
    stepM?: number;
    extendM?: number;
    minLenM?: number;
    /** Points the course's ends reach out to (when within `reachOffM` of its line), without shaping it. */
    reach?: Position[];
    reachOffM?: number;
  } = {},
): Course | null {
  const {
    straightTolM = 70,
    outlierM = 150,
    stepM = 350,
    extendM = 60,
    minLenM = 150,
    reachOffM = 250,
  } = opts;
  const reach = (opts.reach ?? []).map(toXY);
  // One point per 10 m cell: repeated stops do not outweigh the rest.
  const cells = new Map<string, XY>();
  for (const p of points) {
    const q = toXY(p);
    cells.set(`${Math.round(q[0] / 10)},${Math.round(q[1] / 10)}`, q);
  }
  let xy = [...cells.values()];
  if (xy.length < 2) return null;
  const total = xy.length;
  // Straight: refit without the worst point while any lies beyond the outlier distance.
  for (;;) {
    const { c, d } = axisOf(xy);
    const off = xy.map((q) => Math.abs(-(q[0] - c[0]) * d[1] + (q[1] - c[1]) * d[0]));
    const worst = off.indexOf(Math.max(...off));
    if (off[worst] > outlierM && xy.length > 3 && xy.length > total * 0.7) {
      xy = xy.filter((_, i) => i !== worst);
      continue;
    }
    const along = xy.map((q) => (q[0] - c[0]) * d[0] + (q[1] - c[1]) * d[1]);
    let t0 = Math.min(...along) - extendM;
    let t1 = Math.max(...along) + extendM;
    if (t1 - t0 - 2 * extendM < minLenM) return null;
    for (const q of reach) {
      if (Math.abs(-(q[0] - c[0]) * d[1] + (q[1] - c[1]) * d[0]) > reachOffM) continue;
      const t = (q[0] - c[0]) * d[0] + (q[1] - c[1]) * d[1];
      t0 = Math.min(t0, t - extendM);
      t1 = Math.max(t1, t + extendM);
    }
    const rms = Math.sqrt(off.reduce((s, o) => s + o * o, 0) / off.length);
    if (Math.max(...off) <= straightTolM) {
      const at = (t: number): Position => toLL([c[0] + t * d[0], c[1] + t * d[1]]);
      return { line: [at(t0), at(t1)], used: xy.length, dropped: total - xy.length, rms, straight: true };
    }
    break;
  }
  // Bending: medians of (along, across) per step of the main axis, over all points.
  xy = [...cells.values()];
  const { c, d } = axisOf(xy);
  const ta = xy
    .map((q) => ({
      t: (q[0] - c[0]) * d[0] + (q[1] - c[1]) * d[1],
      s: -(q[0] - c[0]) * d[1] + (q[1] - c[1]) * d[0],
    }))
    .sort((a, b) => a.t - b.t);
  const median = (v: number[]) => {
    const s = [...v].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const verts: { t: number; s: number }[] = [];
  let group: { t: number; s: number }[] = [];
  const flush = () => {
    if (!group.length) return;
    verts.push({ t: median(group.map((g) => g.t)), s: median(group.map((g) => g.s)) });
    group = [];
  };
  for (const p of ta) {
    if (group.length && p.t - group[0].t > stepM) flush();
    group.push(p);
  }
  flush();
  if (verts.length < 2) return null;
  // The end vertices reach the outermost points (a median would stop half a step short).
  verts[0].t = ta[0].t;
  verts[verts.length - 1].t = ta[ta.length - 1].t;
  // Extend both ends along their end segments.
  const ext = (a: { t: number; s: number }, b: { t: number; s: number }) => {
    const len = Math.hypot(b.t - a.t, b.s - a.s) || 1;
    return { t: b.t + ((b.t - a.t) / len) * extendM, s: b.s + ((b.s - a.s) / len) * extendM };
  };
  // Reach points beyond an end (in the main axis's frame) carry that end out to them.
  for (const q of reach) {
    const r = {
      t: (q[0] - c[0]) * d[0] + (q[1] - c[1]) * d[1],
      s: -(q[0] - c[0]) * d[1] + (q[1] - c[1]) * d[0],
    };
    const first = verts[0];
    const last = verts[verts.length - 1];
    if (r.t < first.t && Math.abs(r.s - first.s) < reachOffM) verts[0] = { t: r.t, s: first.s };
    if (r.t > last.t && Math.abs(r.s - last.s) < reachOffM) verts[verts.length - 1] = { t: r.t, s: last.s };
  }
  verts[0] = ext(verts[1], verts[0]);
  verts[verts.length - 1] = ext(verts[verts.length - 2], verts[verts.length - 1]);
  const line = verts.map((v) => toLL([c[0] + v.t * d[0] - v.s * d[1], c[1] + v.t * d[1] + v.s * d[0]]));
  let sq = 0;
  for (const q of xy) {
    let best = Infinity;
    const p = toLL(q);
    for (let i = 0; i < line.length - 1; i++) best = Math.min(best, segDist(p, line[i], line[i + 1]));
    sq += best * best;
  }
  return { line, used: xy.length, dropped: 0, rms: Math.sqrt(sq / xy.length), straight: false };
}

function segDist(p: Position, a: Position, b: Position): number {
  const [x, y] = toXY(p);
  const [ax, ay] = toXY(a);
  const [bx, by] = toXY(b);
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** Length of a polyline in metres. */
export const lengthM = (line: Position[]) => line.slice(1).reduce((s, p, i) => s + distM(line[i], p), 0);
