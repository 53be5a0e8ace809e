/**
 * The walk graph of one scenario, in compressed sparse row (CSR) typed arrays.
 *
 * Nodes are every vertex of every walkable road (shared vertices join roads; intermediate vertices are
 * kept so that distances along curved roads are exact), plus the points where two walkable roads cross
 * without sharing a vertex, plus T-junctions where a road ends within JOIN_M of another road.
 * Every edge is one straight segment. Lengths are cheap-ruler metres (the local plane of projection.ts).
 */
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { type Line, type Split, joinDanglingEnds, nodeCrossings } from './noding';
import { type LocalProjection, toX, toY } from './projection';
import { SegmentIndex } from './segment-index';
import { type RoadInput, type Scenario, inScenario } from './types';

export { JOIN_M } from './noding';

/**
 * Longer road segments are split into edges of at most this length. Walk times live on nodes, so a
 * source point and a place on the same edge are joined through an end of the edge: short edges keep
 * that detour (and the error of "roads coloured by walk time") under MAX_EDGE_M.
 */
export const MAX_EDGE_M = 25;

export interface WalkGraph {
  readonly scenario: Scenario;
  readonly proj: LocalProjection;
  readonly nodeCount: number;
  /** Node i at [nodeLng[i], nodeLat[i]] (WGS-84) = (nodeX[i], nodeY[i]) metres in the local plane. */
  readonly nodeLng: Float64Array;
  readonly nodeLat: Float64Array;
  readonly nodeX: Float64Array;
  readonly nodeY: Float64Array;
  /** Undirected edge e joins edgeA[e]–edgeB[e], edgeM[e] metres long, part of roads.features[edgeRoad[e]] (-1: a join). */
  readonly edgeCount: number;
  readonly edgeA: Int32Array;
  readonly edgeB: Int32Array;
  readonly edgeM: Float32Array;
  readonly edgeRoad: Int32Array;
  /**
   * Straight runs: run r is the authored straight piece from node runA[r] to runB[r], split into
   * edges runFirst[r] .. runFirst[r] + runEdges[r] - 1 of equal length, in order from runA. Scanning
   * runs instead of short edges keeps per-cell work low (cell-links.ts).
   */
  readonly runCount: number;
  readonly runA: Int32Array;
  readonly runB: Int32Array;
  readonly runFirst: Int32Array;
  readonly runEdges: Int32Array;
  /** 1 for nodes added only to keep edges short (they lie on a straight segment: routes may skip them). */
  readonly nodeDense: Uint8Array;
  /** CSR adjacency: the neighbours of u are slots offsets[u] .. offsets[u+1]-1 of adjTarget/adjEdge/adjM. */
  readonly offsets: Int32Array;
  readonly adjTarget: Int32Array;
  readonly adjEdge: Int32Array;
  readonly adjM: Float32Array;
}

/** Builds the walk graph from the walkable roads that exist in `scenario`. */
export function buildWalkGraph(
  roads: FeatureCollection<LineString | MultiLineString, RoadInput>,
  scenario: Scenario,
  proj: LocalProjection,
  maxEdgeM = MAX_EDGE_M,
): WalkGraph {
  const lines = collectLines(roads, scenario, proj);
  const segLine: number[] = [];
  const segIdx: number[] = [];
  const coords: number[] = [];
  lines.forEach((l, li) => {
    for (let s = 0; s + 1 < l.x.length; s++) {
      segLine.push(li);
      segIdx.push(s);
      coords.push(l.x[s], l.y[s], l.x[s + 1], l.y[s + 1]);
    }
  });
  const index = new SegmentIndex(new Float64Array(coords), 200);
  const splits: Split[][] = segLine.map(() => []);
  const joins: Array<[number, number, number, number]> = []; // lngA, latA, lngB, latB

  nodeCrossings(index, segLine, segIdx, lines, splits, proj);
  joinDanglingEnds(index, segLine, lines, splits, joins, proj);
  return assemble(lines, segLine, splits, joins, scenario, proj, maxEdgeM);
}

function collectLines(
  roads: FeatureCollection<LineString | MultiLineString, RoadInput>,
  scenario: Scenario,
  proj: LocalProjection,
): Line[] {
  const lines: Line[] = [];
  roads.features.forEach((f, road) => {
    const p = f.properties;
    if (!p || !p.walkable || !inScenario(p, scenario) || !f.geometry) return;
    const parts = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const part of parts) {
      if (part.length < 2) continue;
      const lng = part.map((c) => c[0]);
      const lat = part.map((c) => c[1]);
      lines.push({ road, lng, lat, x: lng.map((v) => toX(proj, v)), y: lat.map((v) => toY(proj, v)) });
    }
  });
  return lines;
}

function assemble(
  lines: Line[],
  segLine: number[],
  splits: Split[][],
  joins: Array<[number, number, number, number]>,
  scenario: Scenario,
  proj: LocalProjection,
  maxEdgeM: number,
): WalkGraph {
  const keyToNode = new Map<string, number>();
  const lngs: number[] = [];
  const lats: number[] = [];
  const nodeOf = (lng: number, lat: number): number => {
    // 1e-7° ≈ 1 cm: the same authored vertex in two roads is the same node.
    const key = `${Math.round(lng * 1e7)},${Math.round(lat * 1e7)}`;
    let id = keyToNode.get(key);
    if (id === undefined) {
      id = lngs.length;
      keyToNode.set(key, id);
      lngs.push(lng);
      lats.push(lat);
    }
    return id;
  };
  const ea: number[] = [];
  const eb: number[] = [];
  const er: number[] = [];
  const dense: number[] = [];
  const runA: number[] = [],
    runB: number[] = [],
    runFirst: number[] = [],
    runEdges: number[] = [];
  const addEdge = (a: number, b: number, road: number) => {
    if (a === b) return;
    const m = Math.hypot((lngs[b] - lngs[a]) * proj.kx, (lats[b] - lats[a]) * proj.ky);
    const pieces = Math.max(1, Math.ceil(m / maxEdgeM));
    runA.push(a);
    runB.push(b);
    runFirst.push(ea.length);
    runEdges.push(pieces);
    let prev = a;
    for (let k = 1; k < pieces; k++) {
      // Densified nodes are never shared: they get ids without a coordinate key.
      const id = lngs.length;
      lngs.push(lngs[a] + ((lngs[b] - lngs[a]) * k) / pieces);
      lats.push(lats[a] + ((lats[b] - lats[a]) * k) / pieces);
      dense[id] = 1;
      ea.push(prev);
      eb.push(id);
      er.push(road);
      prev = id;
    }
    ea.push(prev);
    eb.push(b);
    er.push(road);
  };
  let seg = 0;
  for (const l of lines) {
    let prev = nodeOf(l.lng[0], l.lat[0]);
    for (let s = 0; s + 1 < l.x.length; s++, seg++) {
      const sp = splits[seg].sort((p, q) => p.t - q.t);
      for (const p of sp) {
        const n = nodeOf(p.lng, p.lat);
        addEdge(prev, n, l.road);
        prev = n;
      }
      const n = nodeOf(l.lng[s + 1], l.lat[s + 1]);
      addEdge(prev, n, l.road);
      prev = n;
    }
  }
  if (seg !== segLine.length) throw new Error('Walk graph: segment count mismatch (internal error).');
  for (const [lngA, latA, lngB, latB] of joins) addEdge(nodeOf(lngA, latA), nodeOf(lngB, latB), -1);
  const g = fromEdges(scenario, proj, Float64Array.from(lngs), Float64Array.from(lats), ea, eb, er, {
    runA: Int32Array.from(runA),
    runB: Int32Array.from(runB),
    runFirst: Int32Array.from(runFirst),
    runEdges: Int32Array.from(runEdges),
  });
  for (let i = 0; i < dense.length; i++) if (dense[i]) g.nodeDense[i] = 1;
  return g;
}

/**
 * Builds the CSR arrays from node positions and an undirected edge list (also used by tests). Without
 * `runs`, every edge is its own straight run.
 */
export function fromEdges(
  scenario: Scenario,
  proj: LocalProjection,
  nodeLng: Float64Array,
  nodeLat: Float64Array,
  ea: ArrayLike<number>,
  eb: ArrayLike<number>,
  er: ArrayLike<number>,
  runs?: { runA: Int32Array; runB: Int32Array; runFirst: Int32Array; runEdges: Int32Array },
): WalkGraph {
  const n = nodeLng.length;
  const m = ea.length;
  const nodeX = new Float64Array(n);
  const nodeY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nodeX[i] = toX(proj, nodeLng[i]);
    nodeY[i] = toY(proj, nodeLat[i]);
  }
  const edgeA = Int32Array.from(ea);
  const edgeB = Int32Array.from(eb);
  const edgeRoad = Int32Array.from(er);
  const edgeM = new Float32Array(m);
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    edgeM[e] = Math.hypot(nodeX[edgeA[e]] - nodeX[edgeB[e]], nodeY[edgeA[e]] - nodeY[edgeB[e]]);
    offsets[edgeA[e] + 1]++;
    offsets[edgeB[e] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const adjTarget = new Int32Array(2 * m);
  const adjEdge = new Int32Array(2 * m);
  const adjM = new Float32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = edgeA[e],
      b = edgeB[e];
    let k = fill[a]++;
    adjTarget[k] = b;
    adjEdge[k] = e;
    adjM[k] = edgeM[e];
    k = fill[b]++;
    adjTarget[k] = a;
    adjEdge[k] = e;
    adjM[k] = edgeM[e];
  }
  return {
    scenario,
    proj,
    nodeCount: n,
    nodeLng,
    nodeLat,
    nodeX,
    nodeY,
    nodeDense: new Uint8Array(n),
    edgeCount: m,
    edgeA,
    edgeB,
    edgeM,
    edgeRoad,
    offsets,
    adjTarget,
    adjEdge,
    adjM,
    runCount: runs ? runs.runA.length : m,
    runA: runs ? runs.runA : edgeA,
    runB: runs ? runs.runB : edgeB,
    runFirst: runs ? runs.runFirst : Int32Array.from({ length: m }, (_, e) => e),
    runEdges: runs ? runs.runEdges : new Int32Array(m).fill(1),
  };
}
