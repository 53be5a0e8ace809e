/**
 * The access grid: for every cell, the effective walk metres to the nearest green space and which
 * one. A cell's value is the best of (a) its links to the road network plus the network distance
 * from the Dijkstra field and (b) a direct off-network walk into a green space within 300 m.
 * Water cells and cells with neither are unreachable (Infinity). Divide by the speed for seconds.
 */
import type { CellLinks } from './cell-links';
import { GREEN, type NearestField, REC } from './dijkstra';
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
  fillValues(links, field, direct, dist, green);
  return { spec, dist, green };
}

/**
 * The access rule (see the top of this file) for many cells: dist[k] and green[k] for cell cells[k],
 * or for cell k when `cells` is omitted (every cell). Every access value in the engine comes from
 * here: the full grid, a what-if's changed cells, a drag frame, the residential cells of statistics.
 * One loop with no call per cell: a cold worker runs it before the JIT has inlined anything.
 */
export function fillValues(
  links: CellLinks,
  field: NearestField,
  direct: DirectAccess,
  dist: Float32Array,
  green: Int32Array,
  cells?: ArrayLike<number>,
): void {
  const { start, node, offset, water } = links;
  const fd = field.dist,
    fr = field.rec;
  const dd = direct.dist,
    dg = direct.green;
  const count = cells ? cells.length : dist.length;
  for (let k = 0; k < count; k++) {
    const c = cells ? cells[k] : k;
    if (water[c]) {
      dist[k] = Infinity;
      green[k] = -1;
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
    dist[k] = best;
    green[k] = best === Infinity ? -1 : g;
  }
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
  fillValues(links, field, direct, out, new Int32Array(cells.length), cells);
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
  const dist = new Float32Array(cells.length);
  const green = new Int32Array(cells.length);
  fillValues(links, field, direct, dist, green, cells);
  const grid: AccessGrid = { spec: base.spec, dist: base.dist.slice(), green: base.green.slice() };
  for (let k = 0; k < cells.length; k++) {
    grid.dist[cells[k]] = dist[k];
    grid.green[cells[k]] = green[k];
  }
  return grid;
}
