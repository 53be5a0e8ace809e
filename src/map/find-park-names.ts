/**
 * The answer's park names, each written just under its numbered badge (the end of its route), on
 * top of every other label so the parks a resident is sent to are always named, whatever the zoom
 * (莲花公园, small, lost its name to larger green spaces at 360×640 when three routes were framed).
 * The same parks' ordinary labels are hidden meanwhile, so no park is named twice.
 */
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { FONT_FAMILY } from './fonts';

const SOURCE = 'find-park-names';
export const PARK_NAME_LAYER = 'find-park-name';
const GREEN_LABEL_LAYER = 'greenery-label';

export interface ParkName {
  id: string;
  /** Where its badge stands: the end of its route. */
  at: [number, number];
  name: string;
}

function ensure(map: MapLibreMap): void {
  if (!map.getSource(SOURCE))
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  if (!map.getLayer(PARK_NAME_LAYER))
    map.addLayer({
      id: PARK_NAME_LAYER,
      type: 'symbol',
      source: SOURCE,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT_FAMILY],
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 13, 16, 15],
        'text-max-width': 8,
        // Below the badge's 28 px disc (find-markers.ts), not under it.
        'text-anchor': 'top',
        'text-offset': [0, 1.25],
        'text-padding': 2,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': '#134a1c', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    });
}

/** Names the answer's parks under their badges (an empty list clears them). */
export function showParkNames(map: MapLibreMap, parks: readonly ParkName[]): void {
  if (!parks.length && !map.getSource(SOURCE)) return;
  ensure(map);
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: parks.map((p, i) => ({
      type: 'Feature',
      properties: { id: p.id, name: p.name, rank: i + 1 },
      geometry: { type: 'Point', coordinates: p.at },
    })),
  };
  (map.getSource(SOURCE) as GeoJSONSource).setData(fc);
  if (map.getLayer(GREEN_LABEL_LAYER)) {
    const hide: ExpressionSpecification | null = parks.length
      ? ['!', ['in', ['get', 'id'], ['literal', parks.map((p) => p.id)]]]
      : null;
    map.setFilter(GREEN_LABEL_LAYER, hide);
  }
}
