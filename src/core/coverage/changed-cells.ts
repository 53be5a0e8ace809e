/**
 * Which grid cells a what-if can change: the cells linked to a node whose distance it lowered, and
 * the cells a new green space can be walked into directly. Found through a node → cells index (the
 * cell links reversed), built once per scenario model.
 */
import type { CellLinks } from './cell-links';
import type { NearestField } from './dijkstra';
import type { PreparedGreen } from './model';

export interface CellsOfNode {
  /** The cells linked to node u are cell[start[u]] .. cell[start[u+1]-1]. */
  start: Int32Array;
  cell: Int32Array;
}

const reverseCache = new WeakMap<CellLinks, CellsOfNode>();

export function cellsOfNode(links: CellLinks, nodeCount: number): CellsOfNode {
  let r = reverseCache.get(links);
  if (r) return r;
  const start = new Int32Array(nodeCount + 1);
  const cells = links.start.length - 1;
  for (let k = 0; k < links.node.length; k++) start[links.node[k] + 1]++;
  for (let u = 0; u < nodeCount; u++) start[u + 1] += start[u];
  const fill = start.slice(0, nodeCount);
  const cell = new Int32Array(links.node.length);
  for (let c = 0; c < cells; c++)
    for (let k = links.start[c], end = links.start[c + 1]; k < end; k++) cell[fill[links.node[k]]++] = c;
  r = { start, cell };
  reverseCache.set(links, r);
  return r;
}

/** The cells that may differ between a base set and the same set extended by `added` green spaces. */
export function changedCells(
  links: CellLinks,
  base: NearestField,
  extended: NearestField,
  added: readonly PreparedGreen[],
): Int32Array {
  const n = base.dist.length;
  const rev = cellsOfNode(links, n);
  const cells = links.start.length - 1;
  const seen = new Uint8Array(cells);
  const out: number[] = [];
  const mark = (c: number) => {
    if (seen[c]) return;
    seen[c] = 1;
    out.push(c);
  };
  for (let u = 0; u < n; u++) {
    if (!(extended.dist[u] < base.dist[u])) continue;
    for (let k = rev.start[u], end = rev.start[u + 1]; k < end; k++) mark(rev.cell[k]);
  }
  for (const g of added)
    for (let k = 0; k < g.field.cells.length; k++) if (g.directOk[k]) mark(g.field.cells[k]);
  return Int32Array.from(out);
}
