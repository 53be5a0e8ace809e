import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { labelPoint, labelPoints, poleOfInaccessibility } from '../../../src/core/geo/label-point';

const M_PER_DEG = 111_320;
const rect = (x: number, y: number, w: number, h: number): Position[] => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
  [x, y],
];

/** Metres from a point to a polygon's nearest edge (plane at the point's latitude). */
function edgeMetres(p: Position, rings: Position[][]): number {
  const kx = Math.cos((p[1] * Math.PI) / 180);
  let min = Infinity;
  for (const r of rings)
    for (let i = 1; i < r.length; i++) {
      const [ax, ay] = [(r[i - 1][0] - p[0]) * kx, r[i - 1][1] - p[1]];
      const [bx, by] = [(r[i][0] - p[0]) * kx, r[i][1] - p[1]];
      const dx = bx - ax,
        dy = by - ay;
      const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
      min = Math.min(min, Math.hypot(ax + dx * t, ay + dy * t));
    }
  return min * M_PER_DEG;
}

/** The best inside point of a 60×60 grid over the polygon's extent: a brute-force oracle. */
function bruteForce(rings: Position[][]): number {
  const xs = rings[0].map((c) => c[0]);
  const ys = rings[0].map((c) => c[1]);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best = 0;
  for (let i = 0; i <= 60; i++)
    for (let j = 0; j <= 60; j++) {
      const p = [w + ((e - w) * i) / 60, s + ((n - s) * j) / 60];
      if (booleanPointInPolygon(p, { type: 'Polygon', coordinates: rings }))
        best = Math.max(best, edgeMetres(p, rings));
    }
  return best;
}

describe('one label point per feature', () => {
  it('puts a rectangle’s name at its middle', () => {
    const p = poleOfInaccessibility([rect(113.5, 34.8, 0.02, 0.004)])!;
    expect(p[0]).toBeCloseTo(113.51, 3);
    expect(p[1]).toBeCloseTo(34.802, 4);
  });

  it('keeps a U-shaped park’s name inside it, where its centroid would fall outside', () => {
    // A U open to the north: two arms 100 m wide, the hollow 200 m wide.
    const d = 0.001;
    const u: Position[] = [
      [0, 0],
      [4 * d, 0],
      [4 * d, 4 * d],
      [3 * d, 4 * d],
      [3 * d, d],
      [d, d],
      [d, 4 * d],
      [0, 4 * d],
      [0, 0],
    ].map(([x, y]) => [113.5 + x, 34.8 + y]);
    const p = poleOfInaccessibility([u])!;
    expect(booleanPointInPolygon(p, { type: 'Polygon', coordinates: [u] })).toBe(true);
    expect(edgeMetres(p, [u])).toBeGreaterThanOrEqual(bruteForce([u]) - 1);
  });

  it('keeps out of a hole', () => {
    const outer = rect(113.5, 34.8, 0.01, 0.01);
    const hole = rect(113.503, 34.803, 0.004, 0.004).reverse();
    const p = poleOfInaccessibility([outer, hole])!;
    expect(booleanPointInPolygon(p, { type: 'Polygon', coordinates: [outer, hole] })).toBe(true);
    expect(edgeMetres(p, [outer, hole])).toBeGreaterThanOrEqual(bruteForce([outer, hole]) - 1);
  });

  it('labels a multi-part feature inside its largest part, a line halfway along, a point at itself', () => {
    const big = rect(113.55, 34.8, 0.01, 0.01);
    const p = labelPoint({
      type: 'MultiPolygon',
      coordinates: [[rect(113.5, 34.8, 0.001, 0.001)], [big], [rect(113.6, 34.8, 0.002, 0.002)]],
    })!;
    expect(booleanPointInPolygon(p, { type: 'Polygon', coordinates: [big] })).toBe(true);
    const mid = labelPoint({
      type: 'LineString',
      coordinates: [
        [113.5, 34.8],
        [113.5, 34.81],
        [113.5, 34.812],
      ],
    })!;
    expect(mid[0]).toBeCloseTo(113.5, 9);
    expect(mid[1]).toBeCloseTo(34.806, 9);
    expect(labelPoint({ type: 'Point', coordinates: [113.5, 34.8] })).toEqual([113.5, 34.8]);
    expect(labelPoint(null)).toBeNull();
  });

  it('gives every bundled green space one point, inside it and as far in as a brute-force search finds', () => {
    const green = JSON.parse(
      readFileSync(new URL('../../../geodata/greenery.geojson', import.meta.url), 'utf8'),
    ) as FeatureCollection<Polygon | MultiPolygon>;
    const out = labelPoints(green);
    expect(out.features.length).toBe(green.features.length);
    for (const [i, f] of out.features.entries()) {
      const src = green.features[i];
      expect(f.id).toBe(src.id);
      expect(f.properties).toBe(src.properties);
      expect(f.geometry.type).toBe('Point');
      const p = f.geometry.coordinates;
      expect(booleanPointInPolygon(p, src), String(src.properties?.name_zh)).toBe(true);
      const parts = src.geometry.type === 'Polygon' ? [src.geometry.coordinates] : src.geometry.coordinates;
      const part = parts.find((rings) => booleanPointInPolygon(p, { type: 'Polygon', coordinates: rings }))!;
      // Within 2 m of the oracle, or 1 % of a large shape's side.
      expect(edgeMetres(p, part), String(src.properties?.name_zh)).toBeGreaterThanOrEqual(
        bruteForce(part) * 0.99 - 2,
      );
    }
  });
});
