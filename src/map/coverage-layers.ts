/**
 * The coverage view's map layers: walk-time bands, gaps, the straight-line service-radius buffers,
 * roads coloured by walk time, what-if parks and the route of a clicked place. Every layer sits
 * beneath the label layers (labels stay readable on top); the area layers sit beneath the roads so
 * the network the walk follows stays visible.
 *
 * Layer ids are public (tests and scripts query them): COVERAGE_LAYER_IDS.
 */
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LayerGroup } from '../state/layers';

export const COVERAGE_SOURCES = {
  bands: 'cov-bands',
  gaps: 'cov-gaps',
  radius: 'cov-radius',
  roads: 'cov-roads',
  whatIf: 'cov-whatif',
  route: 'cov-route',
} as const;
export type CoverageSource = keyof typeof COVERAGE_SOURCES;

export const COVERAGE_LAYER_IDS = {
  bands: ['cov-bands-fill', 'cov-bands-line'],
  gaps: ['cov-gaps-fill', 'cov-gaps-line'],
  radius: ['cov-radius-fill', 'cov-radius-line'],
  roads: ['cov-roads-line'],
  whatIf: ['cov-whatif-fill', 'cov-whatif-line', 'cov-whatif-corner'],
  route: ['cov-route-casing', 'cov-route-line', 'cov-route-point'],
} as const;

/** Layer group ids (the layer panel's toggles and the URL's `l=` entries). */
export const COVERAGE_GROUP = {
  bands: 'coverage',
  gaps: 'coverage-gaps',
  radius: 'coverage-radius',
  roads: 'coverage-roads',
  whatIf: 'coverage-whatif',
} as const;

/** Band fills from the nearest band (darkest) outwards; nested fills stack, so the core reads darkest. */
const BAND_GREENS = ['#1b7837', '#5aae61', '#a6dba0', '#d9f0d3'];
/** Roads by walk time: green (near) through amber to red (beyond the largest band). */
const ROAD_RAMP = ['#1a9850', '#91cf60', '#fdae61', '#f46d43'];
const ROAD_BEYOND = '#a50026';
export const GAP_COLOR = '#e8590c';
export const GAP_LINE = '#c92a2a';
export const RADIUS_COLOR = '#3b7dd8';
export const WHATIF_COLOR = '#37b24d';
export const WHATIF_LINE = '#2b8a3e';
const ROUTE_COLOR = '#1c5fb8';

export function bandColor(index: number): string {
  return BAND_GREENS[Math.min(index, BAND_GREENS.length - 1)];
}

export function roadColor(index: number): string {
  return ROAD_RAMP[Math.min(index, ROAD_RAMP.length - 1)];
}

/** Road colour by whole minutes: each band's colour up to its limit, dark red beyond (minutes null). */
export function roadTimeColor(bands: readonly number[]): ExpressionSpecification {
  const step: unknown[] = ['step', ['to-number', ['get', 'minutes'], 0], roadColor(0)];
  bands.slice(0, -1).forEach((b, i) => step.push(b + 0.5, roadColor(i + 1)));
  return ['case', ['==', ['get', 'minutes'], null], ROAD_BEYOND, step] as unknown as ExpressionSpecification;
}

/** The layer groups, with legend rows for the current band minutes. */
export function coverageGroups(bands: readonly number[]): LayerGroup[] {
  const minuteKey = (m: number) => `cov.legend.min.${m}`;
  return [
    {
      id: COVERAGE_GROUP.bands,
      layerIds: COVERAGE_LAYER_IDS.bands,
      labelKey: 'cov.layer.bands',
      defaultVisible: false,
      legend: bands.map((m, i) => ({ key: minuteKey(m), color: bandColor(i), kind: 'fill' as const })),
    },
    {
      id: COVERAGE_GROUP.gaps,
      layerIds: COVERAGE_LAYER_IDS.gaps,
      labelKey: 'cov.layer.gaps',
      defaultVisible: false,
      legend: [{ key: 'cov.legend.gap', color: GAP_COLOR, kind: 'fill' }],
    },
    {
      id: COVERAGE_GROUP.radius,
      layerIds: COVERAGE_LAYER_IDS.radius,
      labelKey: 'cov.layer.radius',
      defaultVisible: false,
      legend: [{ key: 'cov.legend.radius', color: RADIUS_COLOR, kind: 'fill' }],
    },
    {
      id: COVERAGE_GROUP.roads,
      layerIds: COVERAGE_LAYER_IDS.roads,
      labelKey: 'cov.layer.roads',
      defaultVisible: false,
      legend: [
        ...bands.map((m, i) => ({ key: minuteKey(m), color: roadColor(i), kind: 'line' as const })),
        { key: 'cov.legend.beyond', color: ROAD_BEYOND, kind: 'line' as const },
      ],
    },
    {
      id: COVERAGE_GROUP.whatIf,
      layerIds: COVERAGE_LAYER_IDS.whatIf,
      labelKey: 'cov.layer.whatif',
      defaultVisible: true,
      legend: [{ key: 'cov.legend.whatif', color: WHATIF_COLOR, kind: 'dash' }],
    },
  ];
}

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
