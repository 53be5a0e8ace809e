/**
 * Source points of the green spaces that count in a scenario: each green space's entrances, or points
 * every BOUNDARY_STEP_M along its outer boundary, each joined to the nearest walkable road point
 * within MAX_OFF_NETWORK_M whose straight leg crosses no barrier. The leg is walked at ×1.2.
 */
import { type Barriers, legBlocked } from './barriers';
import { BOUNDARY_STEP_M, MAX_OFF_NETWORK_M } from './constants';
import type { Seeds } from './dijkstra';
import { legToEnd } from './legs';
import type { WalkGraph } from './graph';
import { type LocalProjection, toX, toY } from './projection';
import type { EdgeIndex } from './snap';

/** A green space as a destination: an authored feature or a what-if. */
export interface GreenRef {
  id: string;
  name_zh: string;
  name_en: string;
  area_m2: number;
  illustrative: boolean;
  /** A guess in its scenario (guesses.ts): figures are also computed without it. Never for a what-if. */
  guessed: boolean;
  /** CJJ/T 85-2017 class and whether a source says it is open with paths (green-class.ts). */
  green_class?: string;
  open_access?: boolean;
  /** Index in layers.green.features, or -1 for a what-if park. */
  feature: number;
  whatIf: boolean;
}

/** Source points in flat arrays: point k belongs to greens[green[k]], lies at (x[k], y[k]) and joins edge[k] at t[k]. */
export interface SourcePoints {
  readonly green: Int32Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly edge: Int32Array;
  readonly t: Float32Array;
  /** Straight metres from the point to the road. */
  readonly leg: Float32Array;
}

/** Points (local metres) where people enter a green space: its entrances, or samples along its outer rings. */
export function accessPoints(
  proj: LocalProjection,
  polys: Float64Array[][],
  entrances?: ReadonlyArray<readonly [number, number]>,
): number[] {
  if (entrances && entrances.length > 0)
    return entrances.flatMap(([lng, lat]) => [toX(proj, lng), toY(proj, lat)]);
  const out: number[] = [];
  for (const rings of polys) {
    const r = rings[0];
    let carry = 0; // metres walked since the last sample
    out.push(r[0], r[1]);
    for (let k = 0; k + 3 < r.length; k += 2) {
      const ax = r[k],
        ay = r[k + 1],
        bx = r[k + 2],
        by = r[k + 3];
      const len = Math.hypot(bx - ax, by - ay);
      let s = BOUNDARY_STEP_M - carry;
      while (s < len) {
        out.push(ax + ((bx - ax) * s) / len, ay + ((by - ay) * s) / len);
        s += BOUNDARY_STEP_M;
      }
      carry = len - (s - BOUNDARY_STEP_M);
    }
  }
  return out;
}

/** Joins every access point of every green space to the road network. */
export function joinSources(
  index: EdgeIndex,
  barriers: Barriers,
  pointsByGreen: ReadonlyArray<number[]>,
): SourcePoints {
  const green: number[] = [],
    xs: number[] = [],
    ys: number[] = [],
    edges: number[] = [],
    ts: number[] = [],
    legs: number[] = [];
  pointsByGreen.forEach((pts, g) => {
    for (let k = 0; k < pts.length; k += 2) {
      const x = pts[k],
        y = pts[k + 1];
      const [p] = index.links(x, y, MAX_OFF_NETWORK_M, 1, (q) => !legBlocked(barriers, x, y, q.x, q.y));
      if (!p) continue;
      green.push(g);
      xs.push(x);
      ys.push(y);
      edges.push(p.edge);
      ts.push(p.t);
      legs.push(p.d);
    }
  });
  return {
    green: Int32Array.from(green),
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
    edge: Int32Array.from(edges),
    t: Float32Array.from(ts),
    leg: Float32Array.from(legs),
  };
}

/** Dijkstra seeds: each source point reaches both ends of its edge. */
export function seedsOf(graph: WalkGraph, s: SourcePoints, pointOffset = 0): Seeds {
  const n = s.green.length;
  const node = new Int32Array(2 * n),
    dist = new Float64Array(2 * n),
    green = new Int32Array(2 * n),
    point = new Int32Array(2 * n);
  for (let k = 0; k < n; k++) {
    const e = s.edge[k];
    node[2 * k] = graph.edgeA[e];
    dist[2 * k] = legToEnd(graph, e, s.t[k], s.leg[k], 0);
    node[2 * k + 1] = graph.edgeB[e];
    dist[2 * k + 1] = legToEnd(graph, e, s.t[k], s.leg[k], 1);
    green[2 * k] = green[2 * k + 1] = s.green[k];
    point[2 * k] = point[2 * k + 1] = k + pointOffset;
  }
  return { node, dist, green, point };
}

/** Concatenates source point sets (the base set, then what-ifs). */
export function concatSources(...parts: SourcePoints[]): SourcePoints {
  // One allocation per array for all parts: concatenating pairwise in a loop over 500 parks
  // copied the growing arrays 500 times (half the synthetic city's source-set time).
  const cat = <T extends Float64Array | Float32Array | Int32Array>(arrays: T[]): T => {
    const out = new (arrays[0].constructor as { new (n: number): T })(
      arrays.reduce((n, a) => n + a.length, 0),
    );
    let at = 0;
    for (const a of arrays) {
      out.set(a, at);
      at += a.length;
    }
    return out;
  };
  return {
    green: cat(parts.map((p) => p.green)),
    x: cat(parts.map((p) => p.x)),
    y: cat(parts.map((p) => p.y)),
    edge: cat(parts.map((p) => p.edge)),
    t: cat(parts.map((p) => p.t)),
    leg: cat(parts.map((p) => p.leg)),
  };
}
