/**
 * One name per green space. MapLibre writes a polygon's label once per polygon, so a park or a
 * corridor drawn as several parts (西流湖公园, 连霍高速防护绿廊: 2-3 parts) was named two or three
 * times, the copies crowding each other and their neighbours. The labels come from their own
 * source: each feature reduced to its largest part (MapLibre still places the name inside it),
 * same properties and ids, refreshed whenever the green-space source gets new data (imports).
 */
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';

export const GREEN_LABEL_SOURCE = 'greenery-labels';

/** A ring's area in squared degrees: enough to compare a feature's parts. */
function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return Math.abs(a / 2);
}

/** The collection with every MultiPolygon reduced to its largest polygon (others unchanged). */
export function labelParts(fc: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f): Feature => {
      if (f.geometry?.type !== 'MultiPolygon' || f.geometry.coordinates.length < 2) return f;
      const parts = f.geometry.coordinates;
      let best = parts[0];
      for (const p of parts) if (ringArea(p[0]) > ringArea(best[0])) best = p;
      const geometry: Polygon = { type: 'Polygon', coordinates: best };
      return { ...f, geometry };
    }),
  };
}

const following = new WeakSet<MapLibreMap>();

/** Keeps the label source in step with the green-space source (once per map). */
export function followGreenery(map: MapLibreMap): void {
  if (following.has(map)) return;
  following.add(map);
  map.on('sourcedata', (e: MapSourceDataEvent) => {
    if (e.sourceId !== 'greenery' || e.sourceDataType !== 'content') return;
    const green = map.getSource('greenery') as GeoJSONSource | undefined;
    void green?.getData().then((d) => {
      const labels = map.getSource(GREEN_LABEL_SOURCE) as GeoJSONSource | undefined;
      if (d.type === 'FeatureCollection') labels?.setData(labelParts(d));
    });
  });
}
