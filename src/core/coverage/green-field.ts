/**
 * For one green space: the grid cells within `maxM` metres of it, each with its straight-line
 * distance to the green space (0 inside) and the nearest point of the green space. This serves both
 * the straight-line service-radius method and the direct off-network walk from a cell into a park.
 * Computed segment by segment (only the cells near each boundary segment are visited).
 */
import { type GridSpec, cellX, cellY, rasterize, scanNearSegment } from './grid-spec';

export interface GreenField {
  /** Cells within reach, with distance (metres) and the nearest point of the green space (local metres). */
  readonly cells: Int32Array;
  readonly dist: Float32Array;
  readonly nearX: Float64Array;
  readonly nearY: Float64Array;
}

/** Per-grid scratch buffers, reused across green spaces (sized to the grid on first use). */
interface Scratch {
  best: Float32Array;
  nx: Float64Array;
  ny: Float64Array;
  touched: Int32Array;
}
const scratchByGrid = new WeakMap<GridSpec, Scratch>();

export function greenField(g: GridSpec, polys: Float64Array[][], maxM: number): GreenField {
  const n = g.cols * g.rows;
  let s = scratchByGrid.get(g);
  if (!s) {
    s = {
      best: new Float32Array(n).fill(Infinity),
      nx: new Float64Array(n),
      ny: new Float64Array(n),
      touched: new Int32Array(n),
    };
    scratchByGrid.set(g, s);
  }
  const { best, nx, ny, touched } = s;
  let count = 0;
  for (const rings of polys) {
    for (const r of rings) {
      for (let k = 0; k + 3 < r.length; k += 2) {
        const sx = r[k],
          sy = r[k + 1],
          ex = r[k + 2],
          ey = r[k + 3];
        scanNearSegment(g, sx, sy, ex, ey, maxM, (c, _x, _y, d2, t) => {
          const d = Math.sqrt(d2);
          if (best[c] === Infinity) touched[count++] = c;
          if (d < best[c]) {
            best[c] = d;
            nx[c] = sx + t * (ex - sx);
            ny[c] = sy + t * (ey - sy);
          }
        });
      }
    }
  }
  rasterize(g, polys, (c) => {
    if (best[c] === Infinity) touched[count++] = c;
    best[c] = 0;
    nx[c] = cellX(g, c % g.cols);
    ny[c] = cellY(g, Math.floor(c / g.cols));
  });
  const out: GreenField = {
    cells: touched.slice(0, count),
    dist: new Float32Array(count),
    nearX: new Float64Array(count),
    nearY: new Float64Array(count),
  };
  for (let k = 0; k < count; k++) {
    const c = out.cells[k];
    out.dist[k] = best[c];
    out.nearX[k] = nx[c];
    out.nearY[k] = ny[c];
    best[c] = Infinity;
  }
  return out;
}
