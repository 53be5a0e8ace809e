/**
 * The built road network (geodata/roads.geojson, from scripts/geodata/build-roads.ts) against the
 * facts it was built from (geodata/sources/road-crossings.csv) and the rules a routable walking
 * network must keep. Run the build first if a source changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import { lineString, point } from '@turf/helpers';
import length from '@turf/length';
import lineIntersect from '@turf/line-intersect';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseCommentedCsv } from '../../../scripts/geodata/csv';
import type { RoadProps } from '../../../src/core/geodata/schema';
import { validateLayer } from '../../../src/core/geodata/validate';
import { GEODATA, components, readLayer } from './network';

type Road = Feature<LineString, RoadProps>;
const roads = readLayer<FeatureCollection<LineString, RoadProps>>('roads').features as Road[];
const water = readLayer<FeatureCollection<Polygon>>('water').features;
const sources = JSON.parse(readFileSync(join(GEODATA, 'sources', 'road-control-points.json'), 'utf8')) as {
  rejected_crossings: { a: string; b: string; reason: string }[];
};
const crossings = parseCommentedCsv(readFileSync(join(GEODATA, 'sources', 'road-crossings.csv'), 'utf8'));

/**
 * Walkable pieces allowed outside the main component, each with its reason. Empty: the whole
 * walkable network is one component.
 */
const DISCONNECTED_ALLOWED: Record<string, string> = {};

/**
 * The same for the network as it stood at the end of 2014 (status existing only): the pieces that
 * only the plan's projects connect to the rest. Since the 2013 bus roads were drawn: 三全路
 * east of 西三环 meets 江山路, which the buses ran on; left: two stubs north of the zone.
 */
const STUBS_AT_PLAN_ROAD =
  '紫薇街 × 郁香街 (惠济区): two illustrative stubs through their one AMap crossing, reaching the network only at a 2015 plan road.';
const DISCONNECTED_IN_2014: Record<string, string> = {
  'bus-7d2b85878857-01': STUBS_AT_PLAN_ROAD,
  'bus-7d2b85878857-02': STUBS_AT_PLAN_ROAD,
  'bus-90c199998857-01': STUBS_AT_PLAN_ROAD,
  'bus-90c199998857-02': STUBS_AT_PLAN_ROAD,
};

const metres = (a: number[], b: number[]) => distance(a, b, { units: 'meters' });
function distanceToRoad(name: string, at: number[]): number {
  let best = Infinity;
  for (const f of roads) {
    if (f.properties.name_zh !== name) continue;
    const near = nearestPointOnLine(f, point(at), { units: 'meters' });
    best = Math.min(best, near.properties.dist);
  }
  return best;
}

describe('roads.geojson', () => {
  it('has a road network of the zone, not a stub', () => {
    expect(roads.length).toBeGreaterThan(100);
    expect(new Set(roads.map((f) => f.properties.road_id)).size).toBeGreaterThan(40);
  });

  it('passes the layer schema and geometry checks (ids unique, inside the study area, valid lines)', () => {
    const result = validateLayer('roads', readLayer('roads'));
    expect(result.messages).toEqual([]);
  });

  it('puts the crossings it was drawn from within 150 m of both their roads (thresholds: roads-accuracy.test.ts)', () => {
    // The hand-drawn network honours road-crossings.csv: a crossing of two hand-drawn roads that is
    // not rejected lies within 150 m of both, but where the 2013 bus stops placed a road otherwise
    // (SOURCES.md, "Which source won").
    const handDrawn = new Set(
      roads.filter((f) => !String(f.properties.road_id).startsWith('bus-')).map((f) => f.properties.name_zh),
    );
    const rejected = new Set(sources.rejected_crossings.map((r) => [r.a, r.b].sort().join('/')));
    const failures: string[] = [];
    let checked = 0;
    for (const c of crossings) {
      if (!handDrawn.has(c.road_a) || !handDrawn.has(c.road_b)) continue;
      if (rejected.has([c.road_a, c.road_b].sort().join('/'))) continue;
      checked++;
      const at = [Number(c.wgs84_lng), Number(c.wgs84_lat)];
      for (const name of [c.road_a, c.road_b]) {
        const d = distanceToRoad(name, at);
        if (d > 150) failures.push(`${c.road_a}×${c.road_b}: ${name} is ${d.toFixed(0)} m away`);
      }
    }
    const rejectedFar = sources.rejected_crossings.map((r) => {
      const c = crossings.find((x) => [x.road_a, x.road_b].sort().join('/') === [r.a, r.b].sort().join('/'));
      const at = [Number(c?.wgs84_lng), Number(c?.wgs84_lat)];
      return `${r.a}×${r.b} ${Math.max(distanceToRoad(r.a, at), distanceToRoad(r.b, at)).toFixed(0)} m`;
    });
    console.info(`rejected crossings (see road-control-points.json): ${rejectedFar.join(', ')}`);
    expect(checked).toBeGreaterThan(60);
    expect(failures).toEqual([]);
  });

  it('rejects only a few crossings, each with a reason', () => {
    expect(sources.rejected_crossings.length).toBeLessThanOrEqual(3);
    for (const r of sources.rejected_crossings) expect(r.reason.length).toBeGreaterThan(40);
  });

  it('makes the walkable network one connected component (or lists each exception)', () => {
    const walkable = roads.filter((f) => f.properties.walkable);
    const [main, ...rest] = components(walkable);
    const stray = rest.flat().filter((id) => !(id in DISCONNECTED_ALLOWED));
    expect(main.length).toBeGreaterThan(walkable.length * 0.9);
    expect(stray).toEqual([]);
  });

  it('keeps the 2014 network (existing roads only) connected but for the listed pieces', () => {
    const existing = roads.filter((f) => f.properties.walkable && f.properties.status === 'existing');
    const [, ...rest] = components(existing);
    expect(rest.flat().sort()).toEqual(Object.keys(DISCONNECTED_IN_2014).sort());
  });

  it('lets crossing roads share a vertex: each piece ends where another road begins or at a dead end', () => {
    // A walkable piece's interior vertices never coincide with another walkable piece's vertex:
    // the build split every road at every node.
    const walkable = roads.filter((f) => f.properties.walkable);
    const endpoints = new Set(
      walkable.flatMap((f) => [f.geometry.coordinates[0], f.geometry.coordinates.at(-1)!].map(String)),
    );
    const inner = walkable.flatMap((f) =>
      f.geometry.coordinates
        .slice(1, -1)
        .filter((p) => endpoints.has(String(p)))
        .map(() => f.properties.id),
    );
    expect(inner).toEqual([]);
    // And crossing walkable pieces do meet at a shared vertex: no two walkable pieces cross mid-segment.
    const crossingsMidway: string[] = [];
    for (let i = 0; i < walkable.length; i++)
      for (let j = i + 1; j < walkable.length; j++) {
        const a = walkable[i];
        const b = walkable[j];
        for (const hit of lineIntersect(a, b).features) {
          const p = hit.geometry.coordinates;
          const atEnd = [a.geometry.coordinates[0], a.geometry.coordinates.at(-1)!].some(
            (q) => metres(p, q) < 0.5,
          );
          if (!atEnd) crossingsMidway.push(`${a.properties.id} × ${b.properties.id}`);
        }
      }
    expect(crossingsMidway).toEqual([]);
  });

  it('crosses water only on bridges, and has a bridge wherever a walkable road crosses water', () => {
    const wet: string[] = [];
    let bridges = 0;
    for (const f of roads.filter((r) => r.properties.walkable)) {
      for (const w of water) {
        const coords = f.geometry.coordinates;
        const mids = coords.slice(1).map((p, i) => [(p[0] + coords[i][0]) / 2, (p[1] + coords[i][1]) / 2]);
        const inside = mids.some((m) => booleanPointInPolygon(point(m), w));
        if (f.properties.bridge) {
          if (inside) bridges++;
          continue;
        }
        const cuts = lineIntersect(f, w).features.filter(
          (h) => ![coords[0], coords.at(-1)!].some((q) => metres(h.geometry.coordinates, q) < 0.5),
        );
        if (inside || cuts.length > 0)
          wet.push(`${f.properties.id} (${f.properties.name_zh}) × ${w.properties?.name_zh}`);
      }
    }
    expect(wet).toEqual([]);
    expect(bridges).toBeGreaterThan(0);
  });

  it('crosses the railway only on bridges', () => {
    const rail = roads.filter((f) => f.properties.class === 'railway');
    expect(rail.length).toBeGreaterThan(0);
    const level: string[] = [];
    for (const f of roads.filter((r) => r.properties.walkable && !r.properties.bridge))
      for (const r of rail) if (lineIntersect(f, r).features.length > 0) level.push(f.properties.id);
    expect(level).toEqual([]);
  });

  it('keeps expressway main lines and railways unwalkable, with walkable side roads beside expressways', () => {
    for (const f of roads) {
      if (f.properties.class === 'railway') expect(f.properties.walkable).toBe(false);
    }
    for (const name of ['西四环', '西三环']) {
      const main = roads.filter((f) => f.properties.name_zh === name);
      expect(main.length).toBeGreaterThan(0);
      expect(main.every((f) => !f.properties.walkable && f.properties.class === 'expressway')).toBe(true);
      const side = roads.filter((f) => f.properties.name_zh === `${name}辅路`);
      expect(side.every((f) => f.properties.walkable)).toBe(true);
      // The side roads run alongside: their midpoints lie within 60 m of the main line.
      const mainLine = lineString(main.flatMap((f) => f.geometry.coordinates));
      for (const s of side.slice(0, 20)) {
        const c = s.geometry.coordinates;
        const mid = [(c[0][0] + c[1][0]) / 2, (c[0][1] + c[1][1]) / 2];
        expect(nearestPointOnLine(mainLine, point(mid), { units: 'meters' }).properties.dist).toBeLessThan(
          60,
        );
      }
    }
  });

  it("carries the plan's projects with the status its verbs decide", () => {
    const byPlan = (plan: string) => roads.filter((f) => f.properties.plan === plan);
    for (const plan of ['长椿路南延', '长椿路北延', '雪松路南延', '雪松路北延']) {
      expect(byPlan(plan).length, plan).toBeGreaterThan(0);
      expect(byPlan(plan).every((f) => f.properties.status === 'planned')).toBe(true);
    }
    for (const plan of ['翠竹街', '池北路', '梧桐街', '三全路', '西三环北延', '长椿路', '雪松路']) {
      expect(byPlan(plan).length, plan).toBeGreaterThan(0);
      expect(byPlan(plan).every((f) => f.properties.status === 'under_construction')).toBe(true);
    }
    for (const f of roads.filter((r) => r.properties.plan))
      expect(f.properties.plan_text).toMatch(/开工建设长椿路、雪松路的南延、北延工程/);
    // 池北路 is found in no source: its whole course is marked a low-confidence guess.
    const chibei = roads.filter((f) => f.properties.name_zh === '池北路');
    expect(chibei.length).toBeGreaterThan(0);
    expect(chibei.every((f) => f.properties.confidence === 'low' && f.properties.illustrative === true)).toBe(
      true,
    );
  });

  it('draws 瑞达路 diagonally and 金梭路 curved, as the facts describe', () => {
    const course = (name: string) =>
      roads.filter((f) => f.properties.name_zh === name).flatMap((f) => f.geometry.coordinates);
    const ruida = course('瑞达路');
    const lngs = ruida.map((p) => p[0]);
    // About 700 m of east-west drift over 2 km: a diagonal, not a north-south street.
    expect(Math.max(...lngs) - Math.min(...lngs)).toBeGreaterThan(0.006);
    const jinsuo = course('金梭路');
    const west = jinsuo.reduce((a, b) => (b[0] < a[0] ? b : a));
    const south = jinsuo.reduce((a, b) => (b[1] < a[1] ? b : a));
    // Its western end lies 1.5 km north of its southern end and 1 km west of it: east-west at the
    // north, north-south at the south, a bend between.
    expect(west[1] - south[1]).toBeGreaterThan(0.015);
    expect(south[0] - west[0]).toBeGreaterThan(0.01);
  });
});

describe('roads.geojson dead ends', () => {
  it('leaves no stub shorter than 30 m past a junction (a road drawn a little too far)', () => {
    const walkable = roads.filter((f) => f.properties.walkable);
    const degree = new Map<string, number>();
    for (const f of walkable)
      for (const p of [f.geometry.coordinates[0], f.geometry.coordinates.at(-1)!])
        degree.set(String(p), (degree.get(String(p)) ?? 0) + 1);
    const stubs = walkable.filter((f) => {
      const c = f.geometry.coordinates;
      const deadEnd = degree.get(String(c[0])) === 1 || degree.get(String(c[c.length - 1])) === 1;
      return deadEnd && length(f, { units: 'meters' }) < 30;
    });
    expect(stubs.map((f) => f.properties.id)).toEqual([]);
  });

  it('has no dead end that stops just short of another walkable road (a missed junction)', () => {
    const walkable = roads.filter((f) => f.properties.walkable);
    const degree = new Map<string, number>();
    for (const f of walkable)
      for (const p of [f.geometry.coordinates[0], f.geometry.coordinates.at(-1)!])
        degree.set(String(p), (degree.get(String(p)) ?? 0) + 1);
    const nearMisses: string[] = [];
    for (const f of walkable) {
      for (const p of [f.geometry.coordinates[0], f.geometry.coordinates.at(-1)!]) {
        if (degree.get(String(p)) !== 1) continue;
        for (const g of walkable) {
          if (g.properties.road_id === f.properties.road_id) continue;
          const d = nearestPointOnLine(g, point(p), { units: 'meters' }).properties.dist;
          if (d > 0.5 && d < 40)
            nearMisses.push(`${f.properties.id} ends ${d.toFixed(1)} m from ${g.properties.id}`);
        }
      }
    }
    expect(nearMisses).toEqual([]);
  });
});
