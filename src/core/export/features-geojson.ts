/** Layers and results as a GeoJSON file to download. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import truncate from '@turf/truncate';

export interface GeoJsonExportOptions {
  /** When the export was made, ISO 8601; passed in so the core stays deterministic. */
  generated: string | Date;
  /** The collection's name, e.g. "coverage-bands" (a foreign member GIS tools show). */
  name?: string;
  /** Data sources and method notes, written as a foreign member `sources`. */
  sources?: readonly string[];
  /** Decimal places kept in coordinates; default 6 (about 0.1 m). */
  precision?: number;
}

/**
 * A FeatureCollection text with every feature's properties, coordinates rounded, and `generated`
 * at the top. Non-finite numbers in properties become null, as JSON requires.
 * @example featuresToGeoJSON(bands, { generated: new Date().toISOString(), name: 'coverage-bands' })
 */
export function featuresToGeoJSON(
  features: readonly Feature<Geometry | null>[],
  options: GeoJsonExportOptions,
): string {
  const generated = options.generated instanceof Date ? options.generated.toISOString() : options.generated;
  if (typeof generated !== 'string' || Number.isNaN(Date.parse(generated))) {
    throw new Error(
      `Invalid generated timestamp: ${String(options.generated)}. Pass new Date().toISOString().`,
    );
  }
  const precision = options.precision ?? 6;
  const collection: FeatureCollection<Geometry | null> & Record<string, unknown> = {
    type: 'FeatureCollection',
    ...(options.name ? { name: options.name } : {}),
    generated,
    ...(options.sources ? { sources: [...options.sources] } : {}),
    features: features.map((f) => ({
      type: 'Feature',
      ...(f.id !== undefined ? { id: f.id } : {}),
      properties: f.properties ?? {},
      geometry: f.geometry ? truncate(f.geometry, { precision, coordinates: 2, mutate: false }) : null,
    })),
  };
  return JSON.stringify(collection);
}
