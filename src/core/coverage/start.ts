/**
 * How a place (a click, a resident's position) joins the network and the green spaces: its links to
 * nearby roads, and direct off-network walks into green spaces within the limit. Shared by the point
 * query and the nearest-park search so both measure the same walk.
 */
import { inWater, legBlocked, pointInRing } from './barriers';
import { MAX_OFF_NETWORK_M } from './constants';
import { attachmentsOf } from './attachments';
import type { Seeds } from './dijkstra';
import type { WalkGraph } from './graph';
import { alongOneEdge, legToEnd, offNetworkM } from './legs';
import type { ScenarioModel } from './model';
import { segmentProjection } from './projection';
import type { EdgePoint } from './snap';
import type { SourceSet } from './source-set';

export interface DirectWalk {
  green: number;
  /** Straight metres to the green space (0 inside it), and the point reached. */
  d: number;
  x: number;
  y: number;
}

export interface Start {
  x: number;
  y: number;
  inWater: boolean;
  links: EdgePoint[];
  direct: DirectWalk[];
}

export function startAt(model: ScenarioModel, set: SourceSet, x: number, y: number): Start {
  if (inWater(model.barriers, x, y)) return { x, y, inWater: true, links: [], direct: [] };
  const links = model.edges.links(
    x,
    y,
    MAX_OFF_NETWORK_M,
    Infinity, // one place: every road within reach, unlike the grid's capped links
    (p) => !legBlocked(model.barriers, x, y, p.x, p.y),
  );
  const direct: DirectWalk[] = [];
  set.greens.forEach((g, k) => {
    const w = nearestOnPolygons(g.polys, x, y);
    if (w.d > MAX_OFF_NETWORK_M) return;
    if (w.d > 0 && legBlocked(model.barriers, x, y, w.x, w.y)) return;
    direct.push({ green: k, ...w });
  });
  return { x, y, inWater: false, links, direct };
}

/** Distance from (x, y) to polygons (0 inside) and the nearest point of them. */
export function nearestOnPolygons(
  polys: Float64Array[][],
  x: number,
  y: number,
): { d: number; x: number; y: number } {
  let best = Infinity,
    bx = x,
    by = y;
  for (const rings of polys) {
    let inside = false;
    for (const r of rings) if (pointInRing(r, x, y)) inside = !inside;
    if (inside) return { d: 0, x, y };
    for (const r of rings) {
      for (let k = 0; k + 3 < r.length; k += 2) {
        const { d2, t } = segmentProjection(x, y, r[k], r[k + 1], r[k + 2], r[k + 3]);
        if (d2 < best) {
          best = d2;
          bx = r[k] + t * (r[k + 2] - r[k]);
          by = r[k + 1] + t * (r[k + 3] - r[k + 1]);
        }
      }
    }
  }
  return { d: Math.sqrt(best), x: bx, y: by };
}

/** The first leg's ways out of a start, priced once for the point query and the nearest-park search. */
export interface FirstLegs {
  /** Straight into a green space: effective metres, per direct walk (same order as start.direct). */
  direct: { green: number; m: number; walk: number }[];
  /** Along a linked edge to a source point on the same edge, without passing a node. */
  sameEdge: { green: number; m: number; link: number; point: number }[];
  /** To both ends of every linked edge: search seeds whose `point` is the link index (green -1). */
  seeds: Seeds;
}

export function firstLegs(g: WalkGraph, set: SourceSet, s: Start): FirstLegs {
  const direct = s.direct.map((w, k) => ({ green: w.green, m: offNetworkM(w.d), walk: k }));
  const sameEdge: FirstLegs['sameEdge'] = [];
  const att = attachmentsOf(g, set);
  const n = s.links.length;
  const seeds = {
    node: new Int32Array(2 * n),
    dist: new Float64Array(2 * n),
    green: new Int32Array(2 * n).fill(-1),
    point: new Int32Array(2 * n),
  };
  s.links.forEach((l, li) => {
    for (const p of att.byEdge.get(l.edge) ?? []) {
      const m = alongOneEdge(g, l.edge, l.t, l.d, set.points.t[p], set.points.leg[p]);
      sameEdge.push({ green: set.points.green[p], m, link: li, point: p });
    }
    seeds.node[2 * li] = g.edgeA[l.edge];
    seeds.dist[2 * li] = legToEnd(g, l.edge, l.t, l.d, 0);
    seeds.node[2 * li + 1] = g.edgeB[l.edge];
    seeds.dist[2 * li + 1] = legToEnd(g, l.edge, l.t, l.d, 1);
    seeds.point[2 * li] = seeds.point[2 * li + 1] = li;
  });
  return { direct, sameEdge, seeds };
}
