/**
 * The presentation's walk-time bands (5, 10, 15 minutes) on a map, drawn under the labels. The
 * bands are nested (the 15-minute polygon holds the 10-minute one), so the wider ones are drawn
 * first and the nearer ones read darker.
 */
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

/**
 * Source and layer ids: one set per user, so a chapter's bands (the side-by-side comparison, the
 * years) never remove another's when chapters change over in either order.
 */
const idsOf = (key: string) => ({ SOURCE: key, FILL: `${key}-fill`, LINE: `${key}-line` });
const DEFAULT_KEY = 'present-bands';

/** Legend and fill colours by band; strong enough to survive a projector. */
export const BAND_COLORS = [
  { minutes: 5, color: '#1b7837' },
  { minutes: 10, color: '#4dac26' },
  { minutes: 15, color: '#b8e186' },
] as const;

/** The band layers, fill then outline, reading from the `present-bands` source. */
function bandLayers(key = DEFAULT_KEY): LayerSpecification[] {
  const { SOURCE, FILL, LINE } = idsOf(key);
  const color = ['match', ['get', 'minutes'], ...BAND_COLORS.flatMap((b) => [b.minutes, b.color]), '#d9f0d3'];
  return [
    {
      id: FILL,
      type: 'fill',
      source: SOURCE,
      layout: { 'fill-sort-key': ['-', 0, ['get', 'minutes']] },
      paint: { 'fill-color': color as never, 'fill-opacity': 0.55 },
    },
    {
      id: LINE,
      type: 'line',
      source: SOURCE,
      paint: { 'line-color': '#0b3d1a', 'line-width': 1.2, 'line-opacity': 0.8 },
    },
  ];
}

export function addBands(map: MapLibreMap, bands: FeatureCollection, key = DEFAULT_KEY) {
  const { SOURCE } = idsOf(key);
  const src = map.getSource(SOURCE) as GeoJSONSource | undefined;
  if (src) {
    src.setData(bands);
    return;
  }
  map.addSource(SOURCE, { type: 'geojson', data: bands });
  const before = map.getStyle().layers.find((l) => l.type === 'symbol')?.id;
  for (const layer of bandLayers(key)) map.addLayer(layer, before);
}

/** A copy of `style` with the bands drawn under its labels (for a map created with them). */
export function styleWithBands(style: StyleSpecification, bands: FeatureCollection): StyleSpecification {
  const { SOURCE } = idsOf(DEFAULT_KEY);
  const layers = [...style.layers];
  const at = layers.findIndex((l) => l.type === 'symbol');
  layers.splice(at < 0 ? layers.length : at, 0, ...bandLayers());
  return { ...style, sources: { ...style.sources, [SOURCE]: { type: 'geojson', data: bands } }, layers };
}

export function removeBands(map: MapLibreMap, key = DEFAULT_KEY) {
  const { SOURCE, FILL, LINE } = idsOf(key);
  for (const id of [LINE, FILL]) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
}
