/**
 * What the coverage search is measured against, written here on purpose (not imported from src):
 * a plain CSR + binary-heap Dijkstra (the textbook baseline) and a plain Dial bucket-queue loop that
 * labels distances only (the limit: no green, predecessor or source point, no cutoff, no resuming),
 * plus a seeded grid city of any size as bare CSR arrays. Both baselines are multi-source.
 */
import type { SearchGraph } from '../src/core/coverage/dijkstra';
import { mulberry32 } from './synthetic-random';

/** A side × side street grid, 20–30 m (non-integer) edges, 3% of edges missing. */
export function seededGrid(seed: number, side: number): SearchGraph & { edgeCount: number } {
  const rnd = mulberry32(seed);
  const ea: number[] = [],
    eb: number[] = [],
    em: number[] = [];
  const edge = (a: number, b: number, m: number) => {
    ea.push(a);
    eb.push(b);
    em.push(m);
  };
  for (let j = 0; j < side; j++)
    for (let i = 0; i < side; i++) {
      const u = j * side + i;
      if (i + 1 < side && rnd() >= 0.03) edge(u, u + 1, 20 + 10 * rnd());
      if (j + 1 < side && rnd() >= 0.03) edge(u, u + side, 20 + 10 * rnd());
    }
  return { ...csrGraph(side * side, ea, eb, em), edgeCount: ea.length };
}

/** A bare CSR graph of n nodes from undirected edges (ea[e], eb[e]) of em[e] metres, in edge order. */
export function csrGraph(n: number, ea: number[], eb: number[], em: number[]): SearchGraph {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < ea.length; e++) {
    offsets[ea[e] + 1]++;
    offsets[eb[e] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const adjTarget = new Int32Array(2 * ea.length);
  const adjM = new Float32Array(2 * ea.length);
  for (let e = 0; e < ea.length; e++) {
    let k = fill[ea[e]]++;
    adjTarget[k] = eb[e];
    adjM[k] = em[e];
    k = fill[eb[e]]++;
    adjTarget[k] = ea[e];
    adjM[k] = em[e];
  }
  return { nodeCount: n, offsets, adjTarget, adjM };
}

/** Binary-heap Dijkstra with lazy deletion; typed-array heap of (distance, node). */
export function heapDistances(g: SearchGraph, seedNode: Int32Array, seedDist: Float64Array): Float64Array {
  const { nodeCount, offsets, adjTarget, adjM } = g;
  const dist = new Float64Array(nodeCount).fill(Infinity);
  const cap = seedNode.length + adjTarget.length + 1;
  const hd = new Float64Array(cap);
  const hn = new Int32Array(cap);
  let size = 0;
  const push = (v: number, d: number) => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hd[p] <= d) break;
      hd[i] = hd[p];
      hn[i] = hn[p];
      i = p;
    }
    hd[i] = d;
    hn[i] = v;
  };
  for (let k = 0; k < seedNode.length; k++) {
    if (seedDist[k] < dist[seedNode[k]]) {
      dist[seedNode[k]] = seedDist[k];
      push(seedNode[k], seedDist[k]);
    }
  }
  while (size > 0) {
    const d = hd[0];
    const u = hn[0];
    size--;
    const ld = hd[size],
      ln = hn[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && hd[c + 1] < hd[c]) c++;
      if (hd[c] >= ld) break;
      hd[i] = hd[c];
      hn[i] = hn[c];
      i = c;
    }
    hd[i] = ld;
    hn[i] = ln;
    if (d > dist[u]) continue;
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const v = adjTarget[k];
      const nd = d + adjM[k];
      if (nd < dist[v]) {
        dist[v] = nd;
        push(v, nd);
      }
    }
  }
  return dist;
}

/**
 * Dial's bucket queue at its plainest: 1 m buckets in a ring, each bucket a stack in one entry pool
 * with lazy deletion, distances only. Exact for any lengths: a node lowered within its own bucket is
 * pushed again and rescanned.
 */
export function dialDistances(g: SearchGraph, seedNode: Int32Array, seedDist: Float64Array): Float64Array {
  const { nodeCount, offsets, adjTarget, adjM } = g;
  const dist = new Float64Array(nodeCount).fill(Infinity);
  let longest = 0;
  for (let k = 0; k < adjM.length; k++) if (adjM[k] > longest) longest = adjM[k];
  let maxSeed = 0;
  for (let k = 0; k < seedDist.length; k++) maxSeed = Math.max(maxSeed, seedDist[k]);
  const ring = Math.ceil(longest + maxSeed) + 2;
  const head = new Int32Array(ring).fill(-1);
  const cap = seedNode.length + adjTarget.length + 1;
  const entNode = new Int32Array(cap);
  const entNext = new Int32Array(cap);
  let used = 0,
    queued = 0;
  for (let k = 0; k < seedNode.length; k++) {
    const v = seedNode[k];
    if (seedDist[k] < dist[v]) {
      dist[v] = seedDist[k];
      const s = Math.floor(seedDist[k]) % ring;
      entNode[used] = v;
      entNext[used] = head[s];
      head[s] = used++;
      queued++;
    }
  }
  for (let b = 0; queued > 0; b++) {
    const slot = b % ring;
    let e = head[slot];
    while (e !== -1) {
      head[slot] = entNext[e];
      queued--;
      const u = entNode[e];
      const d = dist[u];
      if (Math.floor(d) === b) {
        for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
          const v = adjTarget[k];
          const nd = d + adjM[k];
          if (nd < dist[v]) {
            dist[v] = nd;
            const s = Math.floor(nd) % ring;
            entNode[used] = v;
            entNext[used] = head[s];
            head[s] = used++;
            queued++;
          }
        }
      }
      e = head[slot];
    }
  }
  return dist;
}
