/**
 * The part of the map a chapter is about (its subject), as a bounding box. The presentation frames
 * the camera on it within the part of the screen the caption leaves free, and the end-to-end tests
 * check that the caption never covers it.
 */
import turfBbox from '@turf/bbox';
import type { Feature, FeatureCollection } from 'geojson';
import type { Chapter, Highlight } from './schema';

/** [west, south, east, north], degrees. */
export type Bounds = [number, number, number, number];

/** The features a highlight-like selection picks: by id, or by a property's values. */
export function selectFeatures(
  fc: FeatureCollection,
  sel: Pick<Highlight, 'ids' | 'property' | 'values'>,
): Feature[] {
  // Same rule as the map's highlight filter: ids compare as text, values exactly.
  if (sel.ids) {
    const ids = new Set(sel.ids);
    return fc.features.filter((f) => ids.has(String(f.properties?.id ?? f.id)));
  }
  const values = new Set<unknown>(sel.values ?? []);
  return fc.features.filter((f) => values.has(f.properties?.[sel.property!]));
}

/** Bounds of the features' coordinates, or null when they have none. */
export function boundsOf(features: readonly Feature[]): Bounds | null {
  const b = turfBbox({ type: 'FeatureCollection', features: [...features] }) as Bounds;
  return b[0] <= b[2] && b[1] <= b[3] ? b : null;
}

/**
 * The chapter's subject bounds: its `subject`, else its highlight; null for a chapter without one,
 * or when the features are missing (the camera then keeps the story's centre and zoom).
 *
 * @param layer the features of a layer group (as named in story.json), if loaded
 * @param zone the zone's outline
 */
export function chapterSubject(
  chapter: Pick<Chapter, 'subject' | 'highlight'>,
  layer: (id: string) => FeatureCollection | undefined,
  zone: FeatureCollection | undefined,
): Bounds | null {
  const s = chapter.subject ?? chapter.highlight;
  if (!s) return null;
  if (s === 'zone') return zone ? boundsOf(zone.features) : null;
  const fc = layer(s.layer);
  return fc ? boundsOf(selectFeatures(fc, s)) : null;
}
