/** The opening camera: the whole zone, clear of the side panel (desktop) or bottom sheet (phone). */
import turfBbox from '@turf/bbox';
import type { LngLatBoundsLike, PaddingOptions } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

/** The zone outline's extent, or the roads' when the outline is missing. */
export function zoneBounds(data: {
  boundary: FeatureCollection;
  roads: FeatureCollection;
}): LngLatBoundsLike {
  const fc = data.boundary.features.length ? data.boundary : data.roads;
  const [w, s, e, n] = turfBbox(fc);
  return [
    [w, s],
    [e, n],
  ];
}

export function homePadding(): PaddingOptions {
  const phone = window.innerWidth <= 720;
  if (phone) return { top: 20, right: 20, left: 20, bottom: Math.round(window.innerHeight * 0.42) + 10 };
  const panel = Math.min(360, window.innerWidth * 0.4) + 24;
  return { top: 30, right: 60, bottom: 40, left: panel };
}
