/**
 * The cold-load baseline of bench/cold-load.ts: a bare MapLibre page (maplibre-gl's own dist file,
 * no bundler) drawing the same geodata layers as the app, with labels in the same locally served
 * Noto Sans SC (font-faces), framed on the zone the way the app opens. No panels, no search, no
 * coverage: what a map of this data costs at least. `window.bareIdle` is the time of the first idle.
 */
import { Map as MapLibreMap } from '/maplibre/maplibre-gl.mjs';

const manifest = await (await fetch('/bare/manifest.json')).json();
const names = ['roads', 'greenery', 'industry', 'residential', 'water', 'boundary', 'landmarks'];
const data = Object.fromEntries(
  await Promise.all(names.map(async (n) => [n, await (await fetch(manifest.geojson[n])).json()])),
);

const FONT = ['Noto Sans SC'];
const name = ['coalesce', ['get', 'name_zh'], ['get', 'name_en']];
const label = (id, source, extra = {}) => ({
  id,
  type: 'symbol',
  source,
  layout: { 'text-field': name, 'text-font': FONT, 'text-size': 12, 'text-max-width': 8, ...extra },
  paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 1.2 },
});
const style = {
  version: 8,
  'font-faces': { 'Noto Sans SC': manifest.fonts.map((f) => ({ url: f.url, 'unicode-range': f.ranges })) },
  sources: Object.fromEntries(names.map((n) => [n, { type: 'geojson', data: data[n], promoteId: 'id' }])),
  layers: [
    { id: 'bg', type: 'background', paint: { 'background-color': '#f6f5f0' } },
    { id: 'water-fill', type: 'fill', source: 'water', paint: { 'fill-color': '#a8d0e6' } },
    { id: 'residential-fill', type: 'fill', source: 'residential', paint: { 'fill-color': '#f1e4cf' } },
    {
      id: 'industry-fill',
      type: 'fill',
      source: 'industry',
      paint: { 'fill-color': '#d9d2f0', 'fill-opacity': 0.6 },
    },
    { id: 'industry-outline', type: 'line', source: 'industry', paint: { 'line-color': '#7b6bb8' } },
    {
      id: 'greenery-fill',
      type: 'fill',
      source: 'greenery',
      paint: { 'fill-color': '#7cc47f', 'fill-opacity': 0.7 },
    },
    { id: 'greenery-outline', type: 'line', source: 'greenery', paint: { 'line-color': '#2e7d32' } },
    {
      id: 'roads-casing',
      type: 'line',
      source: 'roads',
      paint: { 'line-color': '#999', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.5, 16, 8] },
    },
    {
      id: 'roads',
      type: 'line',
      source: 'roads',
      paint: { 'line-color': '#fff', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.8, 16, 6] },
    },
    { id: 'boundary', type: 'line', source: 'boundary', paint: { 'line-color': '#c0392b', 'line-width': 2 } },
    {
      id: 'landmarks-circle',
      type: 'circle',
      source: 'landmarks',
      paint: { 'circle-radius': 4, 'circle-color': '#444' },
    },
    label('roads-label', 'roads', { 'symbol-placement': 'line' }),
    label('greenery-label', 'greenery'),
    label('industry-label', 'industry'),
    label('residential-label', 'residential'),
    label('water-label', 'water'),
    label('landmarks-label', 'landmarks', { 'text-offset': [0, 1], 'text-anchor': 'top' }),
  ],
};

// The app's home view: the boundary's box.
let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
const visit = (c) => {
  if (typeof c[0] === 'number') {
    w = Math.min(w, c[0]);
    e = Math.max(e, c[0]);
    s = Math.min(s, c[1]);
    n = Math.max(n, c[1]);
  } else for (const x of c) visit(x);
};
for (const f of (data.boundary.features.length ? data.boundary : data.roads).features)
  visit(f.geometry.coordinates);

const map = new MapLibreMap({
  container: 'map',
  style,
  bounds: [
    [w, s],
    [e, n],
  ],
  fitBoundsOptions: { padding: 40 },
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
map.once('load', () => map.once('idle', () => (window.bareIdle = performance.now())));
window.bareMap = map;
