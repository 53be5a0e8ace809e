/**
 * Candidate sites: the centres of parks that could be built. A grid of points about `spacingM`
 * apart over the study area, kept where the land can take a park (land-mask.ts: the centre free,
 * at most MAX_BLOCKED_SHARE of the park's cells blocked) and a walkable road lies within the
 * off-network limit (the cell has a link to the network). Points inside land the user marks as
 * available are kept even on blocked land use (but never on water or existing green).
 */
import { pointInRing } from '../coverage/barriers';
import { type GridSpec, cellAt, cellX, cellY } from '../coverage/grid-spec';
import type { CellLinks } from '../coverage/cell-links';
import { toLat, toLng, toX, toY } from '../coverage/projection';
import { MAX_BLOCKED_SHARE } from './constants';
import { LAND_FREE, LAND_GREEN, LAND_WATER } from './land-mask';

export interface Candidate {
  /** Cell of the access grid holding the centre. */
  cell: number;
  x: number;
  y: number;
  lng: number;
  lat: number;
  available: boolean;
}

export function candidateSites(
  grid: GridSpec,
  links: CellLinks,
  mask: Uint8Array,
  areaM2: number,
  spacingM: number,
  availableLand: readonly number[][][] = [],
): Candidate[] {
  const radius = Math.sqrt(areaM2 / Math.PI);
  const step = Math.max(1, Math.round(spacingM / grid.cellM));
  const available = availableLand.map((ring) => localRing(grid, ring));
  const inAvailable = (x: number, y: number) => available.some((r) => pointInRing(r, x, y));
  const hasRoad = (c: number) => links.start[c + 1] > links.start[c];
  const out: Candidate[] = [];
  const seen = new Set<number>();
  const push = (c: number, avail: boolean) => {
    if (seen.has(c)) return;
    seen.add(c);
    const x = cellX(grid, c % grid.cols),
      y = cellY(grid, Math.floor(c / grid.cols));
    out.push({ cell: c, x, y, lng: toLng(grid.proj, x), lat: toLat(grid.proj, y), available: avail });
  };
  // Offset the grid by half a step so the points sit inside blocks rather than on the grid's edge.
  const off = Math.floor(step / 2);
  for (let j = off; j < grid.rows; j += step) {
    for (let i = off; i < grid.cols; i += step) {
      const c = j * grid.cols + i;
      if (!hasRoad(c)) continue;
      const x = cellX(grid, i),
        y = cellY(grid, j);
      const avail = available.length > 0 && inAvailable(x, y);
      if (fits(grid, mask, c, radius, avail)) push(c, avail);
    }
  }
  // Small available areas the grid misses still get one candidate, at their centre.
  availableLand.forEach((ring) => {
    const c = interiorCell(grid, ring);
    if (c >= 0 && hasRoad(c) && fits(grid, mask, c, radius, true)) push(c, true);
  });
  return out;
}

/** The park centred on cell c can be built: centre free and few of its cells blocked (water and green always block). */
function fits(grid: GridSpec, mask: Uint8Array, c: number, radius: number, available: boolean): boolean {
  const blocks = (code: number) =>
    code !== LAND_FREE && (!available || code === LAND_WATER || code === LAND_GREEN);
  if (blocks(mask[c])) return false;
  const ci = c % grid.cols,
    cj = Math.floor(c / grid.cols);
  const reach = Math.ceil(radius / grid.cellM);
  let cells = 0,
    blocked = 0;
  for (let j = Math.max(0, cj - reach); j <= Math.min(grid.rows - 1, cj + reach); j++) {
    for (let i = Math.max(0, ci - reach); i <= Math.min(grid.cols - 1, ci + reach); i++) {
      if (Math.hypot((i - ci) * grid.cellM, (j - cj) * grid.cellM) > radius) continue;
      cells++;
      if (blocks(mask[j * grid.cols + i])) blocked++;
    }
  }
  return blocked <= MAX_BLOCKED_SHARE * cells;
}

function localRing(grid: GridSpec, ring: number[][]): Float64Array {
  const r = new Float64Array(ring.length * 2);
  ring.forEach((p, k) => {
    r[2 * k] = toX(grid.proj, p[0]);
    r[2 * k + 1] = toY(grid.proj, p[1]);
  });
  return r;
}

/** The cell at the ring's vertex centroid if that lies inside, else at its first vertex. */
function interiorCell(grid: GridSpec, ring: number[][]): number {
  const r = localRing(grid, ring);
  let sx = 0,
    sy = 0;
  const n = Math.max(1, ring.length - 1);
  for (let k = 0; k < n; k++) {
    sx += r[2 * k];
    sy += r[2 * k + 1];
  }
  const [x, y] = pointInRing(r, sx / n, sy / n) ? [sx / n, sy / n] : [r[0], r[1]];
  return cellAt(grid, x, y);
}
