/**
 * Crossings that the crossings layer does not list, found where two differently named roads share a
 * vertex of the (noded) road network. crossings.geojson holds only the crossings with a published
 * source (77 of the ~180 in the zone), so without this "枫杨街雪松路" would find nothing.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';

type Layer = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

export interface DerivedCrossing {
  /** The two road names, the more important road first. */
  roads: [string, string];
  roads_en: [string, string];
  at: [number, number];
}

// Six decimals (~0.1 m): the network's shared vertices are written identically.
const key = (p: Position) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function lineParts(g: Geometry | null): Position[][] {
  if (g?.type === 'LineString') return [g.coordinates];
  if (g?.type === 'MultiLineString') return g.coordinates;
  return [];
}

/**
 * One crossing per pair of road names that meet at a shared vertex, at the first such vertex in
 * layer order. Pairs in `known` (sorted "a|b" keys) are skipped, as are a road and its own side road
 * ("西三环" and "西三环辅路"), which run alongside rather than cross.
 * @param importance ranks the two names of a crossing (higher first); ties go by name.
 * @example deriveCrossings(roads, new Set(['梧桐街|长椿路']), () => 0)
 */
export function deriveCrossings(
  roads: Layer,
  known: ReadonlySet<string>,
  importance: (nameZh: string) => number,
): DerivedCrossing[] {
  const en = new Map<string, string>();
  const namesAt = new Map<string, { at: [number, number]; names: Set<string> }>();
  for (const f of roads.features) {
    const zh = str(f.properties?.name_zh);
    // A railway meeting a road is a level crossing or a bridge, not a street corner.
    if (!zh || f.properties?.class === 'railway') continue;
    if (!en.has(zh)) en.set(zh, str(f.properties?.name_en) ?? '');
    for (const part of lineParts(f.geometry)) {
      for (const p of part) {
        const k = key(p);
        const here = namesAt.get(k);
        if (here) here.names.add(zh);
        else namesAt.set(k, { at: [p[0], p[1]], names: new Set([zh]) });
      }
    }
  }
  const out: DerivedCrossing[] = [];
  const seen = new Set<string>(known);
  for (const { at, names } of namesAt.values()) {
    if (names.size < 2) continue;
    const list = [...names];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]].sort();
        const pair = pairKey(a, b);
        if (seen.has(pair) || a.startsWith(b) || b.startsWith(a)) continue;
        seen.add(pair);
        const ordered = (importance(b) > importance(a) ? [b, a] : [a, b]) as [string, string];
        out.push({
          roads: ordered,
          roads_en: [en.get(ordered[0]) ?? '', en.get(ordered[1]) ?? ''],
          at,
        });
      }
    }
  }
  return out;
}

/** The "a|b" key of a pair of road names, in either order. */
export const pairKey = (a: string, b: string): string => [a, b].sort().join('|');
