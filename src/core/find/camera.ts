/**
 * Where the residents' feature wants the camera: the state asks (src/state/find.svelte.ts), the
 * map binding moves it (src/map/find-binding.ts). A new `seq` asks again for the same view.
 */
import type { Geometry } from 'geojson';
import { labelPoint, type LngLat } from '../geo/label-point';

export interface FindCamera {
  seq: number;
  /** Fit these bounds ([west, south], [east, north]) ... */
  bounds?: [LngLat, LngLat];
  /** ... or fly to this point, never zooming out past `minZoom`. */
  center?: LngLat;
  minZoom?: number;
  maxZoom: number;
  /** How long the flight takes, ms (a jump instead under reduced motion). */
  ms: number;
}

/** Parks larger than this across (metres) are not framed whole: their label sits near the route anyway. */
const COMPACT_PARK_M = 900;

/**
 * Where the map writes a park's name (its one label point, ../geo/label-point.ts), for the compact
 * parks only, so that framing the answer keeps each park's name on screen and not cut at the
 * edge. A long corridor is skipped: framing it whole would zoom far out.
 * @param g the park's geometry, [lng, lat]
 */
export function parkLabelPoint(g: Geometry | null): LngLat | null {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const ring of rings)
    for (const [x, y] of ring ?? []) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  if (!(w <= e)) return null;
  const mPerDeg = 111_320;
  const across = Math.hypot((e - w) * mPerDeg * Math.cos((((s + n) / 2) * Math.PI) / 180), (n - s) * mPerDeg);
  return across <= COMPACT_PARK_M ? labelPoint(g) : null;
}
