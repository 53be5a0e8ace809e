/**
 * Map colours in one place, so the legend swatches and the style can never disagree.
 * Chosen for contrast on a light basemap and on a projector (which washes out pale tints).
 */
export const PALETTE = {
  background: '#f3f0e8',
  boundaryFill: '#fbfaf6',
  boundaryLine: '#7a5c9e',
  residential: '#ecdcc6',
  resettlement: '#e6c9a8',
  campus: '#e9e3cf',
  industryFill: '#c9b8e8',
  industryLine: '#6a4fa3',
  water: '#9fcbe8',
  waterLine: '#5f9fcf',
  green: '#9fd08a',
  greenLine: '#4f9a45',
  fourParks: '#2f9e44',
  fourCorridors: '#66bb55',
  roadCasing: '#c9c2b3',
  roadExpressway: '#f5c16c',
  roadArterial: '#ffffff',
  roadLocal: '#ffffff',
  roadPath: '#b7ab95',
  railway: '#6f6a62',
  statusExisting: '#6b6b6b',
  statusUnderConstruction: '#e8730c',
  statusPlanned: '#d6204a',
  highlight: '#ffd43b',
  label: '#333333',
  labelHalo: '#ffffff',
} as const;
