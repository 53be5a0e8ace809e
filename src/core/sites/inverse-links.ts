/**
 * The grid's links to the network turned around: for each node, the populated cells that join the
 * network through it and at what offset (effective metres). A park's gain then visits only the
 * nodes it improves and their cells, never the whole grid.
 */
import type { CellLinks } from '../coverage/cell-links';

export interface InverseLinks {
  /** The cells of node v are start[v] .. start[v+1]-1 of cell/offset. */
  readonly start: Int32Array;
  readonly cell: Int32Array;
  readonly offset: Float32Array;
}

const cache = new WeakMap<CellLinks, WeakMap<Float32Array, InverseLinks>>();

/** Inverse links of the cells with people (pop > 0); cached per links and population raster. */
export function inverseLinks(links: CellLinks, nodeCount: number, pop: Float32Array): InverseLinks {
  let byPop = cache.get(links);
  if (!byPop) cache.set(links, (byPop = new WeakMap()));
  let inv = byPop.get(pop);
  if (!inv) {
    inv = build(links, nodeCount, pop);
    byPop.set(pop, inv);
  }
  return inv;
}

function build(links: CellLinks, nodeCount: number, pop: Float32Array): InverseLinks {
  const cells = links.start.length - 1;
  const start = new Int32Array(nodeCount + 1);
  for (let c = 0; c < cells; c++) {
    if (!(pop[c] > 0)) continue;
    for (let k = links.start[c]; k < links.start[c + 1]; k++) start[links.node[k] + 1]++;
  }
  for (let v = 0; v < nodeCount; v++) start[v + 1] += start[v];
  const fill = start.slice(0, nodeCount);
  const cell = new Int32Array(start[nodeCount]);
  const offset = new Float32Array(start[nodeCount]);
  for (let c = 0; c < cells; c++) {
    if (!(pop[c] > 0)) continue;
    for (let k = links.start[c]; k < links.start[c + 1]; k++) {
      const at = fill[links.node[k]]++;
      cell[at] = c;
      offset[at] = links.offset[k];
    }
  }
  return { start, cell, offset };
}
