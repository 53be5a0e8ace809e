/**
 * A what-if point park is a disc of its area: the worker enters it as that disc, the map draws it
 * and buffers it by its service radius. One formula for all three, so they always agree.
 * @example parkRadiusM(10_000) // ≈ 56.4 m: a 1 ha round park
 */
export function parkRadiusM(areaM2: number): number {
  return Math.sqrt(areaM2 / Math.PI);
}
