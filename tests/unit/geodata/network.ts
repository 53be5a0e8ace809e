/**
 * Helpers for the geodata tests: read a built layer, and the walkable road graph's connected
 * components (vertices are nodes when their coordinates are identical, as the build guarantees).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, LineString } from 'geojson';

export const GEODATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'geodata');

export function readLayer<G extends FeatureCollection = FeatureCollection>(name: string): G {
  return JSON.parse(readFileSync(join(GEODATA, `${name}.geojson`), 'utf8')) as G;
}

/** Connected components of the given lines, as lists of feature ids, largest first. */
export function components(lines: Feature<LineString>[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const f of lines) {
    const keys = f.geometry.coordinates.map((p) => `${p[0]},${p[1]}`);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (let i = 1; i < keys.length; i++) union(keys[i - 1], keys[i]);
  }
  const groups = new Map<string, string[]>();
  for (const f of lines) {
    const root = find(`${f.geometry.coordinates[0][0]},${f.geometry.coordinates[0][1]}`);
    groups.set(root, [...(groups.get(root) ?? []), String(f.properties?.id)]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length);
}
