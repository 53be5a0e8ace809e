/**
 * "Roads coloured by walk time": every road piece with the walk time from its middle to the nearest
 * green space, in whole minutes (rounded up), merged per road and minute so the map gets a few
 * thousand features instead of one per segment. Pieces farther than `capMinutes` get minutes = null.
 */
import type { Feature, FeatureCollection, MultiLineString, Position } from 'geojson';
import type { NearestField } from './dijkstra';
import type { WalkGraph } from './graph';

export interface RoadTimeProps {
  /** The road's id in geodata (roads layer), or '' for short joins. */
  road_id: string;
  minutes: number | null;
}

export function roadTimes(
  g: WalkGraph,
  field: NearestField,
  speed: number,
  capMinutes: number,
  roadIds: readonly string[],
): FeatureCollection<MultiLineString, RoadTimeProps> {
  const byKey = new Map<number, Feature<MultiLineString, RoadTimeProps>>();
  let current: Position[] | null = null;
  let prevKey = -1,
    prevB = -1;
  for (let e = 0; e < g.edgeCount; e++) {
    const a = g.edgeA[e],
      b = g.edgeB[e];
    const half = g.edgeM[e] / 2;
    const mid = Math.min(field.dist[a], field.dist[b]) + half;
    const min = mid === Infinity ? Infinity : Math.ceil(mid / speed / 60);
    const minutes = min > capMinutes ? null : min;
    const road = g.edgeRoad[e];
    // One feature per road and minute: a numeric key (road + 2, minute bin) avoids building strings per edge.
    const key = (road + 2) * 4096 + (minutes === null ? 4095 : minutes);
    if (key === prevKey && a === prevB && current) {
      current.push([g.nodeLng[b], g.nodeLat[b]]);
    } else {
      let f = byKey.get(key);
      if (!f) {
        f = {
          type: 'Feature',
          properties: { road_id: road >= 0 ? (roadIds[road] ?? '') : '', minutes },
          geometry: { type: 'MultiLineString', coordinates: [] },
        };
        byKey.set(key, f);
      }
      current = [
        [g.nodeLng[a], g.nodeLat[a]],
        [g.nodeLng[b], g.nodeLat[b]],
      ];
      f.geometry.coordinates.push(current);
    }
    prevKey = key;
    prevB = b;
  }
  return { type: 'FeatureCollection', features: [...byKey.values()] };
}
