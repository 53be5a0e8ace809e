/**
 * One point per feature where its name is written. MapLibre places a polygon's or a line's label
 * per tile piece, so a corridor crossing tile edges (连霍高速防护绿廊, 3 km long) was named once
 * per piece; a point is labelled once. The point is the pole of inaccessibility of the feature's
 * largest part (the spot farthest from its edges, so the name sits well inside a bent or concave
 * shape), found by the `polylabel` package (Agafonkin's search over square cells). It runs on a
 * local plane in metres (longitude scaled by cos(latitude)): at the zone's
 * size the error is far below a label's width.
 */
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import turfBbox from '@turf/bbox';

export type LngLat = [number, number];

const M_PER_DEG = 111_320;
/**
 * Stop refining when no cell can place the name farther inside by more than this: 1 m, or 1 % of
 * the shape's shorter side for a large one (a name is tens of metres wide at any zoom it shows).
 */
const precisionM = (shorterSide: number) => Math.max(1, shorterSide / 100);

/** A ring's area in squared degrees: enough to compare a feature's parts. */
function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return Math.abs(a / 2);
}

/**
 * The pole of inaccessibility of a polygon given as [lng, lat] rings (outer first, then holes).
 * @example poleOfInaccessibility([[[113.5, 34.8], [113.51, 34.8], [113.51, 34.81], [113.5, 34.81], [113.5, 34.8]]])
 */
export function poleOfInaccessibility(rings: readonly (readonly Position[])[]): LngLat | null {
  const outer = rings[0];
  if (!outer || outer.length < 3) return null;
  const [w, s, e, n] = turfBbox({ type: 'LineString', coordinates: outer as Position[] });
  // A local plane in metres around the polygon's south-west corner.
  const kx = M_PER_DEG * Math.cos((((s + n) / 2) * Math.PI) / 180);
  const ky = M_PER_DEG;
  const plane = rings.map((r) => r.map(([x, y]): [number, number] => [(x - w) * kx, (y - s) * ky]));
  const width = (e - w) * kx;
  const height = (n - s) * ky;
  const size = Math.min(width, height);
  const back = (x: number, y: number): LngLat => [w + x / kx, s + y / ky];
  if (size === 0) return back(width / 2, height / 2);

  const [x, y] = polylabel(plane, precisionM(size));
  return back(x, y);
}

/** The point halfway along a line, by length on the local plane. */
function midLine(line: readonly Position[]): LngLat | null {
  if (line.length === 0) return null;
  const kx = Math.cos((line[0][1] * Math.PI) / 180);
  const seg = (i: number) => Math.hypot((line[i][0] - line[i - 1][0]) * kx, line[i][1] - line[i - 1][1]);
  let total = 0;
  for (let i = 1; i < line.length; i++) total += seg(i);
  let left = total / 2;
  for (let i = 1; i < line.length; i++) {
    const d = seg(i);
    if (d >= left && d > 0) {
      const t = left / d;
      return [
        line[i - 1][0] + (line[i][0] - line[i - 1][0]) * t,
        line[i - 1][1] + (line[i][1] - line[i - 1][1]) * t,
      ];
    }
    left -= d;
  }
  return [line[0][0], line[0][1]];
}

/**
 * Where a feature's one label goes: inside its largest polygon part (pole of inaccessibility),
 * halfway along its longest line, or at its point; null for no geometry.
 */
export function labelPoint(g: Geometry | null): LngLat | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return [g.coordinates[0], g.coordinates[1]];
    case 'MultiPoint':
      return g.coordinates[0] ? [g.coordinates[0][0], g.coordinates[0][1]] : null;
    case 'Polygon':
      return poleOfInaccessibility(g.coordinates);
    case 'MultiPolygon': {
      let best = g.coordinates[0];
      for (const p of g.coordinates) if (p[0] && ringArea(p[0]) > ringArea(best?.[0] ?? [])) best = p;
      return best ? poleOfInaccessibility(best) : null;
    }
    case 'LineString':
      return midLine(g.coordinates);
    case 'MultiLineString': {
      const len = (l: Position[]) =>
        l.reduce((a, p, i) => (i ? a + Math.hypot(p[0] - l[i - 1][0], p[1] - l[i - 1][1]) : 0), 0);
      let best = g.coordinates[0];
      for (const l of g.coordinates) if (len(l) > len(best ?? [])) best = l;
      return best ? midLine(best) : null;
    }
    case 'GeometryCollection': {
      for (const x of g.geometries) {
        const p = labelPoint(x);
        if (p) return p;
      }
      return null;
    }
  }
}

/**
 * The collection as one labelled point per feature (same id and properties); features with no
 * geometry are left out.
 */
export function labelPoints(fc: FeatureCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of fc.features) {
    const p = labelPoint(f.geometry);
    if (p) features.push({ ...f, geometry: { type: 'Point', coordinates: p } });
  }
  return { type: 'FeatureCollection', features };
}
