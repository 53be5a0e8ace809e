/** A layer's features as GeoJSON text for export (WGS-84, as everything in the app). */
import type { Feature } from 'geojson';

export function featureCollectionText(features: readonly Feature[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** A file-name-safe slug of a user's file name (their name may hold anything). */
export function safeFileStem(name: string): string {
  const stem = name
    .replace(/\.(geo)?json$/i, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .slice(0, 60);
  return stem || 'layer';
}
