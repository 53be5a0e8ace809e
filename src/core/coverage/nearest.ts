/**
 * The k nearest green spaces from one place by walking time over the network (not straight line),
 * each with its walk and route along the roads. A targeted search from the place with the engine's
 * one search loop (dijkstra.ts), run to a cutoff and resumed farther until k green spaces are known
 * exactly (a resident an hour's walk from any park still gets an answer, without labelling the whole
 * graph for a nearby one). Routes leave the network only on the start and end legs, which never cross
 * water or other barriers (see start.ts; the legs are priced in legs.ts).
 */
import type { LineString } from 'geojson';
import { attachmentsOf } from './attachments';
import { BucketSearch, pointOf } from './dijkstra';
import type { ScenarioModel } from './model';
import { ll, networkRoute, roadPoint } from './point-info';
import { toX, toY } from './projection';
import type { SourceSet } from './source-set';
import { firstLegs, startAt } from './start';

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

/** The first cutoff of the targeted search, metres (doubled until k green spaces are known). */
const FIRST_REACH_M = 1000;

/** How a green space's best walk ends: a direct walk, a source point on the start's edge, or from a node. */
type Way =
  | { kind: 'direct'; walk: number }
  | { kind: 'edge'; link: number; point: number }
  | { kind: 'node'; node: number; point: number };

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
  const G = set.greens.length;
  const x = toX(proj, lng),
    y = toY(proj, lat);
  const s = startAt(model, set, x, y);
  if (s.inWater) return { inWater: true, greens: [] };
  const legs = firstLegs(g, set, s);
  // Walks that need no search: straight in, or along the start's own edge.
  const fixed = new Float64Array(G).fill(Infinity);
  const fixedWay: Way[] = new Array(G);
  const offer = (best: Float64Array, ways: Way[], gi: number, d: number, w: () => Way) => {
    if (!(d < best[gi])) return;
    best[gi] = d;
    ways[gi] = w();
  };
  for (const w of legs.direct) offer(fixed, fixedWay, w.green, w.m, () => ({ kind: 'direct', walk: w.walk }));
  for (const w of legs.sameEdge)
    offer(fixed, fixedWay, w.green, w.m, () => ({ kind: 'edge', link: w.link, point: w.point }));

  const search = new BucketSearch(g, null, legs.seeds);
  const field = search.field;
  const att = attachmentsOf(g, set);
  const best = new Float64Array(G);
  const way: Way[] = new Array(G);
  const order: number[] = [];
  for (let cutoff = FIRST_REACH_M; ; cutoff *= 2) {
    search.run(cutoff);
    best.set(fixed);
    for (let gi = 0; gi < G; gi++) way[gi] = fixedWay[gi];
    // Every source point's node ends: a green space whose best is within the search's reach is exact.
    for (let u = 0; u < g.nodeCount; u++) {
      const du = field.dist[u];
      if (du === Infinity) continue;
      for (let a = att.start[u], end = att.start[u + 1]; a < end; a++) {
        const p = att.point[a];
        const gi = set.points.green[p];
        const d = du + att.offset[a];
        if (!(d < best[gi])) continue; // (no closure here: this loop runs per attachment)
        best[gi] = d;
        way[gi] = { kind: 'node', node: u, point: p };
      }
    }
    order.length = 0;
    for (let gi = 0; gi < G; gi++) if (best[gi] < Infinity && best[gi] <= search.reach) order.push(gi);
    if (order.length >= k || search.done) break;
  }
  order.sort((a, b) => best[a] - best[b] || a - b);
  const greens = order.slice(0, k).map((gi) => {
    const coords: [number, number][] = [ll(proj, x, y)];
    const w = way[gi];
    if (w.kind === 'direct') {
      const to = s.direct[w.walk];
      if (to.d > 0) coords.push(ll(proj, to.x, to.y));
    } else {
      const l = s.links[w.kind === 'edge' ? w.link : pointOf(field, w.node)];
      coords.push(ll(proj, l.x, l.y));
      if (w.kind === 'node') coords.push(...networkRoute(g, field, w.node).reverse());
      coords.push(roadPoint(g, set, w.point), ll(proj, set.points.x[w.point], set.points.y[w.point]));
    }
    dedupe(coords);
    if (coords.length === 1) coords.push(coords[0]);
    const ref = set.greens[gi].ref;
    const walk = best[gi];
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
