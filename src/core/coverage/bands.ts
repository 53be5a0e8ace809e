/**
 * Walk-time bands (e.g. within 5, 10, 15 minutes) as polygons for display, traced from the access
 * grid with d3-contour (marching squares). d3-contour was chosen over @turf/isobands because it is
 * about ten times faster on a city grid (DESIGN.md: ~16 ms vs ~140 ms on 60k cells) and the full
 * recompute must stay within 50 ms. Statistics are computed on the cells, never on these polygons.
 *
 * Bands are nested: the 15-minute polygon contains the 10-minute one. Output is WGS-84 with
 * counter-clockwise outer rings (RFC 7946); rings smaller than MIN_RING_CELLS cells are dropped so
 * lone cells do not show as specks (the cells still count in the statistics).
 */
import { contours } from 'd3-contour';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { GridSpec } from './grid-spec';
import { toLat, toLng } from './projection';

/** Rings covering less than this many cells are not drawn. */
export const MIN_RING_CELLS = 1;

export interface BandProps {
  /** The band's limit in minutes: the polygon holds the places within that many minutes' walk. */
  minutes: number;
}

/** Values at or below each limit are inside; limits and values in the same unit (effective metres). */
export function bandPolygons(
  g: GridSpec,
  dist: Float32Array,
  limits: ReadonlyArray<{ minutes: number; metres: number }>,
): FeatureCollection<MultiPolygon, BandProps> {
  // d3-contour keeps values >= threshold: negate so "within the limit" is "above -limit".
  // Unreachable cells get a finite value well past the largest limit, so edges interpolate sensibly.
  const far = -2 * Math.max(1, ...limits.map((l) => l.metres));
  const values = new Float64Array(dist.length);
  for (let c = 0; c < dist.length; c++) values[c] = dist[c] === Infinity ? far : Math.max(far, -dist[c]);
  const gen = contours().size([g.cols, g.rows]).smooth(true);
  const features: Feature<MultiPolygon, BandProps>[] = [];
  const sorted = [...limits].sort((a, b) => b.minutes - a.minutes);
  for (const limit of sorted) {
    const geom = gen.contour(values as unknown as number[], -limit.metres);
    features.push({
      type: 'Feature',
      properties: { minutes: limit.minutes },
      geometry: { type: 'MultiPolygon', coordinates: toLngLat(g, geom.coordinates as Position[][][]) },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Polygons of the cells where mask[c] is 1, for a sub-box of the grid (used for gap outlines). */
export function maskPolygons(g: GridSpec, mask: Uint8Array, i0: number, j0: number, w: number, h: number): Position[][][] {
  // Pad by one cell so shapes touching the box edge close inside it.
  const pw = w + 2, ph = h + 2;
  const sub = new Float64Array(pw * ph);
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) sub[(j + 1) * pw + i + 1] = mask[(j0 + j) * g.cols + i0 + i];
  const geom = contours().size([pw, ph]).smooth(false).contour(sub as unknown as number[], 0.5);
  return toLngLat(g, geom.coordinates as Position[][][], i0 - 1, j0 - 1);
}

/** Grid units → WGS-84, dropping specks and reversing rings (d3 traces outer rings clockwise when y points north). */
function toLngLat(g: GridSpec, polys: Position[][][], di = 0, dj = 0): Position[][][] {
  const out: Position[][][] = [];
  for (const poly of polys) {
    if (Math.abs(ringArea(poly[0])) < MIN_RING_CELLS) continue;
    const rings: Position[][] = [];
    for (const ring of poly) {
      if (rings.length > 0 && Math.abs(ringArea(ring)) < MIN_RING_CELLS) continue;
      const r: Position[] = new Array(ring.length);
      for (let k = 0; k < ring.length; k++) {
        const p = ring[ring.length - 1 - k];
        r[k] = [
          round7(toLng(g.proj, g.x0 + (p[0] + di) * g.cellM)),
          round7(toLat(g.proj, g.y0 + (p[1] + dj) * g.cellM)),
        ];
      }
      rings.push(r);
    }
    out.push(rings);
  }
  return out;
}

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let k = 0, n = ring.length; k < n - 1; k++) a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return a / 2;
}

/** 1e-7° ≈ 1 cm: smaller GeoJSON, no visible change. */
const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;
