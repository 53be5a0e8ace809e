/**
 * The offline style: every source is our own GeoJSON, no tiles, no glyph server. Text is drawn
 * locally by MapLibre with the bundled font declared in `font-faces`.
 *
 * Layer ids are public in practice (tests and scripts query them), so they are declared once in
 * MISSION_GROUPS and read from there.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { PALETTE as P } from './palette';
import { FONT_FAMILY, fontFaces } from './fonts';
import { GREEN_LABEL_SOURCE, labelSource } from './green-labels';
import { greenHatchFilter } from './green-year';
import { dashes, lineWidth, perFeature, perZoom, SOLID } from './shared-programs';
import type { Scenario } from '../core/coverage/types';

export interface StyleData {
  roads: FeatureCollection;
  greenery: FeatureCollection;
  industry: FeatureCollection;
  residential: FeatureCollection;
  water: FeatureCollection;
  boundary: FeatureCollection;
  landmarks: FeatureCollection;
}

export type Lang = 'zh' | 'en';

/** The three mission layers of the 2015 plan, each toggled as one group. */
export const MISSION_GROUPS = {
  roads: ['plan-roads-casing', 'plan-roads', 'plan-roads-label'],
  greenery: ['greenery-fill', 'greenery-hatch', 'greenery-outline', 'greenery-label'],
  industry: ['industry-fill', 'industry-hatch', 'industry-outline', 'industry-label'],
} as const;
export type MissionGroup = keyof typeof MISSION_GROUPS;
export const MISSION_GROUP_IDS = Object.keys(MISSION_GROUPS) as MissionGroup[];

/** Layers a click or hover can pick a feature from, topmost first. */
export const INTERACTIVE_LAYERS = [
  'plan-roads',
  'landmarks-circle',
  'industry-fill',
  'greenery-fill',
] as const;

/** Basemap layers whose labels switch with the interface language. */
export const LABEL_LAYERS = [
  'road-label',
  'plan-roads-label',
  'greenery-label',
  'industry-label',
  'residential-label',
  'water-label',
  'landmarks-label',
] as const;

export function nameField(lang: Lang): ExpressionSpecification {
  return lang === 'en'
    ? ['coalesce', ['get', 'name_en'], ['get', 'name_zh']]
    : ['coalesce', ['get', 'name_zh'], ['get', 'name_en']];
}

const FONT = [FONT_FAMILY];
const existingRoad = [
  'all',
  ['==', ['get', 'status'], 'existing'],
  ['!=', ['get', 'class'], 'railway'],
] as ExpressionSpecification;
const isPlanRoad = ['!=', ['get', 'status'], 'existing'] as ExpressionSpecification;
const illustrative = ['==', ['get', 'illustrative'], true] as ExpressionSpecification;
const hovered = ['boolean', ['feature-state', 'hover'], false] as ExpressionSpecification;
const selected = ['boolean', ['feature-state', 'selected'], false] as ExpressionSpecification;

/**
 * Line width by zoom. `zoom` may only appear at the top of an interpolate, so extra widths (casing,
 * highlight) are added inside each stop rather than around the whole expression.
 */
const roadWidth = (
  base: number | ExpressionSpecification,
  extra: number | ExpressionSpecification = 0,
): ExpressionSpecification => [
  'interpolate',
  ['exponential', 1.6],
  ['zoom'],
  11,
  ['+', ['*', base, 0.35], extra],
  14,
  ['+', base, extra],
  17,
  ['+', ['*', base, 4], extra],
];

const classWidth: ExpressionSpecification = [
  'match',
  ['get', 'class'],
  'expressway',
  5,
  'arterial',
  3.6,
  'secondary',
  2.6,
  'local',
  1.6,
  1,
];

function labelPaint() {
  return { 'text-color': perFeature(P.label), 'text-halo-color': P.labelHalo, 'text-halo-width': 1.4 };
}

/**
 * Each layer type is bound one way in every layer, so that it draws with one shader program
 * (./shared-programs.ts): fills take colour and opacity per feature; lines colour and dashes per
 * feature (a solid line is one dash, no gap) and width per feature and zoom; labels colour per
 * feature.
 */
function layers(lang: Lang, scenario: Scenario): LayerSpecification[] {
  const name = nameField(lang);
  return [
    { id: 'background', type: 'background', paint: { 'background-color': P.background } },
    {
      id: 'boundary-fill',
      type: 'fill',
      source: 'boundary',
      paint: { 'fill-color': perFeature(P.boundaryFill), 'fill-opacity': perFeature(0.8) },
    },
    // Land use is drawn from the mission layers themselves (DESIGN.md): residential, campus, water.
    {
      id: 'residential-fill',
      type: 'fill',
      source: 'residential',
      paint: {
        'fill-color': [
          'match',
          ['get', 'kind'],
          'resettlement',
          P.resettlement,
          'campus_dormitory',
          P.campus,
          P.residential,
        ],
        'fill-opacity': perFeature(0.85),
      },
    },
    {
      id: 'water-fill',
      type: 'fill',
      source: 'water',
      paint: { 'fill-color': perFeature(P.water), 'fill-opacity': perFeature(1) },
    },
    {
      id: 'water-line',
      type: 'line',
      source: 'water',
      paint: { 'line-color': perFeature(P.waterLine), 'line-width': lineWidth(0.8), 'line-dasharray': SOLID },
    },
    {
      id: 'boundary-line',
      type: 'line',
      source: 'boundary',
      paint: {
        'line-color': perFeature(P.boundaryLine),
        'line-width': lineWidth(2),
        'line-dasharray': dashes([4, 2]),
        'line-opacity': 0.7,
      },
    },
    // The mission layers' fills and hatches leave their edges to their outline layers above
    // ('fill-antialias': false): an antialiased pattern fill is one more shader program to compile
    // at first load (slow with a software renderer), and each is one more pass over every edge per
    // frame.
    {
      id: 'industry-fill',
      type: 'fill',
      source: 'industry',
      paint: {
        'fill-antialias': false,
        'fill-color': ['match', ['get', 'kind'], 'university', P.campus, P.industryFill],
        'fill-opacity': ['case', hovered, 0.95, selected, 0.95, 0.6],
      },
    },
    {
      id: 'industry-hatch',
      type: 'fill',
      source: 'industry',
      filter: illustrative,
      paint: { 'fill-pattern': 'hatch-purple', 'fill-antialias': false },
    },
    {
      id: 'industry-outline',
      type: 'line',
      source: 'industry',
      paint: {
        'line-color': ['case', selected, P.highlight, P.industryLine],
        'line-width': perZoom(['case', selected, 4, hovered, 3, 1.5]),
        'line-dasharray': ['case', illustrative, ['literal', [3, 2]], ['literal', [1, 0]]],
      },
    },
    {
      id: 'greenery-fill',
      type: 'fill',
      source: 'greenery',
      paint: {
        'fill-antialias': false,
        'fill-color': [
          'match',
          ['get', 'program'],
          'four_parks',
          P.fourParks,
          'four_corridors',
          P.fourCorridors,
          P.green,
        ],
        'fill-opacity': ['case', hovered, 0.95, selected, 0.95, 0.75],
      },
    },
    {
      id: 'greenery-hatch',
      type: 'fill',
      source: 'greenery',
      // The year the map opens on (./green-year.ts): changing a filter later re-tiles the source.
      filter: greenHatchFilter(scenario),
      paint: { 'fill-pattern': 'hatch-white', 'fill-antialias': false },
    },
    {
      id: 'greenery-outline',
      type: 'line',
      source: 'greenery',
      paint: {
        'line-color': ['case', selected, P.highlight, P.greenLine],
        'line-width': perZoom(['case', selected, 4, hovered, 3, 1]),
        'line-dasharray': ['case', illustrative, ['literal', [3, 2]], ['literal', [1, 0]]],
      },
    },
    {
      id: 'road-casing',
      type: 'line',
      source: 'roads',
      filter: existingRoad,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': perFeature(P.roadCasing),
        'line-width': roadWidth(classWidth, 1.5),
        'line-dasharray': SOLID,
      },
    },
    {
      id: 'road-fill',
      type: 'line',
      source: 'roads',
      filter: existingRoad,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': [
          'match',
          ['get', 'class'],
          'expressway',
          P.roadExpressway,
          'path',
          P.roadPath,
          P.roadArterial,
        ],
        'line-width': roadWidth(classWidth),
        'line-dasharray': [
          'case',
          ['==', ['get', 'class'], 'path'],
          ['literal', [2, 1.5]],
          ['literal', [1, 0]],
        ],
      },
    },
    {
      id: 'railway',
      type: 'line',
      source: 'roads',
      filter: ['==', ['get', 'class'], 'railway'],
      paint: {
        'line-color': perFeature(P.railway),
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, perFeature(1.5), 16, perFeature(4)],
        'line-dasharray': SOLID,
      },
    },
    {
      id: 'railway-ties',
      type: 'line',
      source: 'roads',
      filter: ['==', ['get', 'class'], 'railway'],
      paint: {
        'line-color': perFeature('#ffffff'),
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, perFeature(0.8), 16, perFeature(2)],
        'line-dasharray': dashes([3, 3]),
      },
    },
    {
      id: 'plan-roads-casing',
      type: 'line',
      source: 'roads',
      filter: isPlanRoad,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['case', selected, P.highlight, hovered, P.highlight, '#ffffff'],
        'line-width': roadWidth(classWidth, ['case', selected, 8, hovered, 6, 3]),
        'line-dasharray': SOLID,
      },
    },
    {
      id: 'plan-roads',
      type: 'line',
      source: 'roads',
      filter: isPlanRoad,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['match', ['get', 'status'], 'planned', P.statusPlanned, P.statusUnderConstruction],
        'line-width': roadWidth(classWidth, 1.5) as ExpressionSpecification,
        'line-dasharray': ['match', ['get', 'status'], 'planned', ['literal', [2, 1]], ['literal', [1, 0]]],
      },
    },
    {
      id: 'landmarks-circle',
      type: 'circle',
      source: 'landmarks',
      minzoom: 12,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3, 16, 7],
        'circle-color': ['match', ['get', 'kind'], 'metro_station', '#c0392b', '#555555'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'road-label',
      type: 'symbol',
      source: 'roads',
      filter: ['all', existingRoad, ['!=', ['get', 'class'], 'path']],
      minzoom: 12.5,
      layout: {
        'symbol-placement': 'line',
        'text-field': name,
        'text-font': FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 11, 17, 15],
        'text-max-angle': 40,
        'symbol-spacing': 400,
      },
      paint: labelPaint(),
    },
    {
      id: 'plan-roads-label',
      type: 'symbol',
      source: 'roads',
      filter: isPlanRoad,
      // The plan's own names show from the opening view, even on a phone (zoom ≈ 10.5).
      minzoom: 10,
      layout: {
        'symbol-placement': 'line',
        'text-field': name,
        'text-font': FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 12, 12, 17, 16],
        'symbol-spacing': 350,
      },
      paint: {
        'text-color': ['match', ['get', 'status'], 'planned', P.statusPlanned, '#a34b00'],
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.8,
      },
    },
    {
      id: 'water-label',
      type: 'symbol',
      source: 'water',
      minzoom: 12,
      layout: { 'text-field': name, 'text-font': FONT, 'text-size': 12, 'symbol-placement': 'point' },
      paint: { 'text-color': perFeature('#2f6f9f'), 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
    {
      id: 'residential-label',
      type: 'symbol',
      source: 'residential',
      minzoom: 14.5,
      layout: { 'text-field': name, 'text-font': FONT, 'text-size': 11, 'text-max-width': 8 },
      paint: { 'text-color': perFeature('#7a6148'), 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
    },
    {
      id: 'industry-label',
      type: 'symbol',
      source: 'industry',
      minzoom: 10,
      layout: {
        'text-field': name,
        'text-font': FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 14, 12.5],
        'text-max-width': 8,
        // A label that does not fit its centre tries beside it instead of vanishing or sitting on
        // a neighbour's campus (国家863中部软件园 beside 信息工程大学).
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.4,
        'text-padding': 4,
        'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'area_m2'], 0]],
      },
      paint: { 'text-color': perFeature('#4b2f86'), 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      id: 'greenery-label',
      type: 'symbol',
      // One name per green space, however many parts it has (./green-labels.ts).
      source: GREEN_LABEL_SOURCE,
      minzoom: 10,
      layout: {
        'text-field': name,
        'text-font': FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 11.5, 16, 15],
        'text-max-width': 8,
        'text-variable-anchor': ['center', 'top', 'bottom'],
        'text-radial-offset': 0.3,
        'text-padding': 3,
        // The plan's four parks are named first (a long corridor beside 锦和公园 must not hide
        // it), then the larger green spaces before the smaller.
        'symbol-sort-key': [
          '-',
          ['match', ['get', 'program'], 'four_parks', -1e9, 0],
          ['coalesce', ['get', 'area_m2'], 0],
        ],
      },
      paint: { 'text-color': perFeature('#1d5e27'), 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      id: 'landmarks-label',
      type: 'symbol',
      source: 'landmarks',
      minzoom: 13,
      layout: {
        'text-field': name,
        'text-font': FONT,
        'text-size': 11.5,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: labelPaint(),
    },
  ];
}

/** The complete offline style for the given data and language, green spaces as of `scenario`. */
export function buildStyle(
  data: StyleData,
  lang: Lang,
  baseUrl = location.href,
  scenario: Scenario = '2015',
): StyleSpecification {
  const src = (d: FeatureCollection) => ({ type: 'geojson' as const, data: d, promoteId: 'id' });
  return {
    version: 8,
    name: 'Green Circle offline',
    'font-faces': fontFaces(baseUrl),
    sources: {
      roads: src(data.roads),
      greenery: src(data.greenery),
      [GREEN_LABEL_SOURCE]: src(labelSource(data.greenery)),
      industry: src(data.industry),
      residential: src(data.residential),
      water: src(data.water),
      boundary: src(data.boundary),
      landmarks: src(data.landmarks),
    },
    layers: layers(lang, scenario),
  };
}
