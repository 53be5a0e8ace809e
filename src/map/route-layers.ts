/**
 * The residents' "near me" drawing: walking routes to the nearest parks, and the road a search
 * result named. Own GeoJSON source and layers, above the roads and below the labels, every id
 * starting with `find-`. Idempotent: each call adds what is missing, so a restyled map recovers.
 */
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LineLayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { COVERAGE_LAYER_IDS } from './coverage-groups';

export const ROUTE_SOURCE = 'find-routes';
/** The route line layers, casing first; e2e tests query `find-route`. */
export const ROUTE_LAYERS = ['find-route-casing', 'find-route'] as const;
export const PLACE_ROAD_LAYER = 'find-place-road';

/** Strong blue: distinct from the roads (white, amber), the plan's red/orange and the greens. */
export const ROUTE_COLOR = '#1565c0';
const ROUTE_OTHER = '#5c7fa8';
const CASING = '#ffffff';
const PLACE_ROAD = '#ffd43b';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

const isSelected = ['==', ['get', 'selected'], true] as ExpressionSpecification;
const byZoom = (selected: number, other: number): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  11,
  ['case', isSelected, selected, other],
  16,
  ['case', isSelected, selected * 2, other * 2],
];

/**
 * Beneath the first symbol layer of the style, so names stay readable, and beneath the coverage
 * view's lines when it has drawn them (both are added on first use, in either order; this is the
 * order they had when both were added at load).
 */
function beforeLabels(map: MapLibreMap): string | undefined {
  const coverageLines = COVERAGE_LAYER_IDS.roads[0];
  if (map.getLayer(coverageLines)) return coverageLines;
  // By id, not getStyle(): that serialises and copies every layer.
  return map.getLayersOrder().find((id) => map.getLayer(id)?.type === 'symbol');
}

export function ensureFindLayers(map: MapLibreMap): void {
  if (!map.getSource(ROUTE_SOURCE)) map.addSource(ROUTE_SOURCE, { type: 'geojson', data: empty });
  const before = beforeLabels(map);
  addRouteLayer(
    map,
    ROUTE_LAYERS[0],
    { 'line-color': CASING, 'line-width': byZoom(8, 5), 'line-opacity': 0.95 },
    before,
  );
  addRouteLayer(
    map,
    ROUTE_LAYERS[1],
    {
      'line-color': ['case', isSelected, ROUTE_COLOR, ROUTE_OTHER],
      'line-width': byZoom(5, 2.5),
      'line-opacity': ['case', isSelected, 1, 0.75],
    },
    before,
  );
}

/** A road by its name, or a plan project ("长椿路南延") by the `plan` its pieces share. */
function placeRoadFilter(nameZh: string | null): ExpressionSpecification {
  return [
    'any',
    ['==', ['get', 'name_zh'], nameZh ?? ''],
    ['==', ['coalesce', ['get', 'plan'], ''], nameZh ?? '\u0000'],
  ];
}

/**
 * The searched road's outline, beneath the routes. Added on first use: a layer added to (or
 * refiltered on) the roads source makes MapLibre lay out every road tile again.
 */
function addPlaceRoadLayer(map: MapLibreMap, nameZh: string): void {
  if (map.getLayer(PLACE_ROAD_LAYER) || !map.getSource('roads')) return;
  map.addLayer(
    {
      id: PLACE_ROAD_LAYER,
      type: 'line',
      source: 'roads',
      filter: placeRoadFilter(nameZh),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': PLACE_ROAD,
        'line-opacity': 0.85,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 5, 16, 14],
      },
    },
    ROUTE_LAYERS[0],
  );
}

/** A line layer of the routes source, the selected route sorted on top; the casing and the line differ only in paint. */
function addRouteLayer(
  map: MapLibreMap,
  id: string,
  paint: LineLayerSpecification['paint'],
  before: string | undefined,
): void {
  if (map.getLayer(id)) return;
  map.addLayer(
    {
      id,
      type: 'line',
      source: ROUTE_SOURCE,
      layout: { 'line-cap': 'round', 'line-join': 'round', 'line-sort-key': ['case', isSelected, 1, 0] },
      paint,
    },
    before,
  );
}

export interface RouteInput {
  id: string;
  route: LineString;
}

/** Draws the routes; `selected` (an index into `routes`) is drawn bold and on top. */
export function showRoutes(map: MapLibreMap, routes: readonly RouteInput[], selected: number): void {
  ensureFindLayers(map);
  const features: Feature<LineString>[] = routes.map((r, i) => ({
    type: 'Feature',
    id: i,
    properties: { green: r.id, rank: i + 1, selected: i === selected },
    geometry: r.route,
  }));
  (map.getSource(ROUTE_SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
}

export function clearRoutes(map: MapLibreMap): void {
  (map.getSource(ROUTE_SOURCE) as GeoJSONSource | undefined)?.setData(empty);
}

/**
 * Outlines every segment of the road named `nameZh` (null: none). Nothing is added for none: the
 * map opens without the find layers, which come with the first road or route.
 */
export function showPlaceRoad(map: MapLibreMap, nameZh: string | null): void {
  if (map.getLayer(PLACE_ROAD_LAYER)) map.setFilter(PLACE_ROAD_LAYER, placeRoadFilter(nameZh));
  else if (nameZh !== null) {
    ensureFindLayers(map);
    addPlaceRoadLayer(map, nameZh);
  }
}
