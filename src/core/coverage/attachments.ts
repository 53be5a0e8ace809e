/**
 * Source points indexed by the walk graph: which source points sit on each edge, and which can be
 * reached from each node (the two ends of its edge) with the effective metres to walk. Built lazily
 * per source set for the single-place queries (point info, nearest parks).
 */
import type { WalkGraph } from './graph';
import { legToEnd } from './legs';
import type { SourceSet } from './source-set';

export interface Attachments {
  /** Source points on edge e. */
  byEdge: Map<number, number[]>;
  /** Source points reachable from node u: slots start[u] .. start[u+1]-1 of point/offset. */
  start: Int32Array;
  point: Int32Array;
  offset: Float64Array;
}

const cache = new WeakMap<SourceSet, Attachments>();

export function attachmentsOf(graph: WalkGraph, set: SourceSet): Attachments {
  let a = cache.get(set);
  if (a) return a;
  const pts = set.points;
  const n = pts.edge.length;
  const byEdge = new Map<number, number[]>();
  const start = new Int32Array(graph.nodeCount + 1);
  for (let k = 0; k < n; k++) {
    const e = pts.edge[k];
    let list = byEdge.get(e);
    if (!list) byEdge.set(e, (list = []));
    list.push(k);
    start[graph.edgeA[e] + 1]++;
    start[graph.edgeB[e] + 1]++;
  }
  for (let u = 0; u < graph.nodeCount; u++) start[u + 1] += start[u];
  const fill = start.slice(0, graph.nodeCount);
  const point = new Int32Array(2 * n);
  const offset = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const e = pts.edge[k];
    let s = fill[graph.edgeA[e]]++;
    point[s] = k;
    offset[s] = legToEnd(graph, e, pts.t[k], pts.leg[k], 0);
    s = fill[graph.edgeB[e]]++;
    point[s] = k;
    offset[s] = legToEnd(graph, e, pts.t[k], pts.leg[k], 1);
  }
  a = { byEdge, start, point, offset };
  cache.set(set, a);
  return a;
}
