/** Grid cells inside some green space's straight-line service radius (the standard's method; water is no obstacle). */
import type { PreparedGreen } from './model';
import { type ServiceRadiusStandard, serviceRadius } from './radius';

/** Marks in `covered` (a new mask of `cellCount` cells when omitted) the cells these green spaces cover. */
export function radiusCovered(
  cellCount: number,
  greens: readonly PreparedGreen[],
  std: ServiceRadiusStandard,
  covered = new Uint8Array(cellCount),
): Uint8Array {
  for (const g of greens) {
    const r = serviceRadius(std, g.ref.area_m2);
    if (r <= 0) continue;
    const { cells, dist } = g.field;
    for (let k = 0; k < cells.length; k++) if (dist[k] <= r) covered[cells[k]] = 1;
  }
  return covered;
}
