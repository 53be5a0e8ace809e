/**
 * How far a place is from the nearest walkable road of a scenario, in metres. The nearest-park search
 * answers "nothing" both for a place too far from any road and for one whose roads reach no park;
 * this tells the resident which of the two it is. Runs only on such an empty answer, so a plain scan
 * of the road segments is fast enough (a few thousand segments).
 */
import CheapRuler from 'cheap-ruler';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { inScenario } from '../coverage/types';
import type { Scenario } from '../coverage/types';

function lines(g: Geometry | null): Position[][] {
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/**
 * Metres from (lng, lat) to the nearest road with `walkable: true` that exists in `scenario`;
 * Infinity when there is none.
 * @example nearestWalkableRoadMetres(roads, 113.5, 34.8, '2015') // 42.7
 */
export function nearestWalkableRoadMetres(
  roads: FeatureCollection,
  lng: number,
  lat: number,
  scenario: Scenario,
): number {
  const ruler = new CheapRuler(lat, 'meters');
  const p: [number, number] = [lng, lat];
  let best = Infinity;
  for (const f of roads.features) {
    const props = f.properties;
    if (!props?.walkable || !inScenario(props, scenario)) continue;
    for (const line of lines(f.geometry)) {
      if (line.length < 2) continue;
      const d = ruler.distance(p, ruler.pointOnLine(line as [number, number][], p).point);
      if (d < best) best = d;
    }
  }
  return best;
}
