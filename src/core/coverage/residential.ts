/**
 * Residential land on the access grid. A block's land is the cells whose centres lie inside it, each
 * worth a full cell; its population is spread evenly over those cells. A block too small to contain
 * a cell centre is put whole into the cell holding its first vertex, so no one is lost.
 * Population is held fixed across scenarios (DESIGN.md), so deltas show what roads and parks change.
 */
import type { FeatureCollection } from 'geojson';
import { type GridSpec, cellAt, localRings, rasterize } from './grid-spec';
import type { Areal, ResidentialInput } from './types';

export interface ResidentialRaster {
  /** Residential land per cell, m². */
  readonly area: Float32Array;
  /** People per cell. */
  readonly pop: Float32Array;
  /** The block (index in the layer) that put land in the cell; -1 for none. */
  readonly block: Int32Array;
  readonly totalArea: number;
  readonly totalPop: number;
}

export function rasterizeResidential(
  g: GridSpec,
  layer: FeatureCollection<Areal, ResidentialInput>,
): ResidentialRaster {
  const n = g.cols * g.rows;
  const area = new Float32Array(n);
  const pop = new Float32Array(n);
  const block = new Int32Array(n).fill(-1);
  const cellArea = g.cellM * g.cellM;
  let totalArea = 0;
  let totalPop = 0;
  const cells: number[] = [];
  layer.features.forEach((f, b) => {
    if (!f.geometry) return;
    const polys = localRings(g.proj, f.geometry);
    cells.length = 0;
    rasterize(g, polys, (c) => cells.push(c));
    const people = Math.max(0, f.properties?.population ?? 0);
    if (cells.length === 0) {
      const c = cellAt(g, polys[0][0][0], polys[0][0][1]);
      if (c < 0) return;
      const a = f.properties?.area_m2 ?? Math.min(cellArea, Math.abs(shoelace(polys[0][0])));
      area[c] += a;
      pop[c] += people;
      if (block[c] < 0) block[c] = b;
      totalArea += a;
      totalPop += people;
      return;
    }
    const share = people / cells.length;
    for (const c of cells) {
      area[c] += cellArea;
      pop[c] += share;
      if (block[c] < 0) block[c] = b;
    }
    totalArea += cells.length * cellArea;
    totalPop += people;
  });
  return { area, pop, block, totalArea, totalPop };
}

function shoelace(r: Float64Array): number {
  let a = 0;
  for (let k = 0; k + 3 < r.length; k += 2) a += r[k] * r[k + 3] - r[k + 2] * r[k + 1];
  return a / 2;
}
