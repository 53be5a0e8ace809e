/**
 * The access grid: for every cell, the effective walk metres to the nearest green space and which
 * one. A cell's value is the best of (a) its links to the road network plus the network distance
 * from the Dijkstra field and (b) a direct off-network walk into a green space within 300 m.
 * Water cells and cells with neither are unreachable (Infinity). Divide by the speed for seconds.
 */
import type { CellLinks } from './cell-links';
import type { NearestField } from './dijkstra';
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
  const { start, node, offset, water } = links;
  const fd = field.dist;
  const fg = field.green;
  for (let c = 0; c < n; c++) {
    if (water[c]) {
      dist[c] = Infinity;
      green[c] = -1;
      continue;
    }
    let best = direct.dist[c];
    let g = direct.green[c];
    for (let k = start[c], end = start[c + 1]; k < end; k++) {
      const v = node[k];
      const d = fd[v] + offset[k];
      if (d < best) {
        best = d;
        g = fg[v];
      }
    }
    dist[c] = best;
    green[c] = best === Infinity ? -1 : g;
  }
  return { spec, dist, green };
}
