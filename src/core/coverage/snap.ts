/**
 * Snapping a point to the nearest walkable road: the nearest point on an edge, not the nearest node.
 * A kdbush index holds sample points every SAMPLE_M along every edge; any edge point within r of the
 * query has a sample within r + SAMPLE_M / 2, so the sample query finds every candidate edge exactly.
 */
import KDBush from 'kdbush';
import type { WalkGraph } from './graph';
import { segmentProjection } from './projection';

/** Spacing of the edge samples in the snapping index, metres. */
export const SAMPLE_M = 25;

export interface EdgePoint {
  /** Undirected edge id in the walk graph. */
  edge: number;
  /** Position along the edge from edgeA (0) to edgeB (1). */
  t: number;
  /** Straight-line distance from the query point, metres. */
  d: number;
  /** The point on the road, local metres. */
  x: number;
  y: number;
}

export class EdgeIndex {
  readonly graph: WalkGraph;
  private readonly index: KDBush;
  /** Sample i lies on edge sampleEdge[i]. */
  private readonly sampleEdge: Int32Array;
  private readonly stampOf: Uint32Array;
  private stamp = 0;

  /**
   * Builds the index over `graph`, or takes a serialised one (`serial()` of an index over the same
   * graph, e.g. from a graph asset: kdbush reads its buffer in place).
   */
  constructor(graph: WalkGraph, serial?: { data: ArrayBuffer; sampleEdge: Int32Array }) {
    this.graph = graph;
    this.stampOf = new Uint32Array(graph.edgeCount);
    if (serial) {
      this.index = KDBush.from(serial.data);
      this.sampleEdge = serial.sampleEdge;
      return;
    }
    const { edgeCount, edgeA, edgeB, edgeM, nodeX, nodeY } = graph;
    let total = 0;
    for (let e = 0; e < edgeCount; e++) total += Math.ceil(edgeM[e] / SAMPLE_M) + 1;
    this.index = new KDBush(Math.max(total, 1));
    this.sampleEdge = new Int32Array(Math.max(total, 1));
    let k = 0;
    for (let e = 0; e < edgeCount; e++) {
      const steps = Math.ceil(edgeM[e] / SAMPLE_M);
      const ax = nodeX[edgeA[e]],
        ay = nodeY[edgeA[e]],
        bx = nodeX[edgeB[e]],
        by = nodeY[edgeB[e]];
      for (let s = 0; s <= steps; s++) {
        const t = steps === 0 ? 0 : s / steps;
        this.index.add(ax + t * (bx - ax), ay + t * (by - ay));
        this.sampleEdge[k++] = e;
      }
    }
    if (total === 0) this.index.add(Infinity, Infinity);
    this.index.finish();
  }

  /** The index as kdbush's buffer and the sample → edge table (see the constructor). */
  serial(): { data: ArrayBuffer; sampleEdge: Int32Array } {
    return { data: this.index.data as ArrayBuffer, sampleEdge: this.sampleEdge };
  }

  /** Nearest point on each edge within maxM of (x, y), nearest first. */
  edgesNear(x: number, y: number, maxM: number): EdgePoint[] {
    const { edgeA, edgeB, nodeX, nodeY } = this.graph;
    const ids = this.index.within(x, y, maxM + SAMPLE_M / 2);
    const s = ++this.stamp;
    const out: EdgePoint[] = [];
    for (const id of ids) {
      const e = this.sampleEdge[id];
      if (e < 0 || this.stampOf[e] === s) continue;
      this.stampOf[e] = s;
      const ax = nodeX[edgeA[e]],
        ay = nodeY[edgeA[e]],
        bx = nodeX[edgeB[e]],
        by = nodeY[edgeB[e]];
      const { d2, t } = segmentProjection(x, y, ax, ay, bx, by);
      if (d2 > maxM * maxM) continue;
      out.push({ edge: e, t, d: Math.sqrt(d2), x: ax + t * (bx - ax), y: ay + t * (by - ay) });
    }
    return out.sort((a, b) => a.d - b.d);
  }

  /**
   * The nearest points on up to `maxRoads` distinct roads within maxM whose straight leg from (x, y)
   * passes `accept` (e.g. crosses no water), nearest first.
   */
  links(
    x: number,
    y: number,
    maxM: number,
    maxRoads: number,
    accept: (p: EdgePoint) => boolean = () => true,
  ): EdgePoint[] {
    // Search small first: the candidates within r, nearest first, are a prefix of all candidates,
    // so stopping once enough roads are found within r gives the same answer as the full search.
    for (const r of [Math.min(maxM, 60), Math.min(maxM, 150), maxM]) {
      const out: EdgePoint[] = [];
      const roads = new Set<number>();
      for (const p of this.edgesNear(x, y, r)) {
        const road = this.graph.edgeRoad[p.edge];
        const key = road >= 0 ? road : -2 - p.edge;
        if (roads.has(key) || !accept(p)) continue;
        roads.add(key);
        out.push(p);
        if (out.length >= maxRoads) return out;
      }
      if (r === maxM) return out;
    }
    return [];
  }
}
