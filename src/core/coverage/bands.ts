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

/** Reused between calls (what-if dragging contours every frame); d3 keeps no reference to it. */
let valueBuffer = new Float64Array(0);

/**
 * Values at or below each limit are inside; limits and values in the same unit (effective metres).
 * `step` 2 traces a draft at half resolution (2 × 2 cells per sample, about 4× faster: for frames
 * while a what-if park is dragged); a sample is inside when any of its cells is.
 */
export function bandPolygons(
  g: GridSpec,
  dist: Float32Array,
  limits: ReadonlyArray<{ minutes: number; metres: number }>,
  step: 1 | 2 = 1,
): FeatureCollection<MultiPolygon, BandProps> {
  // d3-contour keeps values >= threshold: negate so "within the limit" is "above -limit".
  // Unreachable cells get a finite value well past the largest limit, so edges interpolate sensibly.
  const maxMetres = Math.max(1, ...limits.map((l) => l.metres));
  const far = -2 * maxMetres;
  // Contour only the box of cells within the largest limit, padded by one cell: marching squares
  // costs per cell, and most of a city is outside every band.
  let i0 = g.cols,
    j0 = g.rows,
    i1 = -1,
    j1 = -1;
  for (let j = 0; j < g.rows; j++) {
    const row = j * g.cols;
    for (let i = 0; i < g.cols; i++) {
      if (!(dist[row + i] <= maxMetres)) continue;
      if (i < i0) i0 = i;
      if (i > i1) i1 = i;
      if (j < j0) j0 = j;
      if (j > j1) j1 = j;
    }
  }
  const sorted = [...limits].sort((a, b) => b.minutes - a.minutes);
  const features: Feature<MultiPolygon, BandProps>[] = sorted.map((l) => ({
    type: 'Feature',
    properties: { minutes: l.minutes },
    geometry: { type: 'MultiPolygon', coordinates: [] },
  }));
  if (i1 < 0) return { type: 'FeatureCollection', features };
  // Pad by one cell all round: the padding stays outside every band, so rings close.
  i0 -= 1;
  j0 -= 1;
  i1 += 1;
  j1 += 1;
  const w = Math.ceil((i1 - i0 + 1) / step),
    h = Math.ceil((j1 - j0 + 1) / step);
  if (valueBuffer.length < w * h) valueBuffer = new Float64Array(w * h);
  const values = valueBuffer.subarray(0, w * h).fill(far);
  for (let j = Math.max(0, j0); j <= Math.min(g.rows - 1, j1); j++) {
    const vj = Math.floor((j - j0) / step) * w;
    for (let i = Math.max(0, i0); i <= Math.min(g.cols - 1, i1); i++) {
      const d = dist[j * g.cols + i];
      const v = d === Infinity ? far : Math.max(far, -d);
      const k = vj + Math.floor((i - i0) / step);
      if (v > values[k]) values[k] = v;
    }
  }
  const gen = contours().size([w, h]).smooth(true);
  sorted.forEach((limit, k) => {
    const geom = gen.contour(values as unknown as number[], -limit.metres);
    features[k].geometry.coordinates = toLngLat(
      g,
      geom.coordinates as Position[][][],
      i0,
      j0,
      MIN_RING_CELLS,
      step,
    );
  });
  return { type: 'FeatureCollection', features };
}

/** Polygons of the cells where mask[c] is 1, for a sub-box of the grid (used for gap outlines). */
export function maskPolygons(
  g: GridSpec,
  mask: Uint8Array,
  i0: number,
  j0: number,
  w: number,
  h: number,
): Position[][][] {
  // Pad by one cell so shapes touching the box edge close inside it.
  const pw = w + 2,
    ph = h + 2;
  const sub = new Float64Array(pw * ph);
  for (let j = 0; j < h; j++)
    for (let i = 0; i < w; i++) sub[(j + 1) * pw + i + 1] = mask[(j0 + j) * g.cols + i0 + i];
  const geom = contours()
    .size([pw, ph])
    .smooth(false)
    .contour(sub as unknown as number[], 0.5);
  return toLngLat(g, geom.coordinates as Position[][][], i0 - 1, j0 - 1, 0);
}

/** Grid units → WGS-84, dropping specks and reversing rings (d3 traces outer rings clockwise when y points north). */
function toLngLat(
  g: GridSpec,
  polys: Position[][][],
  di = 0,
  dj = 0,
  minCells = MIN_RING_CELLS,
  scale = 1,
): Position[][][] {
  const out: Position[][][] = [];
  for (const poly of polys) {
    // Areas in samples; a sample covers scale × scale cells.
    if (Math.abs(ringArea(poly[0])) * scale * scale < minCells) continue;
    const rings: Position[][] = [];
    for (const ring of poly) {
      if (rings.length > 0 && Math.abs(ringArea(ring)) * scale * scale < minCells) continue;
      const r: Position[] = new Array(ring.length);
      for (let k = 0; k < ring.length; k++) {
        const p = ring[ring.length - 1 - k];
        // Full precision on purpose: rounding to 1 cm merged the two sides of near-pinches into
        // self-touching rings (invalid) on the zone's data.
        // A sample's coordinate × scale is in cell units (cell i's centre at i + 0.5).
        r[k] = [
          toLng(g.proj, g.x0 + (p[0] * scale + di) * g.cellM),
          toLat(g.proj, g.y0 + (p[1] * scale + dj) * g.cellM),
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
  for (let k = 0, n = ring.length; k < n - 1; k++)
    a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return a / 2;
}
