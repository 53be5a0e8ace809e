/**
 * One multi-source Dijkstra over the walk graph: every node gets the walk distance to its nearest
 * green space (effective metres: network metres plus off-network metres × 1.2), which green space
 * that is, and its predecessor towards it. Distances, not times: the walking speed only divides them,
 * so changing the speed never reruns the search.
 *
 * The search only ever lowers distances, which makes what-ifs incremental: adding sources to a copy
 * of a finished field relaxes just the nodes the new sources improve.
 */
import FlatQueue from 'flatqueue';
import type { WalkGraph } from './graph';

export interface NearestField {
  /** Effective metres to the nearest green space; Infinity where none is reachable. */
  readonly dist: Float64Array;
  /** Index of that green space in the source set's greens; -1 where none. */
  readonly green: Int32Array;
  /** Next node towards the green space; -1 at a node joined directly to a source point. */
  readonly pred: Int32Array;
  /** The source point that the chain towards the green space starts from; -1 where none. */
  readonly point: Int32Array;
}

/** Seeds: node seedNode[k] is seedDist[k] effective metres from green seedGreen[k] via source point seedPoint[k]. */
export interface Seeds {
  readonly node: Int32Array;
  readonly dist: Float64Array;
  readonly green: Int32Array;
  readonly point: Int32Array;
}

export function emptyField(nodeCount: number): NearestField {
  return {
    dist: new Float64Array(nodeCount).fill(Infinity),
    green: new Int32Array(nodeCount).fill(-1),
    pred: new Int32Array(nodeCount).fill(-1),
    point: new Int32Array(nodeCount).fill(-1),
  };
}

export function copyField(f: NearestField): NearestField {
  return { dist: f.dist.slice(), green: f.green.slice(), pred: f.pred.slice(), point: f.point.slice() };
}

/**
 * A reusable fixed-capacity queue backed by typed arrays (faster than the growable one), grown only
 * when a bigger graph comes along. With lazy deletion a search pushes at most one entry per seed and
 * per improving relaxation, so seeds + 2 × edges bounds its size.
 */
let sharedQueue = new FlatQueue<number>(1024, Float64Array, Uint32Array);
function queueFor(capacity: number): FlatQueue<number> {
  if (sharedQueue.capacity < capacity)
    sharedQueue = new FlatQueue<number>(capacity, Float64Array, Uint32Array);
  sharedQueue.clear();
  return sharedQueue;
}

/**
 * Lowers `field` in place by the given seeds and propagates the improvement (decrease-only Dijkstra).
 * On an empty field this is the full multi-source search. Returns the number of nodes settled.
 */
export function relax(graph: WalkGraph, field: NearestField, seeds: Seeds): number {
  const { offsets, adjTarget, adjM } = graph;
  const { dist, green, pred, point } = field;
  const q = queueFor(seeds.node.length + 2 * graph.edgeCount + 1);
  for (let k = 0; k < seeds.node.length; k++) {
    const u = seeds.node[k];
    const d = seeds.dist[k];
    if (d < dist[u]) {
      dist[u] = d;
      green[u] = seeds.green[k];
      pred[u] = -1;
      point[u] = seeds.point[k];
      q.push(u, d);
    }
  }
  let settled = 0;
  while (q.length > 0) {
    const d = q.peekValue() as number;
    const u = q.pop() as number;
    if (d > dist[u]) continue; // a stale entry: u was reached more cheaply since it was queued
    settled++;
    const g = green[u];
    const p = point[u];
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const v = adjTarget[k];
      const nd = d + adjM[k];
      if (nd < dist[v]) {
        dist[v] = nd;
        green[v] = g;
        pred[v] = u;
        point[v] = p;
        q.push(v, nd);
      }
    }
  }
  return settled;
}

/** The full multi-source search from scratch. */
export function nearestField(graph: WalkGraph, seeds: Seeds): NearestField {
  const field = emptyField(graph.nodeCount);
  relax(graph, field, seeds);
  return field;
}
