/**
 * The coverage view's layer groups as plain data: source and layer ids (public: tests and scripts
 * query them), group ids (the layer panel's toggles and the URL's `l=` entries), colours and legend
 * rows. No MapLibre calls, so the coverage state may read it; ./coverage-layers.ts draws with it.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { LayerGroup } from './layer-groups';

export const COVERAGE_SOURCES = {
  bands: 'cov-bands',
  gaps: 'cov-gaps',
  radius: 'cov-radius',
  roads: 'cov-roads',
  whatIf: 'cov-whatif',
  route: 'cov-route',
  gapRanks: 'cov-gap-ranks',
} as const;
export type CoverageSource = keyof typeof COVERAGE_SOURCES;

export const COVERAGE_LAYER_IDS = {
  bands: ['cov-bands-fill', 'cov-bands-line', 'cov-bands-image'],
  gaps: ['cov-gaps-fill', 'cov-gaps-line', 'cov-gaps-badge', 'cov-gaps-rank'],
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
export const BAND_GREENS = ['#1b7837', '#5aae61', '#a6dba0', '#d9f0d3'];
/** Roads by walk time: green (near) through amber to red (beyond the largest band). */
const ROAD_RAMP = ['#1a9850', '#91cf60', '#fdae61', '#f46d43'];
const ROAD_BEYOND = '#a50026';
export const GAP_COLOR = '#e8590c';
export const GAP_LINE = '#c92a2a';
export const RADIUS_COLOR = '#3b7dd8';
export const WHATIF_COLOR = '#37b24d';
export const WHATIF_LINE = '#2b8a3e';
export const ROUTE_COLOR = '#1c5fb8';

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
