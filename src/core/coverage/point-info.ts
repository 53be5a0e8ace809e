/**
 * "How far is the nearest green space from here?" for one place: walk time, which green space, and
 * the way there (along the Dijkstra field's predecessors).
 */
import { type NearestField, greenOf, pointOf, predOf } from './dijkstra';
import type { WalkGraph } from './graph';
import type { ScenarioModel } from './model';
import { type LocalProjection, toLat, toLng, toX, toY } from './projection';
import type { SourceSet } from './source-set';
import { firstLegs, startAt } from './start';

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
  const field = set.field;
  const dist = field.dist;
  const legs = firstLegs(g, set, s);
  let best = Infinity,
    bestGreen = -1;
  let route: [number, number][] = [];
  for (const w of legs.direct) {
    if (!(w.m < best)) continue;
    best = w.m;
    bestGreen = w.green;
    const to = s.direct[w.walk];
    route = [ll(proj, x, y), ll(proj, to.x, to.y)];
  }
  for (const w of legs.sameEdge) {
    // A source point on the same edge is reached along the edge, without passing a node.
    if (!(w.m < best)) continue;
    best = w.m;
    bestGreen = w.green;
    const l = s.links[w.link];
    route = [
      ll(proj, x, y),
      ll(proj, l.x, l.y),
      roadPoint(g, set, w.point),
      ll(proj, set.points.x[w.point], set.points.y[w.point]),
    ];
  }
  for (let k = 0; k < legs.seeds.node.length; k++) {
    const node = legs.seeds.node[k];
    const d = legs.seeds.dist[k] + dist[node];
    if (!(d < best)) continue;
    best = d;
    bestGreen = greenOf(field, node);
    const l = s.links[legs.seeds.point[k]];
    route = [ll(proj, x, y), ll(proj, l.x, l.y), ...networkRoute(g, field, node)];
    const p = pointOf(field, node); // the source point the chain starts from
    route.push(roadPoint(g, set, p), ll(proj, set.points.x[p], set.points.y[p]));
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

/**
 * The network part of a route: from `node` along the predecessors to the chain's root, as [lng, lat];
 * nodes added only to keep edges short lie on straight segments, so the route skips them.
 */
export function networkRoute(g: WalkGraph, field: NearestField, node: number): [number, number][] {
  const out: [number, number][] = [];
  let u = node;
  for (;;) {
    const p = predOf(field, u);
    if (!g.nodeDense[u] || u === node || p < 0) out.push([g.nodeLng[u], g.nodeLat[u]]);
    if (p < 0) break;
    u = p;
  }
  return out;
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
