/**
 * What statistics and gaps read of a source set: the access values of the residential cells alone
 * (the zone's 10,394 of 95,370 cells), filled straight from the search field and counted at once.
 * Each value equals the access grid's (grid.ts), so the figures equal those of a full grid; a result
 * needs no full grid (only the image and the band polygons do).
 */
import type { CellLinks } from './cell-links';
import type { NearestField } from './dijkstra';
import { type AccessGrid, type DirectAccess, fillValues } from './grid';
import type { ResidentialRaster } from './residential';
import { type BandStat, bandStats } from './stats';

export interface ResidentialAccess {
  /** The cells with residential land or people, ascending (residentialCells). */
  readonly cells: Int32Array;
  /** Effective metres of cells[k] at k, as the grid holds them (Float32); Infinity where unreachable. */
  readonly dist: Float32Array;
  /** The nearest green space of cells[k] (index in the source set's greens); -1 where unreachable. */
  readonly green: Int32Array;
}

/** Band statistics of the residential cells, and the people whose nearest green space is a guess. */
export interface ResidentialCounts {
  bands: BandStat[];
  unreachablePopulation: number;
  /** People whose nearest green space is flagged in `illustrative` (any distance). */
  illustrativePopulation: number;
}

const cellsCache = new WeakMap<ResidentialRaster, Int32Array>();

/** The cells with residential land or people, ascending (cached per raster). */
export function residentialCells(res: ResidentialRaster): Int32Array {
  let cells = cellsCache.get(res);
  if (!cells) {
    let n = 0;
    for (let c = 0; c < res.area.length; c++) if (res.area[c] > 0 || res.pop[c] > 0) n++;
    cells = new Int32Array(n);
    n = 0;
    for (let c = 0; c < res.area.length; c++) if (res.area[c] > 0 || res.pop[c] > 0) cells[n++] = c;
    cellsCache.set(res, cells);
  }
  return cells;
}

/**
 * Fills the residential cells' values from a search field and direct walks (grid.ts's rule) and
 * counts them. `illustrative[g]` is 1 for a green space whose people count as resting on an
 * illustrative one (not for what-ifs). Two plain loops over the residential cells, no call per
 * cell: a cold worker runs them before the JIT has inlined anything.
 */
export function residentialAccess(
  links: CellLinks,
  field: NearestField,
  direct: DirectAccess,
  res: ResidentialRaster,
  limits: ReadonlyArray<{ minutes: number; metres: number }>,
  illustrative: Uint8Array,
): { access: ResidentialAccess; counts: ResidentialCounts } {
  const cells = residentialCells(res);
  const dist = new Float32Array(cells.length);
  const green = new Int32Array(cells.length);
  fillValues(links, field, direct, dist, green, cells);
  const access = { cells, dist, green };
  return { access, counts: countResidential(access, res, limits, illustrative) };
}

/** The residential cells' values read from a full access grid (no search field read again). */
export function residentialFromGrid(grid: AccessGrid, res: ResidentialRaster): ResidentialAccess {
  const cells = residentialCells(res);
  const dist = new Float32Array(cells.length);
  const green = new Int32Array(cells.length);
  for (let k = 0; k < cells.length; k++) {
    dist[k] = grid.dist[cells[k]];
    green[k] = grid.green[cells[k]];
  }
  return { cells, dist, green };
}

/** Counts the residential cells' values (at any speed and bands: no search field read). */
export function countResidential(
  access: ResidentialAccess,
  res: ResidentialRaster,
  limits: ReadonlyArray<{ minutes: number; metres: number }>,
  illustrative: Uint8Array,
): ResidentialCounts {
  const { cells, dist, green } = access;
  const pop = res.pop;
  let illustrativePop = 0;
  for (let k = 0; k < cells.length; k++) {
    const g = green[k];
    if (g >= 0 && pop[cells[k]] > 0 && illustrative[g]) illustrativePop += pop[cells[k]];
  }
  return { ...bandStats(dist, res, limits, cells), illustrativePopulation: illustrativePop };
}
