/**
 * The k nearest green spaces from one place by walking time over the network (not straight line),
 * each with its walk and route along the roads. One Dijkstra from the place, in which every green
 * space is a virtual node reached from the nodes at the ends of its source points' edges; the search
 * stops once k green spaces are settled. Routes leave the network only on the start and end legs,
 * which never cross water or other barriers (see start.ts).
 */
import FlatQueue from 'flatqueue';
import type { LineString } from 'geojson';
import { attachmentsOf } from './attachments';
import { OFF_NETWORK_DETOUR } from './constants';
import type { ScenarioModel } from './model';
import { ll, roadPoint } from './point-info';
import { toX, toY } from './projection';
import type { SourceSet } from './source-set';
import { startAt } from './start';

export interface NearestGreen {
  id: string;
  name_zh: string;
  name_en: string;
  whatIf: boolean;
  illustrative: boolean;
  /** Walk time at the given speed; off-network legs count × 1.2. */
  seconds: number;
  /** Effective walk metres (what the time is based on). */
  walkMetres: number;
  /** Length of the drawn route, metres. */
  metres: number;
  route: LineString;
}

export interface NearestResult {
  inWater: boolean;
  /** Nearest first; fewer than k when fewer green spaces are reachable. */
  greens: NearestGreen[];
}

/** Predecessor codes for green virtual nodes. */
const VIA_DIRECT = -1;

export function nearestGreens(
  model: ScenarioModel,
  set: SourceSet,
  lng: number,
  lat: number,
  speed: number,
  k = 3,
): NearestResult {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) throw new Error(`Invalid position (${lng}, ${lat}).`);
  if (!(speed > 0)) throw new Error(`Walking speed must be positive, got ${speed}.`);
  const proj = model.grid.proj;
  const g = model.graph;
  const N = g.nodeCount;
  const G = set.greens.length;
  const x = toX(proj, lng),
    y = toY(proj, lat);
  const s = startAt(model, set, x, y);
  if (s.inWater) return { inWater: true, greens: [] };
  const att = attachmentsOf(g, set);
  const dist = new Float64Array(N + G).fill(Infinity);
  /** Graph nodes: previous node, or -1 at a start node. Green nodes: the node they were reached from, or VIA_*. */
  const pred = new Int32Array(N + G).fill(VIA_DIRECT);
  /** Graph nodes seeded by a start link: which one. Green nodes: the source point used (-1: direct walk). */
  const via = new Int32Array(N + G).fill(-1);
  const q = new FlatQueue<number>();
  const improve = (v: number, d: number, p: number, w: number) => {
    if (d < dist[v]) {
      dist[v] = d;
      pred[v] = p;
      via[v] = w;
      q.push(v, d);
    }
  };
  for (const w of s.direct) improve(N + w.green, w.d * OFF_NETWORK_DETOUR, VIA_DIRECT, -1);
  s.links.forEach((l, li) => {
    const len = g.edgeM[l.edge];
    const leg = l.d * OFF_NETWORK_DETOUR;
    improve(g.edgeA[l.edge], leg + l.t * len, -1, li);
    improve(g.edgeB[l.edge], leg + (1 - l.t) * len, -1, li);
    for (const p of att.byEdge.get(l.edge) ?? []) {
      const d = leg + set.points.leg[p] * OFF_NETWORK_DETOUR + Math.abs(l.t - set.points.t[p]) * len;
      improve(N + set.points.green[p], d, -2 - li, p);
    }
  });
  const found: number[] = [];
  while (q.length > 0 && found.length < k) {
    const d = q.peekValue() as number;
    const u = q.pop() as number;
    if (d > dist[u]) continue;
    if (u >= N) {
      found.push(u - N);
      continue;
    }
    for (let a = g.offsets[u], end = g.offsets[u + 1]; a < end; a++) {
      const v = g.adjTarget[a];
      const nd = d + g.adjM[a];
      if (nd < dist[v]) {
        dist[v] = nd;
        pred[v] = u;
        via[v] = -1;
        q.push(v, nd);
      }
    }
    for (let a = att.start[u], end = att.start[u + 1]; a < end; a++) {
      const p = att.point[a];
      improve(N + set.points.green[p], d + att.offset[a], u, p);
    }
  }
  const greens = found.map((gi) => {
    const coords: [number, number][] = [ll(proj, x, y)];
    const pv = pred[N + gi];
    const p = via[N + gi];
    if (p < 0) {
      const w = s.direct.find((dw) => dw.green === gi)!;
      if (w.d > 0) coords.push(ll(proj, w.x, w.y));
    } else {
      if (pv <= -2) {
        const l = s.links[-2 - pv];
        coords.push(ll(proj, l.x, l.y));
      } else {
        const nodes: number[] = [];
        let u = pv;
        while (u >= 0) {
          nodes.push(u);
          if (pred[u] < 0) break;
          u = pred[u];
        }
        const l = s.links[via[u]];
        coords.push(ll(proj, l.x, l.y));
        for (let i = nodes.length - 1; i >= 0; i--) {
          // Nodes added only to keep edges short lie on straight segments: the route skips them.
          if (g.nodeDense[nodes[i]] && i > 0 && i < nodes.length - 1) continue;
          coords.push([g.nodeLng[nodes[i]], g.nodeLat[nodes[i]]]);
        }
      }
      coords.push(roadPoint(g, set, p), ll(proj, set.points.x[p], set.points.y[p]));
    }
    dedupe(coords);
    if (coords.length === 1) coords.push(coords[0]);
    const ref = set.greens[gi].ref;
    const walk = dist[N + gi];
    return {
      id: ref.id,
      name_zh: ref.name_zh,
      name_en: ref.name_en,
      whatIf: ref.whatIf,
      illustrative: ref.illustrative,
      seconds: walk / speed,
      walkMetres: walk,
      metres: lineMetres(proj, coords),
      route: { type: 'LineString', coordinates: coords } as LineString,
    };
  });
  return { inWater: false, greens };
}

/** Drops consecutive repeated positions (a source point lying on its road, a start on a road). */
function dedupe(c: [number, number][]): void {
  let w = 1;
  for (let r = 1; r < c.length; r++) if (c[r][0] !== c[w - 1][0] || c[r][1] !== c[w - 1][1]) c[w++] = c[r];
  c.length = w;
}

function lineMetres(proj: { kx: number; ky: number }, c: [number, number][]): number {
  let m = 0;
  for (let i = 1; i < c.length; i++)
    m += Math.hypot((c[i][0] - c[i - 1][0]) * proj.kx, (c[i][1] - c[i - 1][1]) * proj.ky);
  return m;
}
