import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { MAX_EDGE_M, buildWalkGraph } from '../../../src/core/coverage/graph';
import { makeProjection } from '../../../src/core/coverage/projection';
import { ORIGIN, road } from '../../fixtures/coverage/build';
import { mulberry32 } from './random';

const proj = makeProjection(ORIGIN[0], ORIGIN[1]);
const fc = (features: ReturnType<typeof road>[]) => ({ type: 'FeatureCollection' as const, features });

/** Connected components by union-find over the undirected edges. */
function components(g: ReturnType<typeof buildWalkGraph>): number {
  const parent = Array.from({ length: g.nodeCount }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let e = 0; e < g.edgeCount; e++) parent[find(g.edgeA[e])] = find(g.edgeB[e]);
  return new Set(parent.map((_, i) => find(i))).size;
}

/** A horizontal road from (-100, 0) to (100, 0) and a vertical one from (x, y0) to (x, y1). */
function hAndV(x: number, y0: number, y1: number) {
  return fc([
    road('h', [
      [-100, 0],
      [100, 0],
    ]),
    road('v', [
      [x, y0],
      [x, y1],
    ]),
  ]);
}

/** An L-shaped road: 300 m east, then 400 m north. */
const ell = () =>
  fc([
    road('L', [
      [0, 0],
      [300, 0],
      [300, 400],
    ]),
  ]);

describe('walk graph', () => {
  it('edge lengths agree with Turf great-circle distance within 0.3%', () => {
    const rnd = mulberry32(7);
    const pts: [number, number][] = Array.from({ length: 40 }, () => [
      rnd() * 15000 - 7500,
      rnd() * 14000 - 7000,
    ]);
    const g = buildWalkGraph(fc([road('r', pts)]), '2014', proj, Infinity);
    for (let e = 0; e < g.edgeCount; e++) {
      const a = [g.nodeLng[g.edgeA[e]], g.nodeLat[g.edgeA[e]]];
      const b = [g.nodeLng[g.edgeB[e]], g.nodeLat[g.edgeB[e]]];
      const turf = distance(a, b, { units: 'meters' });
      expect(Math.abs(g.edgeM[e] - turf) / turf).toBeLessThan(0.003);
    }
  });

  it('keeps intermediate vertices so a bent road measures its true length', () => {
    const g = buildWalkGraph(ell(), '2014', proj, Infinity);
    expect(g.nodeCount).toBe(3);
    const total = Array.from(g.edgeM).reduce((s, m) => s + m, 0);
    expect(total).toBeCloseTo(700, 1);
  });

  it('splits long segments into edges of at most MAX_EDGE_M, keeping the length', () => {
    const g = buildWalkGraph(ell(), '2014', proj);
    expect(g.edgeCount).toBe(Math.ceil(300 / MAX_EDGE_M) + Math.ceil(400 / MAX_EDGE_M));
    for (const m of g.edgeM) expect(m).toBeLessThanOrEqual(MAX_EDGE_M + 1e-6);
    expect(Array.from(g.edgeM).reduce((s, m) => s + m, 0)).toBeCloseTo(700, 1);
    expect(g.nodeDense.reduce((s, d) => s + d, 0)).toBe(g.nodeCount - 3);
  });

  it('joins roads at shared vertices, at crossings without a shared vertex, and at T-junctions within 2 m', () => {
    const shared = buildWalkGraph(
      fc([
        road('a', [
          [0, 0],
          [100, 0],
        ]),
        road('b', [
          [100, 0],
          [100, 100],
        ]),
      ]),
      '2014',
      proj,
      Infinity,
    );
    expect(shared.nodeCount).toBe(3);
    expect(components(shared)).toBe(1);

    const crossing = buildWalkGraph(hAndV(0, -100, 100), '2014', proj, Infinity);
    expect(crossing.nodeCount).toBe(5); // four ends + the crossing
    expect(components(crossing)).toBe(1);
    // Every edge is half a road.
    for (const m of crossing.edgeM) expect(m).toBeCloseTo(100, 1);

    const tee = buildWalkGraph(hAndV(30, 1.5, 200), '2014', proj);
    expect(components(tee)).toBe(1);

    const apart = buildWalkGraph(hAndV(30, 5, 200), '2014', proj);
    expect(components(apart)).toBe(2);
  });

  it('uses only walkable roads that exist in the scenario', () => {
    const roads = fc([
      road('built', [
        [0, 0],
        [100, 0],
      ]),
      road(
        'expressway',
        [
          [0, 10],
          [100, 10],
        ],
        { walkable: false, class: 'expressway' },
      ),
      road(
        'works',
        [
          [100, 0],
          [200, 0],
        ],
        { status: 'under_construction' },
      ),
      road(
        'plan',
        [
          [200, 0],
          [300, 0],
        ],
        { status: 'planned' },
      ),
    ]);
    const g2014 = buildWalkGraph(roads, '2014', proj, Infinity);
    const g2015 = buildWalkGraph(roads, '2015', proj, Infinity);
    expect(g2014.edgeCount).toBe(1);
    expect(g2015.edgeCount).toBe(3);
    expect(new Set(g2015.edgeRoad)).toEqual(new Set([0, 2, 3]));
  });

  it('stores a symmetric CSR adjacency', () => {
    const g = buildWalkGraph(hAndV(0, -100, 100), '2014', proj, Infinity);
    expect(g.offsets[g.nodeCount]).toBe(2 * g.edgeCount);
    for (let u = 0; u < g.nodeCount; u++) {
      for (let k = g.offsets[u]; k < g.offsets[u + 1]; k++) {
        const v = g.adjTarget[k];
        let back = false;
        for (let j = g.offsets[v]; j < g.offsets[v + 1]; j++)
          if (g.adjTarget[j] === u && g.adjEdge[j] === g.adjEdge[k]) back = true;
        expect(back).toBe(true);
      }
    }
  });
});
