/** Counting a geometry's positions: the measure of size that import limits and map pushes use. */
import type { Feature, Geometry } from 'geojson';

export function countPositions(g: Geometry | null): number {
  if (!g || !('coordinates' in g)) return 0;
  let n = 0;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      n++;
      return;
    }
    for (const x of c) walk(x);
  };
  walk(g.coordinates);
  return n;
}

export function countLayerPositions(features: readonly Feature[]): number {
  let n = 0;
  for (const f of features) n += countPositions(f.geometry);
  return n;
}
