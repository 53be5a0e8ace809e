/**
 * Gaps: residential cells beyond the largest band (or unreachable), grouped into connected areas
 * (8-neighbour), ranked by the people living there. Each gap carries its centroid (where one more
 * park would help most, as a first guess), area, population and outline.
 */
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import { maskPolygons } from './bands';
import { type GridSpec, cellLat, cellLng } from './grid-spec';
import type { ResidentialAccess } from './residential-access';
import type { ResidentialRaster } from './residential';

export interface Gap {
  /** 1 = the most people. */
  rank: number;
  cells: number;
  areaM2: number;
  population: number;
  /** Population-weighted centre, [lng, lat]. */
  centroid: [number, number];
  /**
   * Where the gap's rank is written on the map: the centre of the gap's cell nearest the centroid
   * (an L-shaped gap's centroid can lie outside it). Outlined gaps only.
   */
  labelAt?: [number, number];
  /** Indices of the residential blocks (in the layer) that have land in the gap. */
  blocks: number[];
  /**
   * Outline, MultiPolygon coordinates in WGS-84; empty beyond the outlined gaps, and in a result
   * computed without polygons (outlines are polygons: traced in idle time, like the bands).
   */
  outline: Position[][][];
  /** One grid cell of the gap (row-major index), to find it in another computation's grid. */
  cell: number;
  /**
   * People in the gap that holds this one when the guessed features are left out (≥ population:
   * without them gaps only grow and may merge). Absent on draft frames.
   */
  populationWithoutGuessed?: number;
}

/**
 * The gaps a planner is shown by rank, in the coverage tab's list and as numbers on the map; the
 * rest count in the statistics' totals and are drawn as areas only.
 */
export const LISTED_GAPS = 8;

/** Gap outlines are traced for the top gaps only: the rest are listed without a shape. */
export const OUTLINED_GAPS = 50;

/** Work arrays for finding gaps: see withGapCells. */
export interface GapWork {
  /** 1 on a gap cell: residential land beyond the limit or unreachable. */
  inGap: Uint8Array;
  /** The gap a cell was labelled with (-1: none yet). */
  label: Int32Array;
  stack: Int32Array;
  mask: Uint8Array;
}

/**
 * Work arrays kept between calls (what-if dragging finds gaps every frame): one set per grid size.
 * Only residential cells are ever marked or labelled, and they are cleared again after each use, so
 * a call costs the residential cells and the gaps, not the whole grid.
 */
let scratch: GapWork | null = null;

/**
 * Marks the gap cells of a computation (`access`: its residential cells' values) in the shared work
 * arrays, runs `use`, then clears them: the one place that says what a gap cell is.
 */
export function withGapCells<T>(
  n: number,
  access: ResidentialAccess,
  limitM: number,
  res: ResidentialRaster,
  use: (w: GapWork) => T,
): T {
  if (!scratch || scratch.inGap.length !== n) {
    scratch = {
      inGap: new Uint8Array(n),
      label: new Int32Array(n).fill(-1),
      stack: new Int32Array(n),
      mask: new Uint8Array(n),
    };
  }
  const w = scratch;
  const { cells, dist } = access;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (res.area[c] > 0 && !(dist[k] <= limitM)) w.inGap[c] = 1;
  }
  try {
    return use(w);
  } finally {
    for (let k = 0; k < cells.length; k++) {
      w.inGap[cells[k]] = 0;
      w.label[cells[k]] = -1;
    }
  }
}

/**
 * Labels with `id` the gap cells 8-connected to gap cell `s` (which must not be labelled yet).
 * Returns how many there are; they are then `w.stack[0]` to `w.stack[count - 1]` (a queue that
 * keeps what it has visited), so callers loop over them with no call per cell.
 */
export function floodGap(w: GapWork, cols: number, rows: number, s: number, id: number): number {
  const { inGap, label, stack } = w;
  let head = 0,
    tail = 0;
  stack[tail++] = s;
  label[s] = id;
  while (head < tail) {
    const c = stack[head++];
    const i = c % cols,
      j = (c - i) / cols;
    for (let dj = -1; dj <= 1; dj++) {
      const jj = j + dj;
      if (jj < 0 || jj >= rows) continue;
      for (let di = -1; di <= 1; di++) {
        const ii = i + di;
        if (ii < 0 || ii >= cols) continue;
        const nb = jj * cols + ii;
        if (inGap[nb] && label[nb] < 0) {
          label[nb] = id;
          stack[tail++] = nb;
        }
      }
    }
  }
  return tail;
}

/**
 * The gaps of one computation, from its residential cells' values (residential-access.ts): the
 * cells with residential land beyond `limitM` or unreachable, grouped 8-connected. The `outlined`
 * most populous get an outline and a label point; tracing them is the costly part (marching squares
 * per gap), so a result without polygons asks for none and they follow in idle time.
 */
export function findGaps(
  g: GridSpec,
  access: ResidentialAccess,
  limitM: number,
  res: ResidentialRaster,
  outlined = OUTLINED_GAPS,
): Gap[] {
  return withGapCells(g.cols * g.rows, access, limitM, res, (w) =>
    traceGaps(g, access.cells, res, w, outlined),
  );
}

/** findGaps on the marked work arrays: label, measure and outline each gap. */
function traceGaps(
  g: GridSpec,
  resCells: Int32Array,
  res: ResidentialRaster,
  w: GapWork,
  outlined: number,
): Gap[] {
  const { inGap, label, stack, mask } = w;
  // Per gap while it is traced: its bounding cells, its label and its centroid's cell (ci, cj).
  type Traced = Gap & { i0: number; j0: number; i1: number; j1: number; id: number; ci: number; cj: number };
  const gaps: Traced[] = [];
  for (let k = 0; k < resCells.length; k++) {
    const s = resCells[k];
    if (!inGap[s] || label[s] >= 0) continue;
    const id = gaps.length;
    let cells = 0,
      area = 0,
      pop = 0,
      sx = 0,
      sy = 0,
      sw = 0;
    let i0 = g.cols,
      j0 = g.rows,
      i1 = -1,
      j1 = -1;
    const blocks = new Set<number>();
    const count = floodGap(w, g.cols, g.rows, s, id);
    for (let q = 0; q < count; q++) {
      const c = stack[q];
      const i = c % g.cols,
        j = (c - i) / g.cols;
      cells++;
      area += res.area[c];
      pop += res.pop[c];
      const wt = res.pop[c] > 0 ? res.pop[c] : 1e-6; // unpopulated land still pulls the centre a little
      sx += wt * i;
      sy += wt * j;
      sw += wt;
      if (res.block[c] >= 0) blocks.add(res.block[c]);
      if (i < i0) i0 = i;
      if (i > i1) i1 = i;
      if (j < j0) j0 = j;
      if (j > j1) j1 = j;
    }
    const ci = Math.round(sx / sw),
      cj = Math.round(sy / sw);
    const cc = cj * g.cols + ci;
    gaps.push({
      id,
      rank: 0,
      cells,
      areaM2: area,
      population: pop,
      centroid: [cellLng(g, cc), cellLat(g, cc)],
      blocks: [...blocks].sort((a, b) => a - b),
      outline: [],
      cell: s,
      ci,
      cj,
      i0,
      j0,
      i1,
      j1,
    });
  }
  gaps.sort((a, b) => b.population - a.population || b.areaM2 - a.areaM2);
  return gaps.map((gap, k) => {
    let outline: Position[][][] = [];
    let labelAt: [number, number] | undefined;
    if (k < outlined) {
      const { ci, cj } = gap;
      let best = Infinity,
        bestCell = gap.cell;
      for (let j = gap.j0; j <= gap.j1; j++)
        for (let i = gap.i0; i <= gap.i1; i++) {
          const c = j * g.cols + i;
          const inside = label[c] === gap.id;
          mask[c] = inside ? 1 : 0;
          const d = (i - ci) ** 2 + (j - cj) ** 2;
          if (inside && d < best) {
            best = d;
            bestCell = c;
          }
        }
      outline = maskPolygons(g, mask, gap.i0, gap.j0, gap.i1 - gap.i0 + 1, gap.j1 - gap.j0 + 1);
      labelAt = [cellLng(g, bestCell), cellLat(g, bestCell)];
    }
    return {
      rank: k + 1,
      cells: gap.cells,
      areaM2: gap.areaM2,
      population: gap.population,
      centroid: gap.centroid,
      blocks: gap.blocks,
      outline,
      cell: gap.cell,
      ...(labelAt ? { labelAt } : {}),
    };
  });
}

/** A gap's extent, [[west, south], [east, north]], from its outline (null when it has none). */
export function gapBounds(gap: Pick<Gap, 'outline'>): [[number, number], [number, number]] | null {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const poly of gap.outline)
    for (const ring of poly)
      for (const [x, y] of ring) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
  return w <= e
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}

export interface GapProps {
  rank: number;
  population: number;
  area_m2: number;
  cells: number;
  centre_lng: number;
  centre_lat: number;
  /** Where its rank is written on the map (a point inside the gap). */
  label_lng: number;
  label_lat: number;
  /** The gap lies beyond this many minutes' walk (the largest band). */
  beyond_minutes: number;
}

/**
 * The outlined gaps as GeoJSON, for the map layer and the export alike (the rest have no outline
 * and are listed only).
 * @param beyondMinutes the largest band's minutes: what the gaps are beyond
 */
export function gapFeatures(
  gaps: readonly Gap[],
  beyondMinutes: number,
): FeatureCollection<MultiPolygon, GapProps> {
  return {
    type: 'FeatureCollection',
    features: gaps
      .filter((g) => g.outline.length > 0)
      .map((g) => ({
        type: 'Feature',
        properties: {
          rank: g.rank,
          population: Math.round(g.population),
          area_m2: Math.round(g.areaM2),
          cells: g.cells,
          centre_lng: g.centroid[0],
          centre_lat: g.centroid[1],
          label_lng: (g.labelAt ?? g.centroid)[0],
          label_lat: (g.labelAt ?? g.centroid)[1],
          beyond_minutes: beyondMinutes,
        },
        geometry: { type: 'MultiPolygon', coordinates: g.outline },
      })),
  };
}
