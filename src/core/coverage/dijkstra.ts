/**
 * The one search loop of the coverage engine: a multi-source shortest-path search over the walk
 * graph. Every node gets the walk distance to its nearest seed (effective metres: network metres plus
 * off-network metres × 1.2), which green space that is, and its predecessor towards it. Distances,
 * not times: the walking speed only divides them, so changing the speed never reruns the search
 * (unless it needs to reach farther than the cutoff the field was searched to).
 *
 * The queue is Dial's bucket queue: bucket b holds the nodes whose tentative distance lies in
 * [b·W, (b+1)·W). Nodes within one bucket are scanned in no particular order, so a node scanned early
 * in its bucket can still be lowered by another node of the same bucket (an edge shorter than W); it
 * is then queued and scanned again (label correcting). Every lowered node is queued and the buckets
 * are emptied in order, so when bucket B is empty and every earlier one too, every node whose true
 * distance is below (B+1)·W has it exactly, for any non-negative edge lengths (its predecessor on a
 * shortest path was scanned with its final distance). The tests compare it with a binary heap and
 * a Bellman–Ford oracle, including non-integer lengths.
 *
 * The search only ever lowers distances, which makes what-ifs incremental: adding sources to a copy
 * of a finished field relaxes just the nodes the new sources improve.
 */

export interface NearestField {
  /**
   * Effective metres to the nearest green space: exact up to the cutoff the field was searched to
   * (see `relax`); beyond it a value is an upper bound or Infinity. Infinity where none is reachable.
   */
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

/** What the search reads of a graph: CSR adjacency (a WalkGraph, or a bare graph in the bench). */
export interface SearchGraph {
  readonly nodeCount: number;
  readonly offsets: Int32Array;
  readonly adjTarget: Int32Array;
  readonly adjM: Float32Array;
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

/** Bucket width, metres: metre buckets (see the bench for the measured choice). */
export const BUCKET_M = 1;
/** The ring of buckets never exceeds this many slots: wider buckets for very long edges. */
const MAX_RING = 1 << 16;
const NOT_QUEUED = -2;

/**
 * A resumable search on one graph and one field: `run(cutoff)` empties the buckets up to the cutoff
 * and stops; a later `run(larger)` continues where it stopped (the targeted search beyond a cutoff).
 * The queue lives in two per-node link arrays (a doubly linked list per bucket) and a ring of bucket
 * heads, so a node sits in one bucket at a time and moving it costs O(1).
 */
export class BucketSearch {
  private readonly graph: SearchGraph;
  readonly field: NearestField;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly head: Int32Array;
  /** Ring slots - 1 (a power of two), and 1 / bucket width. */
  private readonly mask: number;
  private readonly inv: number;
  private readonly width: number;
  /** Seeds not yet queued, in ascending distance (queued when the scan reaches their bucket). */
  private readonly pending: Int32Array;
  private readonly seeds: Seeds;
  private nextSeed = 0;
  private bucket = 0;
  private queued = 0;
  /** Nodes scanned so far (a node lowered again within its bucket counts again). */
  scanned = 0;
  /** Every node at distance ≤ this is exact. */
  reach = -Infinity;

  constructor(graph: SearchGraph, field: NearestField, seeds: Seeds, bucketM = BUCKET_M) {
    this.graph = graph;
    this.field = field;
    this.seeds = seeds;
    const n = graph.nodeCount;
    const links = linkArrays(n);
    this.next = links.next;
    this.prev = links.prev;
    let longest = 0,
      total = 0;
    const adjM = graph.adjM;
    for (let k = 0; k < adjM.length; k++) {
      if (adjM[k] > longest) longest = adjM[k];
      total += adjM[k];
    }
    let farthest = 0;
    for (let k = 0; k < seeds.dist.length; k++)
      if (seeds.dist[k] < Infinity && seeds.dist[k] > farthest) farthest = seeds.dist[k];
    // Bucket numbers stay int32 (no distance exceeds the farthest seed plus every edge), and a
    // relaxation lands at most `longest` past the current bucket: span + 2 slots never wrap onto a live one.
    const width = Math.max(bucketM, longest / (MAX_RING - 2), (farthest + total) / 2 ** 30);
    this.width = width;
    this.inv = 1 / width;
    let ring = 2;
    while (ring < Math.floor(longest * this.inv) + 2) ring *= 2;
    this.mask = ring - 1;
    this.head = new Int32Array(ring).fill(-1);
    // Seeds at Infinity or NaN never count (and seeds that do not lower their node are dropped in run).
    this.pending = seedOrder(seeds.dist, this.inv);
    if (this.pending.length > 0) this.bucket = (seeds.dist[this.pending[0]] * this.inv) | 0;
  }

  /** True once the whole graph is labelled (nothing queued, no seed pending). */
  get done(): boolean {
    return this.queued === 0 && this.nextSeed >= this.pending.length;
  }

  /** Scans every bucket up to `cutoff` metres; afterwards every node at distance ≤ cutoff is exact. */
  run(cutoff = Infinity): void {
    const { offsets, adjTarget, adjM } = this.graph;
    const { dist, green, pred, point } = this.field;
    const { next, prev, head, mask, inv, pending, seeds } = this;
    let b = this.bucket;
    let queued = this.queued;
    let ns = this.nextSeed;
    let scanned = this.scanned;
    const last = cutoff === Infinity ? Infinity : Math.floor(cutoff * inv);
    while (b <= last) {
      // Seeds of this bucket join it (seeds are sorted by distance).
      while (ns < pending.length && ((seeds.dist[pending[ns]] * inv) | 0) <= b) {
        const k = pending[ns++];
        const v = seeds.node[k];
        const d = seeds.dist[k];
        if (!(d < dist[v])) continue;
        if (prev[v] !== NOT_QUEUED) {
          unlink(next, prev, head, v, (dist[v] * inv) & mask);
          queued--;
        }
        dist[v] = d;
        green[v] = seeds.green[k];
        pred[v] = -1;
        point[v] = seeds.point[k];
        link(next, prev, head, v, (d * inv) & mask);
        queued++;
      }
      if (queued === 0) {
        if (ns >= pending.length) break;
        // Nothing queued: jump to the next seed's bucket.
        b = Math.max(b + 1, (seeds.dist[pending[ns]] * inv) | 0);
        continue;
      }
      const slot = b & mask;
      let u = head[slot];
      while (u !== -1) {
        // Pop u (the head of this bucket).
        const after = next[u];
        head[slot] = after;
        if (after !== -1) prev[after] = -1;
        prev[u] = NOT_QUEUED;
        queued--;
        scanned++;
        const d = dist[u];
        const g = green[u];
        const p = point[u];
        for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
          const v = adjTarget[k];
          const nd = d + adjM[k];
          const old = dist[v];
          if (nd < old) {
            if (prev[v] !== NOT_QUEUED) {
              unlink(next, prev, head, v, (old * inv) & mask);
              queued--;
            }
            dist[v] = nd;
            green[v] = g;
            pred[v] = u;
            point[v] = p;
            const s = (nd * inv) & mask;
            const h = head[s];
            next[v] = h;
            prev[v] = -1;
            if (h !== -1) prev[h] = v;
            head[s] = v;
            queued++;
          }
        }
        u = head[slot];
      }
      b++;
    }
    this.bucket = b;
    this.queued = queued;
    this.nextSeed = ns;
    this.scanned = scanned;
    this.reach = this.done ? Infinity : Math.max(this.reach, cutoff);
  }
}

/**
 * The finite seeds' indices in ascending distance, ties in index order (what a stable sort by
 * distance gives): counted into buckets of the search's width, then put in order within each bucket
 * by insertion. A zone's few thousand seeds take a tenth of the time a sort with a comparator does,
 * which cost as much as the search itself.
 */
function seedOrder(sd: Float64Array, inv: number): Int32Array {
  const order = new Int32Array(sd.length);
  let m = 0,
    lo = Infinity,
    hi = -Infinity;
  for (let k = 0; k < sd.length; k++) {
    const d = sd[k];
    if (!(d < Infinity)) continue;
    order[m++] = k;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const finite = order.subarray(0, m);
  if (m < 2) return finite;
  const b0 = (lo * inv) | 0;
  const span = ((hi * inv) | 0) - b0 + 1;
  // Seeds spread over far more buckets than there are seeds: a comparison sort is cheaper.
  if (span > 4 * m + 1024) return finite.sort((a, b) => sd[a] - sd[b] || a - b);
  const start = new Int32Array(span + 1);
  for (let k = 0; k < m; k++) start[((sd[finite[k]] * inv) | 0) - b0 + 1]++;
  for (let b = 0; b < span; b++) start[b + 1] += start[b];
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[start[((sd[finite[k]] * inv) | 0) - b0]++] = finite[k];
  // Within a bucket by distance; an element never moves past its bucket's start (all earlier ones
  // lie in lower buckets, so they are nearer).
  for (let i = 1; i < m; i++) {
    const x = out[i],
      d = sd[x];
    let j = i - 1;
    while (j >= 0 && sd[out[j]] > d) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = x;
  }
  return out;
}

function link(next: Int32Array, prev: Int32Array, head: Int32Array, v: number, s: number): void {
  const h = head[s];
  next[v] = h;
  prev[v] = -1;
  if (h !== -1) prev[h] = v;
  head[s] = v;
}

function unlink(next: Int32Array, prev: Int32Array, head: Int32Array, v: number, s: number): void {
  const p = prev[v],
    n = next[v];
  if (p === -1) head[s] = n;
  else next[p] = n;
  if (n !== -1) prev[n] = p;
  prev[v] = NOT_QUEUED;
}

/**
 * The queue's per-node link arrays, shared by every search (searches never nest: each runs to its
 * cutoff inside one call) and grown only when a bigger graph comes along. A finished or abandoned
 * search leaves nodes linked, so they are reset on handing out.
 */
let sharedNext = new Int32Array(0);
let sharedPrev = new Int32Array(0);
function linkArrays(n: number): { next: Int32Array; prev: Int32Array } {
  if (sharedNext.length < n) {
    sharedNext = new Int32Array(n);
    sharedPrev = new Int32Array(n);
  }
  const next = sharedNext.subarray(0, n);
  const prev = sharedPrev.subarray(0, n);
  prev.fill(NOT_QUEUED);
  return { next, prev };
}

/**
 * Lowers `field` in place by the given seeds and propagates the improvement (decrease-only search) up
 * to `cutoff` metres: afterwards every node whose distance is ≤ cutoff is exact, and nodes beyond keep
 * an upper bound or Infinity. On an empty field this is the full multi-source search. Returns the
 * number of node scans.
 */
export function relax(graph: SearchGraph, field: NearestField, seeds: Seeds, cutoff = Infinity): number {
  const s = new BucketSearch(graph, field, seeds);
  s.run(cutoff);
  return s.scanned;
}

/** The multi-source search from scratch, up to `cutoff` metres (default: the whole graph). */
export function nearestField(graph: SearchGraph, seeds: Seeds, cutoff = Infinity): NearestField {
  const field = emptyField(graph.nodeCount);
  relax(graph, field, seeds, cutoff);
  return field;
}
