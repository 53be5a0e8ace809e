/**
 * The access grid drawn as an image, and its statistics, both updatable cell by cell: a what-if park
 * (or a drag frame) repaints only the cells it improves and updates the statistics by difference,
 * instead of tracing band polygons per update (band polygons remain for export, print and outlines).
 *
 * The image is RGBA, one pixel per grid cell, row 0 the northernmost row (image order; the grid's
 * row 0 is the southernmost), coloured by the band a cell falls in (band-colors.ts).
 *
 * Statistics by difference must equal a full recount exactly, whatever the order of additions, so
 * the tally counts in integer units (AREA_UNIT m², POP_UNIT people per cell, rounded per cell):
 * integer sums below 2^53 are exact and order-free.
 */
import { bandRgba } from './band-colors';
import type { GridSpec } from './grid-spec';
import type { ResidentialRaster } from './residential';
import { residentialCells } from './residential-access';
import type { BandStat } from './stats';

/** A band limit: minutes at the speed of the computation, and the effective metres that means. */
export interface Limit {
  minutes: number;
  metres: number;
}

export interface AccessImage {
  width: number;
  height: number;
  /** RGBA, row 0 = north. */
  rgba: Uint8ClampedArray;
}

/** What the engine's accessImage() returns (the worker transfers `rgba`). */
export interface AccessImageResult extends AccessImage {
  /** [west, south, east, north] of the image, degrees (the access grid's extent). */
  bbox: [number, number, number, number];
  /** Band statistics on the grid's cells, exact (equal to a full recount). */
  bands: BandStat[];
  unreachablePopulation: number;
  /** Cells repainted for the what-ifs (0 without). */
  changedCells: number;
  timings: Record<string, number>;
}

/** The index of the nearest band a distance falls in (limits ascending), or -1 beyond the largest or unreachable. */
export function bandOf(d: number, limits: readonly Limit[]): number {
  for (let b = 0; b < limits.length; b++) if (d <= limits[b].metres) return b;
  return -1;
}

function palette(limits: readonly Limit[]): Uint8Array {
  const out = new Uint8Array(4 * limits.length);
  limits.forEach((_, b) => out.set(bandRgba(b), 4 * b));
  return out;
}

function paintCell(
  spec: GridSpec,
  d: number,
  limits: readonly Limit[],
  pal: Uint8Array,
  out: Uint8ClampedArray,
  c: number,
) {
  const i = c % spec.cols;
  const j = (c - i) / spec.cols;
  const px = 4 * ((spec.rows - 1 - j) * spec.cols + i);
  const b = bandOf(d, limits);
  if (b < 0) {
    out[px] = out[px + 1] = out[px + 2] = out[px + 3] = 0;
    return;
  }
  out[px] = pal[4 * b];
  out[px + 1] = pal[4 * b + 1];
  out[px + 2] = pal[4 * b + 2];
  out[px + 3] = pal[4 * b + 3];
}

/** Paints the whole grid (row by row, with no call per cell: it runs on every full recompute). */
export function paintAccessImage(spec: GridSpec, dist: Float32Array, limits: readonly Limit[]): AccessImage {
  const { cols, rows } = spec;
  const rgba = new Uint8ClampedArray(4 * cols * rows);
  const pal = palette(limits);
  const metres = limits.map((l) => l.metres);
  const bands = metres.length;
  for (let j = 0; j < rows; j++) {
    let c = j * cols;
    let px = 4 * (rows - 1 - j) * cols;
    for (let i = 0; i < cols; i++, c++, px += 4) {
      const d = dist[c];
      let b = 0;
      while (b < bands && !(d <= metres[b])) b++;
      // Beyond the largest band or unreachable: left transparent (the array starts zeroed).
      if (b === bands) continue;
      rgba[px] = pal[4 * b];
      rgba[px + 1] = pal[4 * b + 1];
      rgba[px + 2] = pal[4 * b + 2];
      rgba[px + 3] = pal[4 * b + 3];
    }
  }
  return { width: cols, height: rows, rgba };
}

/**
 * Repaints only `cells` of an image painted from an earlier grid (the rest is unchanged), with
 * their new distances: `values[k]` for `cells[k]`.
 */
export function repaintCells(
  spec: GridSpec,
  values: ArrayLike<number>,
  limits: readonly Limit[],
  image: AccessImage,
  cells: ArrayLike<number>,
): void {
  const pal = palette(limits);
  for (let k = 0; k < cells.length; k++) paintCell(spec, values[k], limits, pal, image.rgba, cells[k]);
}

/** Residential land and population per band, and the unreachable population, in integer units. */
export interface BandTally {
  land: Float64Array;
  pop: Float64Array;
  unreachable: number;
}

export const AREA_UNIT = 1e-3;
export const POP_UNIT = 1e-6;

function addCell(
  t: BandTally,
  d: number,
  res: ResidentialRaster,
  limits: readonly Limit[],
  c: number,
  sign: 1 | -1,
) {
  const a = res.area[c];
  if (a === 0) return;
  const pop = sign * Math.round(res.pop[c] / POP_UNIT);
  if (d === Infinity) {
    t.unreachable += pop;
    return;
  }
  const land = sign * Math.round(a / AREA_UNIT);
  for (let b = limits.length - 1; b >= 0 && d <= limits[b].metres; b--) {
    t.land[b] += land;
    t.pop[b] += pop;
  }
}

/** Counts every cell (the full recount). */
export function tallyBands(dist: Float32Array, res: ResidentialRaster, limits: readonly Limit[]): BandTally {
  const t: BandTally = {
    land: new Float64Array(limits.length),
    pop: new Float64Array(limits.length),
    unreachable: 0,
  };
  // Only residential cells count (addCell skips the rest): the zone has 10,394 of 95,370.
  const cells = residentialCells(res);
  for (let k = 0; k < cells.length; k++) addCell(t, dist[cells[k]], res, limits, cells[k], 1);
  return t;
}

/**
 * Moves `cells` from their old distances to their new ones, `values[k]` for `cells[k]`
 * (statistics by difference).
 */
export function updateTally(
  t: BandTally,
  cells: ArrayLike<number>,
  oldDist: Float32Array,
  values: ArrayLike<number>,
  res: ResidentialRaster,
  limits: readonly Limit[],
): BandTally {
  const out: BandTally = { land: t.land.slice(), pop: t.pop.slice(), unreachable: t.unreachable };
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (oldDist[c] === values[k]) continue;
    addCell(out, oldDist[c], res, limits, c, -1);
    addCell(out, values[k], res, limits, c, 1);
  }
  return out;
}

/** The tally as band statistics (shares of the raster's totals). */
export function tallyStats(
  t: BandTally,
  res: ResidentialRaster,
  limits: readonly Limit[],
): {
  bands: BandStat[];
  unreachablePopulation: number;
} {
  return {
    bands: limits.map((l, b) => {
      const land = t.land[b] * AREA_UNIT,
        pop = t.pop[b] * POP_UNIT;
      return {
        minutes: l.minutes,
        residentialM2: land,
        residentialShare: res.totalArea > 0 ? land / res.totalArea : 0,
        population: pop,
        populationShare: res.totalPop > 0 ? pop / res.totalPop : 0,
      };
    }),
    unreachablePopulation: t.unreachable * POP_UNIT,
  };
}
