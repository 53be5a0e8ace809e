/**
 * The access grid's geometry: square metric cells over a box, row 0 in the south, column 0 in the west.
 * Cell (i, j) has index j * cols + i and its centre at x0 + (i + 0.5) * cellM, y0 + (j + 0.5) * cellM.
 */
import { type LocalProjection, segmentProjection, toLat, toLng, toX, toY } from './projection';
import { pointInRing } from './barriers';
import { type Areal, polygonsOf } from './types';

export interface GridSpec {
  readonly proj: LocalProjection;
  readonly cellM: number;
  readonly cols: number;
  readonly rows: number;
  /** South-west corner, local metres. */
  readonly x0: number;
  readonly y0: number;
}

/** A grid covering the box [west, south, east, north] (degrees) with cells of cellM metres. */
export function makeGrid(proj: LocalProjection, bbox: readonly number[], cellM: number): GridSpec {
  if (!(cellM >= 5)) throw new Error(`Grid cell size must be at least 5 m, got ${cellM}.`);
  const x0 = toX(proj, bbox[0]);
  const y0 = toY(proj, bbox[1]);
  const cols = Math.max(1, Math.ceil((toX(proj, bbox[2]) - x0) / cellM));
  const rows = Math.max(1, Math.ceil((toY(proj, bbox[3]) - y0) / cellM));
  if (cols * rows > 4_000_000)
    throw new Error(`Grid of ${cols}×${rows} cells is too large: use a larger cell size.`);
  return { proj, cellM, cols, rows, x0, y0 };
}

export const cellX = (g: GridSpec, i: number): number => g.x0 + (i + 0.5) * g.cellM;
export const cellY = (g: GridSpec, j: number): number => g.y0 + (j + 0.5) * g.cellM;
export const cellLng = (g: GridSpec, c: number): number => toLng(g.proj, cellX(g, c % g.cols));
export const cellLat = (g: GridSpec, c: number): number => toLat(g.proj, cellY(g, Math.floor(c / g.cols)));

/** The cell containing local point (x, y), or -1 outside the grid. */
export function cellAt(g: GridSpec, x: number, y: number): number {
  const i = Math.floor((x - g.x0) / g.cellM);
  const j = Math.floor((y - g.y0) / g.cellM);
  return i < 0 || j < 0 || i >= g.cols || j >= g.rows ? -1 : j * g.cols + i;
}

/** Rings of an areal geometry in local metres: polygons → rings → [x0, y0, x1, y1, ...]. */
export function localRings(proj: LocalProjection, geom: Areal): Float64Array[][] {
  return polygonsOf(geom).map((poly) =>
    poly.map((ring) => {
      const r = new Float64Array(ring.length * 2);
      ring.forEach((c, k) => {
        r[2 * k] = toX(proj, c[0]);
        r[2 * k + 1] = toY(proj, c[1]);
      });
      return r;
    }),
  );
}

/**
 * Calls visit(cell) for every cell whose centre lies inside the polygons (even-odd within each
 * polygon, so holes are excluded). Scans only the rows and columns of the polygon's box.
 */
export function rasterize(g: GridSpec, polys: Float64Array[][], visit: (cell: number) => void): void {
  for (const rings of polys) {
    const outer = rings[0];
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (let k = 0; k < outer.length; k += 2) {
      minX = Math.min(minX, outer[k]);
      maxX = Math.max(maxX, outer[k]);
      minY = Math.min(minY, outer[k + 1]);
      maxY = Math.max(maxY, outer[k + 1]);
    }
    const i0 = Math.max(0, Math.ceil((minX - g.x0) / g.cellM - 0.5));
    const i1 = Math.min(g.cols - 1, Math.floor((maxX - g.x0) / g.cellM - 0.5));
    const j0 = Math.max(0, Math.ceil((minY - g.y0) / g.cellM - 0.5));
    const j1 = Math.min(g.rows - 1, Math.floor((maxY - g.y0) / g.cellM - 0.5));
    for (let j = j0; j <= j1; j++) {
      const y = cellY(g, j);
      for (let i = i0; i <= i1; i++) {
        const x = cellX(g, i);
        let inside = false;
        for (const r of rings) if (pointInRing(r, x, y)) inside = !inside;
        if (inside) visit(j * g.cols + i);
      }
    }
  }
}

/** Long segments are scanned in pieces of at most this length, so only the cells near them are visited, not their whole box. */
const SCAN_PIECE_M = 100;

/**
 * Calls visit(cell, x, y, d2, t) for every cell whose centre (x, y) lies within maxM of the segment
 * (sx, sy)-(ex, ey): d2 is the squared distance and t the position of the nearest point along the
 * whole segment (0 at its start, 1 at its end). A cell near two pieces is visited twice.
 */
export function scanNearSegment(
  g: GridSpec,
  sx: number,
  sy: number,
  ex: number,
  ey: number,
  maxM: number,
  visit: (cell: number, x: number, y: number, d2: number, t: number) => void,
): void {
  const r2 = maxM * maxM;
  const pieces = Math.max(1, Math.ceil(Math.hypot(ex - sx, ey - sy) / SCAN_PIECE_M));
  for (let piece = 0; piece < pieces; piece++) {
    const t0 = piece / pieces,
      t1 = (piece + 1) / pieces;
    const ax = sx + (ex - sx) * t0,
      ay = sy + (ey - sy) * t0,
      bx = sx + (ex - sx) * t1,
      by = sy + (ey - sy) * t1;
    const i0 = Math.max(0, Math.ceil((Math.min(ax, bx) - maxM - g.x0) / g.cellM - 0.5));
    const i1 = Math.min(g.cols - 1, Math.floor((Math.max(ax, bx) + maxM - g.x0) / g.cellM - 0.5));
    const j0 = Math.max(0, Math.ceil((Math.min(ay, by) - maxM - g.y0) / g.cellM - 0.5));
    const j1 = Math.min(g.rows - 1, Math.floor((Math.max(ay, by) + maxM - g.y0) / g.cellM - 0.5));
    for (let j = j0; j <= j1; j++) {
      const y = cellY(g, j);
      for (let i = i0; i <= i1; i++) {
        const x = cellX(g, i);
        const pr = segmentProjection(x, y, ax, ay, bx, by);
        if (pr.d2 <= r2) visit(j * g.cols + i, x, y, pr.d2, t0 + pr.t * (t1 - t0));
      }
    }
  }
}
