/**
 * How a place (a click, a resident's position) joins the network and the green spaces: its links to
 * nearby roads, and direct off-network walks into green spaces within the limit. Shared by the point
 * query and the nearest-park search so both measure the same walk.
 */
import { inWater, legBlocked, pointInRing } from './barriers';
import { MAX_OFF_NETWORK_M } from './constants';
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
