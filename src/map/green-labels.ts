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

/** Each label collection's green-space collection: the source is not rebuilt from what it shows. */
const labelledFrom = new WeakMap<object, FeatureCollection>();

/** The collection with every MultiPolygon reduced to its largest polygon (others unchanged). */
export function labelParts(fc: FeatureCollection): FeatureCollection {
  const out: FeatureCollection = {
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
  labelledFrom.set(out, fc);
  return out;
}

const following = new WeakSet<MapLibreMap>();

/** Keeps the label source in step with the green-space source (once per map). */
export function followGreenery(map: MapLibreMap): void {
  if (following.has(map)) return;
  following.add(map);
  map.on('sourcedata', (e: MapSourceDataEvent) => {
    if (e.sourceId !== 'greenery' || e.sourceDataType !== 'content') return;
    const green = map.getSource('greenery') as GeoJSONSource | undefined;
    const labels = map.getSource(GREEN_LABEL_SOURCE) as GeoJSONSource | undefined;
    if (!green || !labels) return;
    void Promise.all([green.getData(), labels.getData()]).then(([d, shown]) => {
      // The map's first load reports the style's own data: its labels are already there, and
      // setting them again would lay out every label tile twice before the map is idle.
      if (d.type !== 'FeatureCollection' || labelledFrom.get(shown) === d) return;
      labels.setData(labelParts(d));
    });
  });
}
