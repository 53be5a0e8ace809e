/**
 * Toggleable layer groups. The three mission groups come from the style; features such as the
 * coverage view register their own groups here, so the layer panel, the URL and the map stay in
 * step without knowing each other.
 */
import { MISSION_GROUPS } from './style';

export interface LayerGroup {
  id: string;
  /** MapLibre layer ids shown and hidden together. */
  layerIds: readonly string[];
  /** i18n key of the group's name. */
  labelKey: string;
  /** Legend rows: i18n key and a swatch (colour, and a dashed or hatched look). */
  legend: { key: string; color: string; kind: 'fill' | 'line' | 'dash' | 'hatch' | 'dot' }[];
  defaultVisible: boolean;
}

import { PALETTE as P } from './palette';

export const MISSION_LAYER_GROUPS: LayerGroup[] = [
  {
    id: 'roads',
    layerIds: MISSION_GROUPS.roads,
    labelKey: 'layer.roads',
    defaultVisible: true,
    legend: [
      { key: 'legend.road.existing', color: P.statusExisting, kind: 'line' },
      { key: 'legend.road.under_construction', color: P.statusUnderConstruction, kind: 'line' },
      { key: 'legend.road.planned', color: P.statusPlanned, kind: 'dash' },
    ],
  },
  {
    id: 'greenery',
    layerIds: MISSION_GROUPS.greenery,
    labelKey: 'layer.greenery',
    defaultVisible: true,
    legend: [
      { key: 'legend.green.four_parks', color: P.fourParks, kind: 'fill' },
      { key: 'legend.green.four_corridors', color: P.fourCorridors, kind: 'fill' },
      { key: 'legend.green.other', color: P.green, kind: 'fill' },
      { key: 'legend.illustrative', color: P.greenLine, kind: 'hatch' },
    ],
  },
  {
    id: 'industry',
    layerIds: MISSION_GROUPS.industry,
    labelKey: 'layer.industry',
    defaultVisible: true,
    legend: [
      { key: 'legend.industry.park', color: P.industryFill, kind: 'fill' },
      { key: 'legend.industry.university', color: P.campus, kind: 'fill' },
    ],
  },
];
