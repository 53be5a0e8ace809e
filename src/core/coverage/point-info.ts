/**
 * "How far is the nearest green space from here?" for one place: walk time, which green space, and
 * the way there (along the Dijkstra field's predecessors).
 */
import { attachmentsOf } from './attachments';
import { OFF_NETWORK_DETOUR } from './constants';
import type { WalkGraph } from './graph';
import type { ScenarioModel } from './model';
import { type LocalProjection, toLat, toLng, toX, toY } from './projection';
import type { SourceSet } from './source-set';
import { startAt } from './start';

export interface PointInfo {
  /** Effective walk metres (off-network legs × 1.2) and seconds at the given speed; null when unreachable. */
  metres: number | null;
  seconds: number | null;
  green: { id: string; name_zh: string; name_en: string; whatIf: boolean; illustrative: boolean } | null;
  inWater: boolean;
  /** The way there as [lng, lat] positions, empty when unreachable. */
  route: [number, number][];
}

export function pointInfo(
  model: ScenarioModel,
  set: SourceSet,
  lng: number,
  lat: number,
  speed: number,
): PointInfo {
  const proj = model.grid.proj;
  const x = toX(proj, lng),
    y = toY(proj, lat);
  const s = startAt(model, set, x, y);
  const g = model.graph;
  const { dist, pred, point, green } = set.field;
  let best = Infinity,
    bestGreen = -1;
  let route: [number, number][] = [];
  for (const w of s.direct) {
    const d = w.d * OFF_NETWORK_DETOUR;
    if (d < best) {
      best = d;
      bestGreen = w.green;
      route = [ll(proj, x, y), ll(proj, w.x, w.y)];
    }
  }
  const att = attachmentsOf(g, set);
  for (const l of s.links) {
    const len = g.edgeM[l.edge];
    // A source point on the same edge is reached along the edge, without passing a node.
    for (const p of att.byEdge.get(l.edge) ?? []) {
      const d = (l.d + set.points.leg[p]) * OFF_NETWORK_DETOUR + Math.abs(l.t - set.points.t[p]) * len;
      if (!(d < best)) continue;
      best = d;
      bestGreen = set.points.green[p];
      route = [
        ll(proj, x, y),
        ll(proj, l.x, l.y),
        roadPoint(g, set, p),
        ll(proj, set.points.x[p], set.points.y[p]),
      ];
    }
    for (const [node, along] of [
      [g.edgeA[l.edge], l.t * len],
      [g.edgeB[l.edge], (1 - l.t) * len],
    ] as const) {
      const d = l.d * OFF_NETWORK_DETOUR + along + dist[node];
      if (!(d < best)) continue;
      best = d;
      bestGreen = green[node];
      route = [ll(proj, x, y), ll(proj, l.x, l.y)];
      let u = node;
      while (u >= 0) {
        // Nodes added only to keep edges short lie on straight segments: the route skips them.
        if (!g.nodeDense[u] || u === node || pred[u] < 0) route.push([g.nodeLng[u], g.nodeLat[u]]);
        if (pred[u] < 0) break;
        u = pred[u];
      }
      const p = point[u];
      route.push(roadPoint(g, set, p), ll(proj, set.points.x[p], set.points.y[p]));
    }
  }
  const ref = bestGreen >= 0 ? set.greens[bestGreen].ref : null;
  return {
    metres: best === Infinity ? null : best,
    seconds: best === Infinity ? null : best / speed,
    green: ref && {
      id: ref.id,
      name_zh: ref.name_zh,
      name_en: ref.name_en,
      whatIf: ref.whatIf,
      illustrative: ref.illustrative,
    },
    inWater: s.inWater,
    route,
  };
}

const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

/** Where source point p joins its road, [lng, lat]. */
export function roadPoint(g: WalkGraph, set: SourceSet, p: number): [number, number] {
  const e = set.points.edge[p],
    t = set.points.t[p];
  return [
    lerp(g.nodeLng[g.edgeA[e]], g.nodeLng[g.edgeB[e]], t),
    lerp(g.nodeLat[g.edgeA[e]], g.nodeLat[g.edgeB[e]], t),
  ];
}
export const ll = (p: LocalProjection, x: number, y: number): [number, number] => [toLng(p, x), toLat(p, y)];
