/**
 * One name per green space. MapLibre writes a polygon's label once per polygon and per tile piece,
 * so a park drawn as several parts (西流湖公园: 2 parts) or a corridor crossing tile edges
 * (连霍高速防护绿廊: 3 parts, 3 km) was named two or three times, the copies crowding each other
 * and their neighbours. The labels come from their own point source instead: each feature reduced
 * once to the point inside its largest part where its name fits best (core/geo/label-point.ts),
 * same properties and ids, refreshed whenever the green-space source gets new data (imports).
 */
import type { GeoJSONSource, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { labelPoints } from '../core/geo/label-point';

export const GREEN_LABEL_SOURCE = 'greenery-labels';

/** Each label collection's green-space collection: the source is not rebuilt from what it shows. */
const labelledFrom = new WeakMap<object, FeatureCollection>();

/** The label points of a green-space collection, remembered as made from it. */
export function labelSource(fc: FeatureCollection): FeatureCollection {
  const out = labelPoints(fc);
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
      labels.setData(labelSource(d));
    });
  });
}
