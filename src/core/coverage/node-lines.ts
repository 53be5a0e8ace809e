/**
 * The search's working copy of a large graph: one 64-byte cache line per node holding both the node's
 * search state and its edges, so scanning a node reads one line and relaxing an edge reads and writes
 * one line (the neighbour's). With the CSR arrays, a distance array and a record array, a scan reads
 * about five lines and every lowering two: on the million-edge bench grid, whose arrays outgrow the
 * cache, the search was bound by those misses (see `searchLayout` in dijkstra.ts for the measured
 * gain and the graphs it pays on). Built once per graph and kept with it: 64 bytes per node.
 *
 * Line of node v: LINE ints from LINE·v of `ints`; its distance is the float64 at (LINE/2)·v of
 * `dists`. A node with more edges than a line holds keeps them all after the lines, in the same array.
 */
import type { SearchGraph } from './dijkstra';

export const LINE = 16;
/** Ints 0–1: the distance (float64) in a search from an empty field, Infinity until it lowers the node. */
export const L_PRED = 2;
/** Index of the seed the node's chain starts from, in the lowering search's seeds; -1 until it lowers the node. */
export const L_SEED = 3;
/** Where the node's edges start and end in `ints`: (target, float32 length bits) pairs, in CSR order. */
export const L_START = 4;
export const L_END = 5;
/** The edges of a node with at most INLINE of them, in its own line. */
export const L_EDGES = 6;
export const INLINE = (LINE - L_EDGES) / 2;

export interface NodeLines {
  /** The lines, then the edges of nodes with more than INLINE. */
  readonly ints: Int32Array;
  /** The same memory: edge lengths, and distances. */
  readonly floats: Float32Array;
  readonly dists: Float64Array;
  readonly nodeCount: number;
  /** A search has left lines lowered: the next one resets them all (`cleanLines`). */
  dirty: boolean;
}

/** Node lines per graph (graphs never change: built once, on its first search). */
const linesOf = new WeakMap<SearchGraph, NodeLines>();

export function nodeLines(graph: SearchGraph): NodeLines {
  let out = linesOf.get(graph);
  if (!out) {
    out = buildLines(graph);
    linesOf.set(graph, out);
  }
  return out;
}

/** Sets every line back to not lowered (distance Infinity, seed -1), where a search starts from. */
export function cleanLines(lines: NodeLines): void {
  if (!lines.dirty) return;
  for (let v = 0; v < lines.nodeCount; v++) clean(lines, v);
  lines.dirty = false;
}

function clean(lines: NodeLines, v: number): void {
  lines.dists[(LINE / 2) * v] = Infinity;
  lines.ints[LINE * v + L_SEED] = -1;
}

function buildLines(graph: SearchGraph): NodeLines {
  const { nodeCount: n, offsets, adjTarget, adjM } = graph;
  let spilled = 0;
  for (let u = 0; u < n; u++)
    if (offsets[u + 1] - offsets[u] > INLINE) spilled += offsets[u + 1] - offsets[u];
  const size = LINE * n + 2 * spilled;
  if (size >= 2 ** 31)
    throw new Error(`Graph too large for the search: ${n} nodes, ${adjTarget.length} edge ends.`);
  const buf = new ArrayBuffer(4 * size);
  const ints = new Int32Array(buf);
  const floats = new Float32Array(buf);
  const lines: NodeLines = {
    ints,
    floats,
    dists: new Float64Array(buf),
    nodeCount: n,
    dirty: false,
  };
  let s = LINE * n;
  for (let u = 0; u < n; u++) {
    const at = LINE * u;
    const k0 = offsets[u],
      deg = offsets[u + 1] - k0;
    let k = deg > INLINE ? s : at + L_EDGES;
    ints[at + L_START] = k;
    for (let j = 0; j < deg; j++, k += 2) {
      ints[k] = adjTarget[k0 + j];
      floats[k + 1] = adjM[k0 + j];
    }
    ints[at + L_END] = k;
    if (deg > INLINE) s = k;
    clean(lines, u);
  }
  return lines;
}
