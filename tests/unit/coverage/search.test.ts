/**
 * The engine's bucket-queue search against a plain binary-heap Dijkstra on seeded random graphs with
 * non-integer, tiny, zero and very long edge lengths; searches cut off at a distance; and the
 * resumed (targeted) search beyond a cutoff.
 */
import FlatQueue from 'flatqueue';
import { expect, it } from 'vitest';
import {
  BucketSearch,
  type SearchGraph,
  type Seeds,
  copyField,
  emptyField,
  nearestField,
  relax,
  seedOrder,
} from '../../../src/core/coverage/dijkstra';
import { INLINE } from '../../../src/core/coverage/node-lines';
import { onBothLayouts } from './both-layouts';
import { columns } from './field-columns';
import { mulberry32 } from './random';
import { csrGraph } from '../../../bench/search-baselines';

type Lengths = 'metres' | 'tiny' | 'mixed';

/** A random undirected graph as CSR arrays: n nodes, m edges of the given kind of length. */
function randomGraph(seed: number, n: number, m: number, lengths: Lengths): SearchGraph {
  const rnd = mulberry32(seed);
  const ea: number[] = [],
    eb: number[] = [],
    em: number[] = [];
  for (let k = 0; k < m; k++) {
    ea.push(Math.floor(rnd() * n));
    eb.push(Math.floor(rnd() * n));
    const r = rnd();
    em.push(
      lengths === 'metres'
        ? 1 + r * 40
        : lengths === 'tiny'
          ? r * 0.9 // every edge shorter than a bucket: many nodes lowered within their bucket
          : r < 0.1
            ? 0
            : r < 0.2
              ? 1e5 + r * 1e6 // very long edges: the ring widens its buckets
              : r * 60,
    );
  }
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[ea[e] + 1]++;
    offsets[eb[e] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const adjTarget = new Int32Array(2 * m);
  const adjM = new Float32Array(2 * m);
  for (let e = 0; e < m; e++) {
    let k = fill[ea[e]]++;
    adjTarget[k] = eb[e];
    adjM[k] = em[e];
    k = fill[eb[e]]++;
    adjTarget[k] = ea[e];
    adjM[k] = em[e];
  }
  return { nodeCount: n, offsets, adjTarget, adjM };
}

function randomSeeds(seed: number, n: number, count: number): Seeds {
  const rnd = mulberry32(seed);
  return {
    node: Int32Array.from({ length: count }, () => Math.floor(rnd() * n)),
    dist: Float64Array.from({ length: count }, () => rnd() * 300),
    green: Int32Array.from({ length: count }, (_, k) => k % 7),
    point: Int32Array.from({ length: count }, (_, k) => k),
  };
}

/** The baseline: binary heap (flatqueue) with lazy deletion. */
function heapDistances(g: SearchGraph, s: Seeds): Float64Array {
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const q = new FlatQueue<number>();
  for (let k = 0; k < s.node.length; k++)
    if (s.dist[k] < dist[s.node[k]]) q.push(s.node[k], (dist[s.node[k]] = s.dist[k]));
  while (q.length > 0) {
    const d = q.peekValue() as number;
    const u = q.pop() as number;
    if (d > dist[u]) continue;
    for (let k = g.offsets[u]; k < g.offsets[u + 1]; k++) {
      const nd = d + g.adjM[k];
      if (nd < dist[g.adjTarget[k]]) q.push(g.adjTarget[k], (dist[g.adjTarget[k]] = nd));
    }
  }
  return dist;
}

const cases: [seed: number, n: number, m: number, lengths: Lengths][] = [
  [1, 400, 900, 'metres'],
  [2, 2000, 3000, 'metres'],
  [3, 600, 1500, 'tiny'],
  [4, 800, 2000, 'mixed'],
  [5, 50, 40, 'metres'], // mostly disconnected
];

onBothLayouts(
  (layout) => `bucket-queue search on ${layout}`,
  () => {
    for (const [seed, n, m, lengths] of cases) {
      it(`equals a binary heap exactly on random graph ${seed} (${lengths} lengths)`, () => {
        const g = randomGraph(seed, n, m, lengths);
        const s = randomSeeds(seed + 100, n, 12);
        const f = nearestField(g, s);
        const fc = columns(f);
        expect(Array.from(f.dist)).toEqual(Array.from(heapDistances(g, s)));
        // Labels are consistent with distances: each node's predecessor (or seed) explains its distance.
        for (let v = 0; v < n; v++) {
          if (f.dist[v] === Infinity) {
            expect([fc.green[v], fc.pred[v], fc.point[v]]).toEqual([-1, -1, -1]);
            continue;
          }
          const u = fc.pred[v];
          if (u < 0) {
            const k = fc.point[v];
            expect([s.node[k], s.dist[k], s.green[k]]).toEqual([v, f.dist[v], fc.green[v]]);
          } else {
            let w = Infinity;
            for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++)
              if (g.adjTarget[a] === v) w = Math.min(w, g.adjM[a]);
            expect(f.dist[u] + w).toBe(f.dist[v]);
            expect([fc.green[u], fc.point[u]]).toEqual([fc.green[v], fc.point[v]]);
          }
        }
      });
    }

    it('cut off at a distance equals the full search up to it, and leaves only larger values beyond', () => {
      for (const [seed, n, m, lengths] of cases) {
        const g = randomGraph(seed, n, m, lengths);
        const s = randomSeeds(seed + 200, n, 5);
        const full = nearestField(g, s).dist;
        for (const cutoff of [0, 17.5, 120, 400]) {
          const cut = nearestField(g, s, cutoff).dist;
          let within = 0;
          for (let v = 0; v < n; v++) {
            if (full[v] <= cutoff) {
              within++;
              expect(cut[v]).toBe(full[v]);
            } else expect(cut[v]).toBeGreaterThan(cutoff);
          }
          if (cutoff >= 120 && lengths === 'metres' && n > 100) expect(within).toBeGreaterThan(0);
        }
      }
    });

    it('a search resumed beyond its cutoff (the targeted search) equals the full search', () => {
      for (const [seed, n, m, lengths] of cases) {
        const g = randomGraph(seed, n, m, lengths);
        const s = randomSeeds(seed + 300, n, 4);
        const full = nearestField(g, s).dist;
        const field = emptyField(n);
        const search = new BucketSearch(g, field, s);
        for (const cutoff of [50, 100, 200, 400, 800]) {
          search.run(cutoff);
          expect(search.reach).toBeGreaterThanOrEqual(cutoff);
          for (let v = 0; v < n; v++) if (full[v] <= cutoff) expect(field.dist[v]).toBe(full[v]);
        }
        search.run();
        expect(search.done).toBe(true);
        expect(Array.from(field.dist)).toEqual(Array.from(full));
      }
    });

    it('searches one after another on one graph start clean (they share its node lines)', () => {
      // Each search leaves its lowered nodes in the graph's lines for the next one to reset: by the
      // touched list when few (a cut-off search, a small relax), in one pass when most of the graph.
      const [seed, n, m, lengths] = cases[1];
      const g = randomGraph(seed, n, m, lengths);
      /** The same graph as another object: its own lines, never used before. */
      const pristine = () => ({ ...g });
      const a = randomSeeds(41, n, 12),
        b = randomSeeds(42, n, 3);
      const same = (x: ReturnType<typeof emptyField>, y: ReturnType<typeof emptyField>) => {
        expect(Array.from(x.dist)).toEqual(Array.from(y.dist));
        expect(Array.from(x.rec)).toEqual(Array.from(y.rec));
      };
      const full = nearestField(g, a);
      same(full, nearestField(pristine(), a));
      same(nearestField(g, b, 30), nearestField(pristine(), b, 30));
      const unfinished = new BucketSearch(g, null, a);
      unfinished.run(60);
      const whatIf = copyField(full),
        want = copyField(full);
      expect(relax(g, whatIf, b)).toBe(relax(pristine(), want, b));
      same(whatIf, want);
      same(nearestField(g, a), full);
      expect(Array.from(nearestField(g, b).dist)).toEqual(Array.from(heapDistances(g, b)));
    });

    it('follows every edge of a node with more edges than its line holds, in order', () => {
      // A hub joined to 12 spokes (lengths 1..12), and spoke k + 1 to spoke k by a 0.5 m edge.
      const spokes = 12;
      expect(spokes).toBeGreaterThan(INLINE);
      const ea: number[] = [],
        eb: number[] = [],
        em: number[] = [];
      for (let k = 1; k <= spokes; k++) {
        ea.push(0, k);
        eb.push(k, k + 1);
        em.push(k, 0.5);
      }
      const g = csrGraph(spokes + 2, ea, eb, em);
      const s: Seeds = {
        node: Int32Array.of(0),
        dist: Float64Array.of(0),
        green: Int32Array.of(0),
        point: Int32Array.of(0),
      };
      const f = nearestField(g, s);
      expect(Array.from(f.dist)).toEqual([0, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7]);
      expect(Array.from(columns(f).pred)).toEqual([-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    });

    it('a queue far larger than the entry pool starts with grows it and stays exact', () => {
      // About 15,000 distinct nodes seeded within the first bucket, so all queued at once: several
      // times the pool's first size (4,096 entries), so it grows mid-search.
      const n = 30000;
      const g = randomGraph(21, n, 90000, 'mixed');
      const s = randomSeeds(22, n, 20000);
      s.dist.forEach((d, k) => (s.dist[k] = d / 1000));
      const heap = heapDistances(g, s);
      expect(Array.from(nearestField(g, s).dist)).toEqual(Array.from(heap));
    });

    it('refuses to run a search again after its last run', () => {
      const g = randomGraph(5, 200, 600, 'metres');
      const once = new BucketSearch(g, null, randomSeeds(6, 200, 3));
      once.run(20, true);
      expect(() => once.run()).toThrow(/last run/);
    });

    it('refuses to resume a search once another search has taken the shared entry pool', () => {
      const g = randomGraph(5, 200, 600, 'metres');
      const first = new BucketSearch(g, emptyField(200), randomSeeds(6, 200, 3));
      first.run(20);
      nearestField(g, randomSeeds(7, 200, 3));
      expect(() => first.run()).toThrow(/another search/);
    });

    it('orders seeds by bucket, stably, and drops the infinite ones (counting and comparison paths)', () => {
      const rnd = mulberry32(31);
      // 500 seeds over ~60 buckets (counting sort), then over ~10^7 buckets (comparison sort).
      for (const spread of [60, 1e7]) {
        const sd = Float64Array.from({ length: 500 }, (_, k) =>
          k % 50 === 7 ? Infinity : k % 50 === 8 ? NaN : rnd() * spread,
        );
        const want = Array.from(sd.keys())
          .filter((k) => sd[k] < Infinity)
          .sort((a, b) => Math.floor(sd[a]) - Math.floor(sd[b]) || a - b);
        expect(Array.from(seedOrder(sd, 1))).toEqual(want);
      }
    });

    it('seeds that are Infinity or farther than their node already is never count', () => {
      const g = randomGraph(9, 100, 300, 'metres');
      const s: Seeds = {
        node: Int32Array.from([3, 3, 7]),
        dist: Float64Array.from([5, 2, Infinity]),
        green: Int32Array.from([0, 1, 2]),
        point: Int32Array.from([0, 1, 2]),
      };
      const f = nearestField(g, s);
      const fc = columns(f);
      expect([f.dist[3], fc.green[3], fc.point[3]]).toEqual([2, 1, 1]);
      expect(Array.from(fc.green).includes(2)).toBe(false);
    });
  },
);
