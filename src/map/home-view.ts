/** The opening camera: the whole plan, clear of the side panel (desktop) or bottom sheet (phone). */
import type { LngLatBoundsLike, PaddingOptions } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { boundsOf, planFeatures } from '../core/geodata/plan-extent';

/**
 * The plan's extent: the zone outline with every plan road, park and industrial park (some run
 * beyond the outline); the roads' extent when there is no plan data at all.
 */
export function zoneBounds(data: {
  boundary: FeatureCollection;
  roads: FeatureCollection;
  greenery: FeatureCollection;
  industry: FeatureCollection;
}): LngLatBoundsLike {
  return (boundsOf(planFeatures(data)) ?? boundsOf(data.roads.features)) as LngLatBoundsLike;
}

export function homePadding(): PaddingOptions {
  const phone = window.innerWidth <= 720;
  if (phone) return { top: 20, right: 20, left: 20, bottom: Math.round(window.innerHeight * 0.42) + 10 };
  const panel = Math.min(360, window.innerWidth * 0.4) + 24;
  return { top: 30, right: 60, bottom: 40, left: panel };
}
