/**
 * How imported files combine with a bundled layer: in import order, "add" appends the file's
 * features and "replace" starts over from the file alone. Always returns a new FeatureCollection
 * (never mutates its inputs), so the map sees a changed object and re-uploads that layer only.
 */
import type { Feature, FeatureCollection } from 'geojson';

export interface LayerImport {
  layer: string;
  mode: 'add' | 'replace';
  features: Feature[];
}

export function composeLayer(
  bundled: FeatureCollection,
  imports: readonly LayerImport[],
  layer: string,
): FeatureCollection {
  let features: Feature[] = bundled.features;
  for (const imp of imports) {
    if (imp.layer !== layer) continue;
    features = imp.mode === 'replace' ? imp.features : features.concat(imp.features);
  }
  return { type: 'FeatureCollection', features: features === bundled.features ? [...features] : features };
}
