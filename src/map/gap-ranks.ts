/**
 * Each gap's rank written on the map, the same number as in the coverage tab's gap list: an orange
 * disc with the number, at a point inside the gap (core/coverage/gaps.ts `labelAt`). Layers of the
 * gaps group, so they show and hide with the gap areas; drawn above the labels, never dropped for
 * a road name (a planner reads "gap 1" before a street).
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import { type GapProps, LISTED_GAPS } from '../core/coverage/gaps';
import { FONT_FAMILY } from './fonts';
import { COVERAGE_SOURCES, GAP_LINE } from './coverage-groups';

export const GAP_RANK_SOURCE = COVERAGE_SOURCES.gapRanks;
export const GAP_RANK_LAYERS = ['cov-gaps-badge', 'cov-gaps-rank'] as const;

/** The listed gaps' label points, with their rank (the gap list's numbers). */
export function gapRankPoints(gaps: FeatureCollection<MultiPolygon, GapProps>): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: gaps.features
      .filter((f) => f.properties.rank <= LISTED_GAPS)
      .map((f) => ({
        type: 'Feature',
        properties: { rank: f.properties.rank },
        geometry: { type: 'Point', coordinates: [f.properties.label_lng, f.properties.label_lat] },
      })),
  };
}

export function gapRankSpecs(): LayerSpecification[] {
  return [
    {
      id: GAP_RANK_LAYERS[0],
      type: 'circle',
      source: GAP_RANK_SOURCE,
      // The worst gaps first when discs would overlap at a low zoom.
      layout: { 'circle-sort-key': ['-', 0, ['get', 'rank']] },
      paint: {
        'circle-radius': 11,
        'circle-color': GAP_LINE,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: GAP_RANK_LAYERS[1],
      type: 'symbol',
      source: GAP_RANK_SOURCE,
      layout: {
        'text-field': ['to-string', ['get', 'rank']],
        'text-font': [FONT_FAMILY],
        'text-size': 13,
        'text-allow-overlap': true,
        // Map labels make room for the number, not the other way round.
        'text-ignore-placement': false,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': '#ffffff' },
    },
  ];
}
