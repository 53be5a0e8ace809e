/**
 * One name per green space. MapLibre writes a polygon's label once per polygon and per tile piece,
 * so a park drawn as several parts (西流湖公园: 2 parts) or a corridor crossing tile edges
 * (连霍高速防护绿廊: 3 parts, 3 km) was named two or three times, the copies crowding each other
 * and their neighbours. The labels come from their own point source instead: each feature reduced
 * once to the point inside its largest part where its name fits best (core/geo/label-point.ts),
 * same properties and ids, refreshed whenever the green-space source gets new data (imports).
 */
import type { GeoJSONSource, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import { labelPoints } from '../core/geo/label-point';

export const GREEN_LABEL_SOURCE = 'greenery-labels';

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
      if (d.type === 'FeatureCollection') labels?.setData(labelPoints(d));
    });
  });
}
