import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { ImportCode } from './messages';

/** Which bundled layer the file adds to or replaces. */
export type ImportLayer = 'roads' | 'greenery' | 'residential';
/** The coordinate system the user says the file is in; everything is converted to WGS-84. */
export type SourceCrs = 'WGS84' | 'GCJ02' | 'BD09';

export interface ImportOptions {
  layer: ImportLayer;
  crs: SourceCrs;
  /** Written to each feature's `source` property, e.g. the file name. Default "import". */
  sourceLabel?: string;
  /**
   * false (default): any feature error fails the whole import, so nothing half-loads.
   * true: invalid features are left out and each becomes a warning (for "import the valid ones").
   */
  skipInvalid?: boolean;
}

/** One problem, with enough to show it in either language and to point at the feature. */
export interface ImportIssue {
  code: ImportCode;
  /** 0-based position in the file's features array, when the issue concerns one feature. */
  featureIndex?: number;
  /** The feature's own id (feature.id or properties.id), when it has one. */
  featureId?: string;
  /** Values the message quotes (line, column, distance in km, ...), for custom rendering. */
  params: Record<string, string | number>;
  /** What is wrong and how to fix it. */
  message: { zh: string; en: string };
}

export type ImportedGeometry = LineString | MultiLineString | Polygon | MultiPolygon;
export type ImportedFeature = Feature<ImportedGeometry, Record<string, unknown>>;

export interface ImportStats {
  features: number;
  vertices: number;
  /** [west, south, east, north] of the converted (WGS-84) data. */
  bbox: [number, number, number, number];
}

export type ImportResult =
  | { ok: true; features: ImportedFeature[]; warnings: ImportIssue[]; stats: ImportStats }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

export type ImportStage = 'reading' | 'scanning' | 'parsing' | 'validating' | 'converting' | 'checking';

/** fraction is 0..1 over the whole import; called at most every ~20 ms. */
export type ImportProgress = (p: { stage: ImportStage; fraction: number }) => void;
