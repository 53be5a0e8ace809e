/**
 * Barriers to off-network walking: water polygons (and their islands), plus non-walkable road lines
 * (expressway main lines, railways). A straight off-network leg may not cross any of them; roads,
 * bridges included, are the only way across (DESIGN.md).
 */
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { type LocalProjection, segmentsIntersect, toX, toY } from './projection';
import { SegmentIndex } from './segment-index';
import { type Areal, type RoadInput, type Scenario, polygonsOf, inScenario } from './types';

export interface Barriers {
  readonly index: SegmentIndex;
  /** Water polygons as rings of local metres [x0, y0, x1, y1, ...], for inside tests. */
  readonly waterRings: Float64Array[][];
  readonly waterBoxes: Float64Array;
}

export function buildBarriers(
  water: FeatureCollection<Areal, unknown> | undefined,
  roads: FeatureCollection<LineString | MultiLineString, RoadInput>,
  scenario: Scenario,
  proj: LocalProjection,
): Barriers {
  const segs: number[] = [];
  const waterRings: Float64Array[][] = [];
  const boxes: number[] = [];
  for (const f of water?.features ?? []) {
    if (!f.geometry) continue;
    for (const poly of polygonsOf(f.geometry)) {
      const rings = poly.map((ring) => {
        const r = new Float64Array(ring.length * 2);
        ring.forEach((c, i) => {
          r[2 * i] = toX(proj, c[0]);
          r[2 * i + 1] = toY(proj, c[1]);
        });
        for (let i = 0; i + 1 < ring.length; i++)
          segs.push(r[2 * i], r[2 * i + 1], r[2 * i + 2], r[2 * i + 3]);
        return r;
      });
      if (rings.length === 0) continue;
      waterRings.push(rings);
      const outer = rings[0];
      let minX = Infinity,
        minY = Infinity,
        maxX = -Infinity,
        maxY = -Infinity;
      for (let i = 0; i < outer.length; i += 2) {
        minX = Math.min(minX, outer[i]);
        maxX = Math.max(maxX, outer[i]);
        minY = Math.min(minY, outer[i + 1]);
        maxY = Math.max(maxY, outer[i + 1]);
      }
      boxes.push(minX, minY, maxX, maxY);
    }
  }
  for (const f of roads.features) {
    const p = f.properties;
    if (!p || p.walkable || !inScenario(p, scenario) || !f.geometry) continue;
    const parts = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const part of parts) {
      for (let i = 0; i + 1 < part.length; i++) {
        segs.push(
          toX(proj, part[i][0]),
          toY(proj, part[i][1]),
          toX(proj, part[i + 1][0]),
          toY(proj, part[i + 1][1]),
        );
      }
    }
  }
  return {
    index: new SegmentIndex(new Float64Array(segs), 100),
    waterRings,
    waterBoxes: new Float64Array(boxes),
  };
}

/** True when the straight leg a→b crosses a barrier line or runs inside water. */
export function legBlocked(b: Barriers, ax: number, ay: number, bx: number, by: number): boolean {
  const c = b.index.coords;
  const hit = b.index.someNear(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (i) =>
    segmentsIntersect(ax, ay, bx, by, c[4 * i], c[4 * i + 1], c[4 * i + 2], c[4 * i + 3]),
  );
  // A leg that crosses no shoreline is wholly inside or outside water: test its midpoint.
  return hit || inWater(b, (ax + bx) / 2, (ay + by) / 2);
}

/** True when the point (local metres) lies in water (inside an outer ring and outside its holes). */
export function inWater(b: Barriers, x: number, y: number): boolean {
  const boxes = b.waterBoxes;
  for (let w = 0; w < b.waterRings.length; w++) {
    if (x < boxes[4 * w] || y < boxes[4 * w + 1] || x > boxes[4 * w + 2] || y > boxes[4 * w + 3]) continue;
    let inside = false;
    for (const ring of b.waterRings[w]) if (pointInRing(ring, x, y)) inside = !inside;
    if (inside) return true;
  }
  return false;
}

/** Even-odd ray test against one ring [x0, y0, x1, y1, ...]. */
export function pointInRing(r: Float64Array, x: number, y: number): boolean {
  let inside = false;
  const n = r.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = r[2 * i],
      yi = r[2 * i + 1],
      xj = r[2 * j],
      yj = r[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
