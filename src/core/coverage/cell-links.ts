/**
 * How each grid cell joins the walk graph: the nearest point on each of up to MAX_LINKS_PER_CELL
 * distinct roads within MAX_OFF_NETWORK_M whose straight leg crosses no barrier. A link is stored as
 * two (node, metres) pairs, one per end of the edge, so filling the grid from a Dijkstra field is a
 * flat min over pairs: time(cell) = min(dist[node] + offset) over its pairs.
 *
 * This depends only on the scenario's roads, water and grid, not on sources or speed: built once.
 * Cells are visited edge by edge (each edge touches only the cells near it), not by per-cell search.
 */
import { type Barriers, legBlocked } from './barriers';
import { MAX_LINKS_PER_CELL, MAX_OFF_NETWORK_M } from './constants';
import type { WalkGraph } from './graph';
import { type GridSpec, rasterize, scanNearSegment } from './grid-spec';
import { legToEnd } from './legs';

export interface CellLinks {
  /** The pairs of cell c are start[c] .. start[c+1]-1 of node/offset. */
  readonly start: Int32Array;
  readonly node: Int32Array;
  /** Effective metres from the cell to the node: leg × 1.2 plus the metres along the edge. */
  readonly offset: Float32Array;
  /** 1 where the cell's centre lies in water: never reachable on foot. */
  readonly water: Uint8Array;
  /** 1 where a barrier lies within the off-network limit: only these cells need leg tests. */
  readonly nearBarrier: Uint8Array;
}

export function buildCellLinks(
  g: GridSpec,
  graph: WalkGraph,
  barriers: Barriers,
  maxM = MAX_OFF_NETWORK_M,
): CellLinks {
  const n = g.cols * g.rows;
  const M = MAX_LINKS_PER_CELL;
  const water = new Uint8Array(n);
  const nearBarrier = new Uint8Array(n);
  markNearBarriers(g, barriers, maxM, nearBarrier);
  rasterize(g, barriers.waterRings, (c) => {
    water[c] = 1;
  });
  // M slots per cell: edge, road, distance, t; unused slots have edge -1.
  const slotEdge = new Int32Array(n * M).fill(-1);
  const slotRoad = new Int32Array(n * M);
  const slotD = new Float32Array(n * M);
  const slotT = new Float32Array(n * M);
  const { edgeA, edgeB, edgeRoad, nodeX, nodeY } = graph;
  for (let run = 0; run < graph.runCount; run++) {
    const ex = nodeX[graph.runA[run]],
      ey = nodeY[graph.runA[run]],
      fx = nodeX[graph.runB[run]],
      fy = nodeY[graph.runB[run]];
    const first = graph.runFirst[run],
      count = graph.runEdges[run];
    const road = edgeRoad[first] >= 0 ? edgeRoad[first] : -2 - first;
    // tr: the position of the cell's nearest point along the whole run.
    scanNearSegment(g, ex, ey, fx, fy, maxM, (c, x, y, d2, tr) => {
      if (water[c]) return;
      const d = Math.sqrt(d2);
      const k = Math.min(count - 1, Math.floor(tr * count));
      const e = first + k;
      const t = tr * count - k; // position along edge e
      // Find this road's slot (keep the nearer point) or the worst slot to replace.
      const base = c * M;
      let target = -1,
        worst = -1,
        worstD = -1;
      for (let s = base; s < base + M; s++) {
        if (slotEdge[s] === -1) {
          if (worstD !== Infinity) {
            worst = s;
            worstD = Infinity;
          }
          continue;
        }
        if (slotRoad[s] === road) {
          target = s;
          break;
        }
        if (slotD[s] > worstD) {
          worst = s;
          worstD = slotD[s];
        }
      }
      if (target >= 0) {
        if (d >= slotD[target]) return;
      } else {
        if (d >= worstD) return;
        target = worst;
      }
      if (nearBarrier[c] && legBlocked(barriers, x, y, ex + tr * (fx - ex), ey + tr * (fy - ey))) return;
      slotEdge[target] = e;
      slotRoad[target] = road;
      slotD[target] = d;
      slotT[target] = t;
    });
  }
  // Pack the used slots as (node, offset) pairs in cell order.
  const start = new Int32Array(n + 1);
  let used = 0;
  for (let s = 0; s < n * M; s++) if (slotEdge[s] >= 0) used++;
  const node = new Int32Array(2 * used);
  const offset = new Float32Array(2 * used);
  let k = 0;
  for (let c = 0; c < n; c++) {
    start[c] = k;
    for (let s = c * M; s < c * M + M; s++) {
      const e = slotEdge[s];
      if (e < 0) continue;
      node[k] = edgeA[e];
      offset[k++] = legToEnd(graph, e, slotT[s], slotD[s], 0);
      node[k] = edgeB[e];
      offset[k++] = legToEnd(graph, e, slotT[s], slotD[s], 1);
    }
  }
  start[n] = k;
  return { start, node, offset, water, nearBarrier };
}

/** Marks the cells within maxM of any barrier segment (water shore, non-walkable road): only these need leg tests. */
function markNearBarriers(g: GridSpec, b: Barriers, maxM: number, out: Uint8Array): void {
  const c = b.index.coords;
  for (let s = 0; s < b.index.count; s++) {
    const x1 = c[4 * s],
      y1 = c[4 * s + 1],
      x2 = c[4 * s + 2],
      y2 = c[4 * s + 3];
    const i0 = Math.max(0, Math.floor((Math.min(x1, x2) - maxM - g.x0) / g.cellM));
    const i1 = Math.min(g.cols - 1, Math.floor((Math.max(x1, x2) + maxM - g.x0) / g.cellM));
    const j0 = Math.max(0, Math.floor((Math.min(y1, y2) - maxM - g.y0) / g.cellM));
    const j1 = Math.min(g.rows - 1, Math.floor((Math.max(y1, y2) + maxM - g.y0) / g.cellM));
    for (let j = j0; j <= j1; j++) out.fill(1, j * g.cols + i0, j * g.cols + i1 + 1);
  }
}
