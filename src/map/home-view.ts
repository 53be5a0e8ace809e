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

/**
 * A phone's zoom and compass buttons: a 44 px column 10 px from the right edge (app.css). The
 * opening view keeps the plan left of them, so no name starts cut under a button (at 360×640 the
 * 西三环北延 corridor's name did). The price: at 360–390 px wide the plan is drawn about an
 * eighth smaller.
 */
const PHONE_CONTROLS_PX = 44 + 10 + 10;

export function homePadding(): PaddingOptions {
  const phone = window.innerWidth <= 720;
  if (phone)
    return {
      top: 20,
      right: PHONE_CONTROLS_PX,
      left: 20,
      bottom: Math.round(window.innerHeight * 0.42) + 10,
    };
  const panel = Math.min(360, window.innerWidth * 0.4) + 24;
  return { top: 30, right: 60, bottom: 40, left: panel };
}
