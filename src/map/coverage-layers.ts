/**
 * The coverage view's map layers: walk-time bands, gaps, the straight-line service-radius buffers,
 * roads coloured by walk time, what-if parks and the route of a clicked place. Every layer sits
 * beneath the label layers (labels stay readable on top); the area layers sit beneath the roads so
 * the network the walk follows stays visible.
 *
 * Layer ids are public (tests and scripts query them): COVERAGE_LAYER_IDS.
 */
import type { CanvasSource, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { AccessImage } from '../core/coverage/access-image';
import type { FeatureCollection } from 'geojson';

export * from './coverage-groups';
import {
  COVERAGE_SOURCES,
  GAP_COLOR,
  GAP_LINE,
  RADIUS_COLOR,
  WHATIF_COLOR,
  WHATIF_LINE,
  BAND_GREENS,
  ROUTE_COLOR,
  roadTimeColor,
  type CoverageSource,
} from './coverage-groups';

import { gapRankSpecs } from './gap-ranks';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The first of these that exists: area layers go beneath the roads, lines beneath the labels. */
function beforeOf(map: MapLibreMap, candidates: string[]): string | undefined {
  return candidates.find((id) => map.getLayer(id));
}

function routeLine(id: string, color: string, width: number): LayerSpecification {
  return {
    id,
    type: 'line',
    source: COVERAGE_SOURCES.route,
    filter: ['==', ['geometry-type'], 'LineString'],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': width },
  };
}

export function coverageLayerSpecs(
  bands: readonly number[],
): { spec: LayerSpecification; under: string[] }[] {
  const underRoads = ['road-casing', 'road-fill', 'road-label'];
  const underLabels = ['road-label', 'plan-roads-label', 'landmarks-label'];
  return [
    {
      under: underRoads,
      spec: {
        id: 'cov-radius-fill',
        type: 'fill',
        source: COVERAGE_SOURCES.radius,
        paint: { 'fill-color': RADIUS_COLOR, 'fill-opacity': 0.16 },
      },
    },
    {
      under: underRoads,
      spec: {
        id: 'cov-radius-line',
        type: 'line',
        source: COVERAGE_SOURCES.radius,
        paint: { 'line-color': RADIUS_COLOR, 'line-width': 1, 'line-opacity': 0.6, 'line-dasharray': [3, 2] },
      },
    },
    {
      under: underRoads,
      spec: {
        id: 'cov-bands-fill',
        type: 'fill',
        source: COVERAGE_SOURCES.bands,
        // Nested polygons: the widest band first, the nearest on top.
        layout: { 'fill-sort-key': ['-', 0, ['to-number', ['get', 'minutes'], 0]] },
        paint: { 'fill-color': ['coalesce', ['get', 'color'], BAND_GREENS[2]], 'fill-opacity': 0.38 },
      },
    },
    {
      under: underRoads,
      spec: {
        id: 'cov-bands-line',
        type: 'line',
        source: COVERAGE_SOURCES.bands,
        paint: { 'line-color': '#0b3d1a', 'line-width': 0.8, 'line-opacity': 0.55 },
      },
    },
    {
      under: underRoads,
      spec: {
        id: 'cov-gaps-fill',
        type: 'fill',
        source: COVERAGE_SOURCES.gaps,
        paint: { 'fill-color': GAP_COLOR, 'fill-opacity': 0.45 },
      },
    },
    {
      under: underRoads,
      spec: {
        id: 'cov-gaps-line',
        type: 'line',
        source: COVERAGE_SOURCES.gaps,
        paint: { 'line-color': GAP_LINE, 'line-width': 1.6 },
      },
    },
    {
      under: underLabels,
      spec: {
        id: 'cov-roads-line',
        type: 'line',
        source: COVERAGE_SOURCES.roads,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': roadTimeColor(bands),
          'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.6, 14, 3.2, 17, 7],
        },
      },
    },
    {
      under: underLabels,
      spec: {
        id: 'cov-whatif-fill',
        type: 'fill',
        source: COVERAGE_SOURCES.whatIf,
        paint: { 'fill-color': WHATIF_COLOR, 'fill-opacity': 0.55 },
      },
    },
    {
      under: underLabels,
      spec: {
        id: 'cov-whatif-line',
        type: 'line',
        source: COVERAGE_SOURCES.whatIf,
        paint: { 'line-color': WHATIF_LINE, 'line-width': 2, 'line-dasharray': [2, 1.5] },
      },
    },
    {
      // The corners of a polygon park while it is being drawn.
      under: underLabels,
      spec: {
        id: 'cov-whatif-corner',
        type: 'circle',
        source: COVERAGE_SOURCES.whatIf,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': 5,
          'circle-color': '#ffffff',
          'circle-stroke-color': WHATIF_LINE,
          'circle-stroke-width': 2,
        },
      },
    },
    // The walk's way: a white casing under the coloured line, so it reads on any band.
    { under: underLabels, spec: routeLine('cov-route-casing', '#ffffff', 7) },
    { under: underLabels, spec: routeLine('cov-route-line', ROUTE_COLOR, 4) },
    {
      under: underLabels,
      spec: {
        id: 'cov-route-point',
        type: 'circle',
        source: COVERAGE_SOURCES.route,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': 6,
          'circle-color': ROUTE_COLOR,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
    },
    // Gap ranks on top of everything (no layer to go beneath).
    ...gapRankSpecs().map((spec) => ({ spec, under: [] })),
  ];
}

/** Adds the sources and layers once (idempotent); `visible(layerId)` gives each layer's initial visibility. */
export function addCoverageLayers(
  map: MapLibreMap,
  bands: readonly number[],
  visible: (layerId: string) => boolean,
): void {
  for (const id of Object.values(COVERAGE_SOURCES)) {
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY });
  }
  for (const { spec, under } of coverageLayerSpecs(bands)) {
    if (map.getLayer(spec.id)) continue;
    const layout = {
      ...(('layout' in spec && spec.layout) || {}),
      visibility: visible(spec.id) ? 'visible' : 'none',
    };
    map.addLayer({ ...spec, layout } as LayerSpecification, beforeOf(map, under));
  }
}

export function setCoverageData(map: MapLibreMap, source: CoverageSource, data: FeatureCollection): void {
  (map.getSource(COVERAGE_SOURCES[source]) as GeoJSONSource | undefined)?.setData(data);
}

/** Re-colours the roads layer when the band minutes change. */
export function setRoadBands(map: MapLibreMap, bands: readonly number[]): void {
  if (map.getLayer('cov-roads-line'))
    map.setPaintProperty('cov-roads-line', 'line-color', roadTimeColor(bands));
}

/** The access grid drawn as an image (a canvas source): its source and layer id. */
export const BANDS_IMAGE = 'cov-bands-image';
/**
 * Layers added only when their first data arrives (the image needs the worker's pixels and
 * bounds), so they are not in coverageLayerSpecs; groups may still toggle them.
 */
export const LATE_LAYER_IDS: readonly string[] = [BANDS_IMAGE];

type Corners = [[number, number], [number, number], [number, number], [number, number]];
const corners = ([w, s, e, n]: readonly number[]): Corners => [
  [w, n],
  [e, n],
  [e, s],
  [w, s],
];

/**
 * Paints the access image into `canvas` and onto the map: the canvas source is made on the first
 * image (beneath the band polygons, which then only outline) and re-uploaded per image: a
 * non-animated canvas source uploads its texture on play() + pause(), one upload per update,
 * so a drag frame costs putImageData and one texture upload, never a polygon trace.
 */
export function setCoverageImage(
  map: MapLibreMap,
  canvas: HTMLCanvasElement,
  img: AccessImage & { bbox: readonly number[] },
  visible: boolean,
): void {
  if (canvas.width !== img.width || canvas.height !== img.height) {
    canvas.width = img.width;
    canvas.height = img.height;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.putImageData(new ImageData(new Uint8ClampedArray(img.rgba), img.width, img.height), 0, 0);
  const src = map.getSource(BANDS_IMAGE) as CanvasSource | undefined;
  if (!src) {
    map.addSource(BANDS_IMAGE, { type: 'canvas', canvas, animate: false, coordinates: corners(img.bbox) });
    map.addLayer(
      {
        id: BANDS_IMAGE,
        type: 'raster',
        source: BANDS_IMAGE,
        // One pixel per grid cell: crisp cells, no blur across band edges.
        paint: { 'raster-resampling': 'nearest', 'raster-fade-duration': 0 },
        layout: { visibility: visible ? 'visible' : 'none' },
      },
      beforeOf(map, ['cov-bands-fill', 'road-casing', 'road-fill', 'road-label']),
    );
    // The image carries the fill; the polygons stay for outlines, clicks and queries.
    if (map.getLayer('cov-bands-fill')) map.setPaintProperty('cov-bands-fill', 'fill-opacity', 0);
    return;
  }
  const at = corners(img.bbox);
  if (JSON.stringify(src.coordinates) !== JSON.stringify(at)) src.setCoordinates(at);
  src.play();
  src.pause();
}
