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
import { type NodeLines, cleanLines, nodeLines } from './node-lines';

export interface NearestField {
  /**
   * Effective metres to the nearest green space: exact up to the cutoff the field was searched to
   * (see `relax`); beyond it a value is an upper bound or Infinity. Infinity where none is reachable.
   */
  readonly dist: Float64Array;
  /**
   * Per node v, REC ints from REC·v: at PRED the next node towards the green space (-1 at a node
   * joined directly to a source point); at GREEN the index of that green space in the source set's
   * greens (-1 where none); at POINT the source point that the chain towards it starts from (-1
   * where none); one spare. One 16-byte record per node, not three arrays: a relaxation then writes
   * one cache line instead of three, which is what brought the search within the bench's limit.
   */
  readonly rec: Int32Array;
}

/** Ints per node in `NearestField.rec`, and the offsets of its fields. */
export const REC = 4;
export const PRED = 0;
export const GREEN = 1;
export const POINT = 2;

export const predOf = (f: NearestField, v: number): number => f.rec[REC * v + PRED];
export const greenOf = (f: NearestField, v: number): number => f.rec[REC * v + GREEN];
export const pointOf = (f: NearestField, v: number): number => f.rec[REC * v + POINT];

/** One field of every node's record (PRED, GREEN or POINT) as its own array. */
export function recColumn(f: NearestField, at: number): Int32Array {
  const out = new Int32Array(f.dist.length);
  for (let v = 0; v < out.length; v++) out[v] = f.rec[REC * v + at];
  return out;
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
  return { dist: new Float64Array(nodeCount).fill(Infinity), rec: new Int32Array(REC * nodeCount).fill(-1) };
}

export function copyField(f: NearestField): NearestField {
  return { dist: f.dist.slice(), rec: f.rec.slice() };
}

/**
 * Graphs of at least `linesFrom` nodes are searched on node lines (see BucketSearch). Below, lines
 * gain little or lose: the CSR arrays and the field then mostly stay in cache, and the lines cost two
 * passes over 64 bytes per node. Measured on the bench machine (L2 1 MB per core, L3 32 MB shared),
 * CPU time against the CSR search in the same process: seeded grids (bench `seededGrid`) of 102,400
 * nodes 0.96×, 202,500 nodes 1.03×, 313,600 nodes 0.83×, 504,100 nodes (the million-edge bench)
 * 0.75–0.85×; the synthetic city (109,386 nodes) 1.09×. The zone has about 13,400 nodes. A setting, so that
 * tests can search small graphs both ways.
 */
export const searchLayout = { linesFrom: 250_000 };

/** Bucket width, metres: metre buckets (see the bench for the measured choice). */
export const BUCKET_M = 1;
/** The ring of buckets never exceeds this many slots: wider buckets for very long edges. */
const MAX_RING = 1 << 16;

/**
 * A resumable search on one graph and one field: `run(cutoff)` empties the buckets up to the cutoff
 * and stops; a later `run(larger)` continues where it stopped (the targeted search beyond a cutoff).
 *
 * Each bucket is a stack of entries in one shared pool (see `EntryPool`), with lazy deletion: a node
 * lowered while queued is simply pushed again, and an entry whose node has since moved to an earlier
 * bucket is skipped when popped. Against the per-node doubly linked lists it replaces (O(1) moves,
 * but two more random-access arrays per node and an unlink on every lowering) it took the million-edge
 * bench from about 1.5× to 1.4× the Dial limit: popped entries are recycled at once, so the pool stays
 * small and in cache.
 *
 * On a graph of at least `searchLayout.linesFrom` nodes the search runs on the graph's node lines instead
 * of the CSR arrays and the field (node-lines.ts: per node, one cache line with its edges and its
 * predecessor and seed in the current search), and each run ends by writing the nodes it lowered into
 * the field. From an empty field the distances live in the lines too, so a scan reads one line and a
 * relaxation one line, where the CSR arrays, the distances and the records cost about five lines per
 * scan and two per lowering; the field gets the distances at the end, in one pass in node order.
 * Lowering a field with values (a what-if), the distances stay in the field: such a search lowers few
 * nodes, and its entries are not recycled, so the pool lists the nodes to write back. Same scans in
 * the same order either way, so the same fields bit for bit.
 */
export class BucketSearch {
  readonly field: NearestField;
  private readonly graph: SearchGraph;
  /** The graph's node lines, or null: the search runs on the CSR arrays and the field. */
  private readonly lines: NodeLines | null;
  /** The field was empty (every distance Infinity) when the search began: it is never read. */
  private readonly fresh: boolean;
  private readonly head: Int32Array;
  /** Ring slots - 1 (a power of two), and 1 / bucket width. */
  private readonly mask: number;
  private readonly inv: number;
  /** Seeds not yet queued, in ascending bucket (queued when the scan reaches their bucket). */
  private readonly pending: Int32Array;
  private readonly seeds: Seeds;
  private readonly owner: number;
  private nextSeed = 0;
  private bucket = 0;
  /** Entries in the buckets, stale ones included. */
  private queued = 0;
  /** Its last run is over (and its lines are reset). */
  private ended = false;
  /** Nodes scanned so far (a node lowered again within its bucket counts again). */
  scanned = 0;
  /** Every node at distance ≤ this is exact. */
  reach = -Infinity;

  /** Without a field, the search starts from an empty one of its own (and never needs to read it). */
  constructor(graph: SearchGraph, field: NearestField | null, seeds: Seeds, bucketM = BUCKET_M) {
    this.graph = graph;
    this.field = field ?? emptyField(graph.nodeCount);
    this.fresh = field === null;
    this.seeds = seeds;
    this.owner = pool.take();
    this.lines = graph.nodeCount >= searchLayout.linesFrom ? nodeLines(graph) : null;
    if (this.lines) {
      // A search from scratch resets every line even when clean: streaming through them in node
      // order brings them into cache far faster than the search's scattered first touches would.
      if (this.fresh) this.lines.dirty = true;
      cleanLines(this.lines);
    }
    const { longest, total } = edgeLengths(graph);
    let farthest = 0;
    for (let k = 0; k < seeds.dist.length; k++)
      if (seeds.dist[k] < Infinity && seeds.dist[k] > farthest) farthest = seeds.dist[k];
    // Bucket numbers stay int32 (no distance exceeds the farthest seed plus every edge), and a
    // relaxation lands at most `longest` past the current bucket: span + 2 slots never wrap onto a live one.
    const width = Math.max(bucketM, longest / (MAX_RING - 2), (farthest + total) / 2 ** 30);
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

  /**
   * Scans every bucket up to `cutoff` metres; afterwards every node at distance ≤ cutoff is exact.
   * `last`: no run follows (nearestField, relax), so a what-if's write-back also resets its lines.
   */
  run(cutoff = Infinity, last = false): void {
    pool.check(this.owner);
    if (this.ended) throw new Error('BucketSearch: its last run is over; start a new search');
    if (this.lines) this.scanLines(this.lines, cutoff);
    else this.scanRecords(this.graph, cutoff);
    this.reach = this.done ? Infinity : Math.max(this.reach, cutoff);
    this.ended = last;
    if (this.lines) this.writeBack(this.lines, last);
  }

  /** The search on the CSR arrays and the field's own distances and records. */
  private scanRecords(graph: SearchGraph, cutoff: number): void {
    const { offsets, adjTarget, adjM } = graph;
    const { dist, rec } = this.field;
    const { head, mask, inv, pending, seeds } = this;
    let entNode = pool.node,
      entNext = pool.next,
      free = pool.free,
      used = pool.used;
    let b = this.bucket;
    let queued = this.queued;
    let ns = this.nextSeed;
    let scanned = this.scanned;
    const lastBucket = cutoff === Infinity ? Infinity : Math.floor(cutoff * inv);
    while (b <= lastBucket) {
      // Seeds of this bucket join it (seeds are sorted by distance).
      while (ns < pending.length && ((seeds.dist[pending[ns]] * inv) | 0) <= b) {
        const k = pending[ns++];
        const v = seeds.node[k];
        const d = seeds.dist[k];
        if (!(d < dist[v])) continue;
        dist[v] = d;
        rec[4 * v] = -1; // REC, PRED, GREEN and POINT, written out for the hot loops
        rec[4 * v + 1] = seeds.green[k];
        rec[4 * v + 2] = seeds.point[k];
        const s = (d * inv) & mask;
        let e = free;
        if (e !== -1) free = entNext[e];
        else {
          if (used === entNode.length) ({ node: entNode, next: entNext } = pool.grow());
          e = used++;
        }
        entNode[e] = v;
        entNext[e] = head[s];
        head[s] = e;
        queued++;
      }
      if (queued === 0) {
        if (ns >= pending.length) break;
        // Nothing queued: jump to the next seed's bucket.
        b = Math.max(b + 1, (seeds.dist[pending[ns]] * inv) | 0);
        continue;
      }
      const slot = b & mask;
      let e = head[slot];
      while (e !== -1) {
        // Pop the bucket's top entry and recycle it at once (it is in cache for the next push).
        head[slot] = entNext[e];
        const u = entNode[e];
        entNext[e] = free;
        free = e;
        queued--;
        const d = dist[u];
        // Stale: u was lowered into an earlier bucket after this entry was pushed.
        if (((d * inv) | 0) === b) {
          scanned++;
          const g = rec[4 * u + 1];
          const p = rec[4 * u + 2];
          for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
            const v = adjTarget[k];
            const nd = d + adjM[k];
            if (nd < dist[v]) {
              dist[v] = nd;
              rec[4 * v] = u;
              rec[4 * v + 1] = g;
              rec[4 * v + 2] = p;
              const s = (nd * inv) & mask;
              let f = free;
              if (f !== -1) free = entNext[f];
              else {
                if (used === entNode.length) ({ node: entNode, next: entNext } = pool.grow());
                f = used++;
              }
              entNode[f] = v;
              entNext[f] = head[s];
              head[s] = f;
              queued++;
            }
          }
        }
        e = head[slot];
      }
      b++;
    }
    pool.free = free;
    pool.used = used;
    this.bucket = b;
    this.queued = queued;
    this.nextSeed = ns;
    this.scanned = scanned;
  }

  /** The search on the node lines (see the class comment). */
  private scanLines(lines: NodeLines, cutoff: number): void {
    const { ints, floats, dists } = lines;
    // Should the run not finish, the next search resets every line.
    lines.dirty = true;
    const { head, mask, inv, pending, seeds, fresh } = this;
    // Where the distances are read and lowered: node v's is dd[v << ds], in its line or in the field.
    const dd = fresh ? dists : this.field.dist;
    const ds = fresh ? 3 : 0;
    let entNode = pool.node,
      entNext = pool.next,
      free = pool.free,
      used = pool.used;
    let b = this.bucket;
    let queued = this.queued;
    let ns = this.nextSeed;
    let scanned = this.scanned;
    const lastBucket = cutoff === Infinity ? Infinity : Math.floor(cutoff * inv);
    // The constants of node-lines.ts, written out for the hot loops: LINE 16, L_PRED 2, L_SEED 3,
    // L_START 4, L_END 5.
    while (b <= lastBucket) {
      // Seeds of this bucket join it (seeds are sorted by distance).
      while (ns < pending.length && ((seeds.dist[pending[ns]] * inv) | 0) <= b) {
        const k = pending[ns++];
        const v = seeds.node[k];
        const d = seeds.dist[k];
        if (!(d < dd[v << ds])) continue;
        dd[v << ds] = d;
        ints[16 * v + 2] = -1;
        ints[16 * v + 3] = k;
        const s = (d * inv) & mask;
        let e = free;
        if (e !== -1) free = entNext[e];
        else {
          if (used === entNode.length) ({ node: entNode, next: entNext } = pool.grow());
          e = used++;
        }
        entNode[e] = v;
        entNext[e] = head[s];
        head[s] = e;
        queued++;
      }
      if (queued === 0) {
        if (ns >= pending.length) break;
        // Nothing queued: jump to the next seed's bucket.
        b = Math.max(b + 1, (seeds.dist[pending[ns]] * inv) | 0);
        continue;
      }
      const slot = b & mask;
      let e = head[slot];
      while (e !== -1) {
        // Pop the bucket's top entry and, from scratch, recycle it at once (it is in cache for the
        // next push); a what-if keeps it, as the record of a node to write back.
        head[slot] = entNext[e];
        const u = entNode[e];
        if (fresh) {
          entNext[e] = free;
          free = e;
        }
        queued--;
        const d = dd[u << ds];
        // Stale: u was lowered into an earlier bucket after this entry was pushed.
        if (((d * inv) | 0) === b) {
          scanned++;
          const at = 16 * u;
          const seed = ints[at + 3];
          for (let k = ints[at + 4], end = ints[at + 5]; k < end; k += 2) {
            const v = ints[k];
            const nd = d + floats[k + 1];
            if (nd < dd[v << ds]) {
              dd[v << ds] = nd;
              ints[16 * v + 2] = u;
              ints[16 * v + 3] = seed;
              const s = (nd * inv) & mask;
              let f = free;
              if (f !== -1) free = entNext[f];
              else {
                if (used === entNode.length) ({ node: entNode, next: entNext } = pool.grow());
                f = used++;
              }
              entNode[f] = v;
              entNext[f] = head[s];
              head[s] = f;
              queued++;
            }
          }
        }
        e = head[slot];
      }
      b++;
    }
    pool.free = free;
    pool.used = used;
    this.bucket = b;
    this.queued = queued;
    this.nextSeed = ns;
    this.scanned = scanned;
  }

  /**
   * Writes the nodes this search has lowered into the field: from scratch every line this search
   * has written (in node order); a what-if the nodes of its entries, and on its last run it resets
   * their lines, so the next search finds them clean.
   */
  private writeBack(lines: NodeLines, last: boolean): void {
    const { ints, dists } = lines;
    const { dist, rec } = this.field;
    const { green, point } = this.seeds;
    const write = (v: number) => {
      const k = ints[16 * v + 3];
      rec[4 * v] = ints[16 * v + 2];
      rec[4 * v + 1] = green[k];
      rec[4 * v + 2] = point[k];
    };
    if (this.fresh) {
      for (let v = 0; v < dist.length; v++)
        if (ints[16 * v + 3] >= 0) {
          dist[v] = dists[8 * v];
          write(v);
        }
      return;
    }
    const { node, used } = pool;
    for (let e = 0; e < used; e++) {
      const v = node[e];
      if (ints[16 * v + 3] < 0) continue; // (written already: a node pushed more than once)
      write(v);
      if (last) ints[16 * v + 3] = -1;
    }
    if (last) lines.dirty = false;
  }
}

/** The longest edge and the sum of all edges of a graph (graphs never change: measured once). */
const lengthsOf = new WeakMap<SearchGraph, { longest: number; total: number }>();
function edgeLengths(graph: SearchGraph): { longest: number; total: number } {
  let out = lengthsOf.get(graph);
  if (!out) {
    let longest = 0,
      total = 0;
    const adjM = graph.adjM;
    for (let k = 0; k < adjM.length; k++) {
      if (adjM[k] > longest) longest = adjM[k];
      total += adjM[k];
    }
    out = { longest, total };
    lengthsOf.set(graph, out);
  }
  return out;
}

/**
 * The finite seeds' indices in ascending bucket, in index order within a bucket (a stable counting
 * sort). Order within a bucket does not matter to the search (a bucket is scanned label-correcting),
 * only that it is the same every time, so ties between green spaces resolve the same way. A zone's
 * few thousand seeds took as long to sort with a comparator as the search itself took.
 */
export function seedOrder(sd: Float64Array, inv: number): Int32Array {
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
  if (span > 4 * m + 1024) return finite.sort((a, b) => ((sd[a] * inv) | 0) - ((sd[b] * inv) | 0) || a - b);
  const start = new Int32Array(span + 1);
  for (let k = 0; k < m; k++) start[((sd[finite[k]] * inv) | 0) - b0 + 1]++;
  for (let b = 0; b < span; b++) start[b + 1] += start[b];
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[start[((sd[finite[k]] * inv) | 0) - b0]++] = finite[k];
  return out;
}

/**
 * The queue's entries (node, next entry in the same bucket), shared by every search and grown only
 * when a search needs more. Searches never nest, but a resumable one may be run again later, so each
 * search takes the pool when it starts and `run` refuses a pool that another search has taken since.
 */
class EntryPool {
  node: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  next: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  /** Head of the recycled entries' list, and the first never-used entry. */
  free = -1;
  used = 0;
  private owner = 0;

  take(): number {
    this.free = -1;
    this.used = 0;
    return ++this.owner;
  }

  check(owner: number): void {
    if (owner !== this.owner) throw new Error('BucketSearch: another search has taken the entry pool since');
  }

  grow(): { node: Int32Array<ArrayBuffer>; next: Int32Array<ArrayBuffer> } {
    const size = this.node.length * 2;
    const node = new Int32Array(size);
    const next = new Int32Array(size);
    node.set(this.node);
    next.set(this.next);
    this.node = node;
    this.next = next;
    return this;
  }
}
const pool = new EntryPool();

/**
 * Lowers `field` in place by the given seeds and propagates the improvement (decrease-only search) up
 * to `cutoff` metres: afterwards every node whose distance is ≤ cutoff is exact, and nodes beyond keep
 * an upper bound or Infinity. On an empty field this is the full multi-source search. Returns the
 * number of node scans.
 */
export function relax(graph: SearchGraph, field: NearestField, seeds: Seeds, cutoff = Infinity): number {
  const s = new BucketSearch(graph, field, seeds);
  s.run(cutoff, true);
  return s.scanned;
}

/** The multi-source search from scratch, up to `cutoff` metres (default: the whole graph). */
export function nearestField(graph: SearchGraph, seeds: Seeds, cutoff = Infinity): NearestField {
  const s = new BucketSearch(graph, null, seeds);
  s.run(cutoff, true);
  return s.field;
}
