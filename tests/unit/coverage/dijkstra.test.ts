import { expect, it } from 'vitest';
import { type Seeds, copyField, nearestField, relax } from '../../../src/core/coverage/dijkstra';
import { onBothLayouts } from './both-layouts';
import { columns } from './field-columns';
import { type WalkGraph, fromEdges } from '../../../src/core/coverage/graph';
import { makeProjection } from '../../../src/core/coverage/projection';
import { ORIGIN, ll } from '../../fixtures/coverage/build';
import { mulberry32 } from './random';

const proj = makeProjection(ORIGIN[0], ORIGIN[1]);

function graphOf(points: [number, number][], edges: [number, number][]): WalkGraph {
  const lngLat = points.map(([x, y]) => ll(x, y));
  return fromEdges(
    '2014',
    proj,
    Float64Array.from(lngLat.map((p) => p[0])),
    Float64Array.from(lngLat.map((p) => p[1])),
    edges.map((e) => e[0]),
    edges.map((e) => e[1]),
    edges.map(() => 0),
  );
}

function seeds(list: [node: number, dist: number, green: number][]): Seeds {
  return {
    node: Int32Array.from(list.map((s) => s[0])),
    dist: Float64Array.from(list.map((s) => s[1])),
    green: Int32Array.from(list.map((s) => s[2])),
    point: Int32Array.from(list.map((_, k) => k)),
  };
}

/** Reference: Bellman–Ford from one green's seeds, over the same (float32) edge lengths. */
function bellmanFord(g: WalkGraph, s: Seeds, green: number): Float64Array {
  const d = new Float64Array(g.nodeCount).fill(Infinity);
  for (let k = 0; k < s.node.length; k++)
    if (s.green[k] === green) d[s.node[k]] = Math.min(d[s.node[k]], s.dist[k]);
  for (let changed = true; changed;) {
    changed = false;
    for (let e = 0; e < g.edgeCount; e++) {
      const a = g.edgeA[e],
        b = g.edgeB[e],
        w = g.edgeM[e];
      if (d[a] + w < d[b]) {
        d[b] = d[a] + w;
        changed = true;
      }
      if (d[b] + w < d[a]) {
        d[a] = d[b] + w;
        changed = true;
      }
    }
  }
  return d;
}

function randomCase(seed: number, n: number, m: number, sources: number, greens: number) {
  const rnd = mulberry32(seed);
  const pts: [number, number][] = Array.from({ length: n }, () => [rnd() * 3000, rnd() * 3000]);
  const edges: [number, number][] = [];
  for (let k = 0; k < m; k++) edges.push([Math.floor(rnd() * n), Math.floor(rnd() * n)]);
  const g = graphOf(pts, edges);
  const s = seeds(
    Array.from({ length: sources }, () => [Math.floor(rnd() * n), rnd() * 200, Math.floor(rnd() * greens)]),
  );
  return { g, s };
}

onBothLayouts(
  (layout) => `multi-source Dijkstra on ${layout}`,
  () => {
    it('gives exact distances and nearest greens on a hand-computed square', () => {
      // A(0,0) – B(100,0) – C(100,100) – D(0,100) – A; green 0 at A (0 m), green 1 at C (30 m).
      const g = graphOf(
        [
          [0, 0],
          [100, 0],
          [100, 100],
          [0, 100],
        ],
        [
          [0, 1],
          [1, 2],
          [2, 3],
          [3, 0],
        ],
      );
      const f = nearestField(
        g,
        seeds([
          [0, 0, 0],
          [2, 30, 1],
        ]),
      );
      const fc = columns(f);
      expect(Array.from(f.dist).map((d) => Math.round(d * 1000) / 1000)).toEqual([0, 100, 30, 100]);
      expect(Array.from(fc.green)).toEqual([0, 0, 1, 0]);
      expect(fc.pred[1]).toBe(0);
      expect(fc.pred[0]).toBe(-1);
    });

    it('leaves a disconnected node unreachable', () => {
      const g = graphOf(
        [
          [0, 0],
          [100, 0],
          [500, 500],
        ],
        [[0, 1]],
      );
      const f = nearestField(g, seeds([[0, 0, 0]]));
      const fc = columns(f);
      expect(f.dist[2]).toBe(Infinity);
      expect(fc.green[2]).toBe(-1);
    });

    it.each([1, 2, 3, 4, 5, 6, 7, 8])('matches per-green Bellman–Ford on seeded random graph %i', (seed) => {
      const { g, s } = randomCase(seed, 120, 300, 8, 4);
      const f = nearestField(g, s);
      const fc = columns(f);
      const ref = [0, 1, 2, 3].map((gr) => bellmanFord(g, s, gr));
      for (let v = 0; v < g.nodeCount; v++) {
        const best = Math.min(...ref.map((r) => r[v]));
        if (best === Infinity) {
          expect(f.dist[v]).toBe(Infinity);
          continue;
        }
        expect(f.dist[v]).toBeCloseTo(best, 6);
        // The reported green really is at that distance.
        expect(ref[fc.green[v]][v]).toBeCloseTo(f.dist[v], 6);
        // Following predecessors reaches a seed of the same green with consistent distances.
        let u = v;
        while (fc.pred[u] >= 0) {
          expect(fc.green[fc.pred[u]]).toBe(fc.green[v]);
          expect(f.dist[fc.pred[u]]).toBeLessThanOrEqual(f.dist[u]);
          u = fc.pred[u];
        }
      }
    });

    it('adding sources incrementally equals searching from all sources at once', () => {
      const { g, s } = randomCase(42, 400, 900, 10, 5);
      const half = (lo: number, hi: number): Seeds => ({
        node: s.node.slice(lo, hi),
        dist: s.dist.slice(lo, hi),
        green: s.green.slice(lo, hi),
        point: s.point.slice(lo, hi),
      });
      const base = nearestField(g, half(0, 6));
      const inc = copyField(base);
      const settled = relax(g, inc, half(6, 10));
      const full = nearestField(g, s);
      expect(Array.from(inc.dist)).toEqual(Array.from(full.dist));
      // The base is untouched; the update settles exactly the nodes the new sources brought closer,
      // each once, and that is fewer than a full search settles (every reachable node).
      expect(base.dist.some((d, v) => d !== inc.dist[v])).toBe(true);
      const improved = Array.from(inc.dist).filter((d, v) => d < base.dist[v]).length;
      const reachable = Array.from(full.dist).filter(Number.isFinite).length;
      expect(settled).toBe(improved);
      expect(settled).toBeLessThan(reachable);
      for (let v = 0; v < g.nodeCount; v++) expect(inc.dist[v]).toBeLessThanOrEqual(base.dist[v]);
    });
  },
);
