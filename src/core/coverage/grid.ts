/**
 * The access grid: for every cell, the effective walk metres to the nearest green space and which
 * one. A cell's value is the best of (a) its links to the road network plus the network distance
 * from the Dijkstra field and (b) a direct off-network walk into a green space within 300 m.
 * Water cells and cells with neither are unreachable (Infinity). Divide by the speed for seconds.
 */
import type { CellLinks } from './cell-links';
import { GREEN, type NearestField, REC, greenOf } from './dijkstra';
import type { GridSpec } from './grid-spec';

/** Direct walks into green spaces: per cell the best effective metres (Infinity if none) and that green space. */
export interface DirectAccess {
  readonly dist: Float32Array;
  readonly green: Int32Array;
}

export interface AccessGrid {
  readonly spec: GridSpec;
  /** Row-major from the south-west cell, effective metres; Infinity where unreachable. */
  readonly dist: Float32Array;
  /** Index of the nearest green space in the source set's greens; -1 where unreachable. */
  readonly green: Int32Array;
}

export function fillAccessGrid(
  spec: GridSpec,
  links: CellLinks,
  field: NearestField,
  direct: DirectAccess,
): AccessGrid {
  const n = spec.cols * spec.rows;
  const dist = new Float32Array(n);
  const green = new Int32Array(n);
  // fillCell's rule, inlined: the app's full recompute runs this over every cell (95,370 in the
  // zone), often before the JIT has inlined a call per cell.
  const { start, node, offset, water } = links;
  const fd = field.dist,
    fr = field.rec;
  const dd = direct.dist,
    dg = direct.green;
  for (let c = 0; c < n; c++) {
    if (water[c]) {
      dist[c] = Infinity;
      green[c] = -1;
      continue;
    }
    let best = dd[c];
    let g = dg[c];
    for (let i = start[c], end = start[c + 1]; i < end; i++) {
      const d = fd[node[i]] + offset[i];
      if (d < best) {
        best = d;
        g = fr[REC * node[i] + GREEN];
      }
    }
    dist[c] = best;
    green[c] = best === Infinity ? -1 : g;
  }
  return { spec, dist, green };
}

/**
 * The effective metres of `cells` alone (value k for cells[k]), as fillAccessGrid would give them:
 * a drag frame repaints and recounts these without copying the whole grid.
 */
export function accessValues(
  links: CellLinks,
  field: NearestField,
  direct: DirectAccess,
  cells: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(cells.length);
  const { start, node, offset, water } = links;
  const fd = field.dist;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (water[c]) {
      out[k] = Infinity;
      continue;
    }
    let best = direct.dist[c];
    for (let i = start[c], end = start[c + 1]; i < end; i++) {
      const d = fd[node[i]] + offset[i];
      if (d < best) best = d;
    }
    out[k] = best;
  }
  return out;
}

/**
 * A copy of `base` with only `cells` recomputed from a lowered field and direct walks (a what-if):
 * equal to fillAccessGrid when `cells` holds every cell whose links or direct walk improved.
 */
export function updateAccessGrid(
  base: AccessGrid,
  links: CellLinks,
  field: NearestField,
  direct: DirectAccess,
  cells: ArrayLike<number>,
): AccessGrid {
  const grid: AccessGrid = { spec: base.spec, dist: base.dist.slice(), green: base.green.slice() };
  for (let k = 0; k < cells.length; k++) fillCell(grid, links, field, direct, cells[k]);
  return grid;
}

function fillCell(
  grid: AccessGrid,
  links: CellLinks,
  field: NearestField,
  direct: DirectAccess,
  c: number,
): void {
  if (links.water[c]) {
    grid.dist[c] = Infinity;
    grid.green[c] = -1;
    return;
  }
  const { start, node, offset } = links;
  const fd = field.dist;
  let best = direct.dist[c];
  let g = direct.green[c];
  for (let k = start[c], end = start[c + 1]; k < end; k++) {
    const v = node[k];
    const d = fd[v] + offset[k];
    if (d < best) {
      best = d;
      g = greenOf(field, v);
    }
  }
  grid.dist[c] = best;
  grid.green[c] = best === Infinity ? -1 : g;
}
