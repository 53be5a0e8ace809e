/**
 * What-if parks as GeoJSON for drawing: each park's own area (a point park as its disc, a polygon
 * park as drawn), the corners and outline of a polygon still being drawn, and each point park's
 * straight-line service-radius disc (its own disc grown by the radius of its size tier, as the
 * worker buffers real green spaces).
 */
import { circle } from '@turf/circle';
import type { Feature, FeatureCollection } from 'geojson';
import type { WhatIf } from './whatif';
import { parkRadiusM } from './park-radius';
import { serviceRadius, type ServiceRadiusStandard } from './radius';

type Corner = [number, number];

export function whatIfShapes(list: readonly WhatIf[], draft: readonly Corner[]): FeatureCollection {
  const features: Feature[] = list.map((w) =>
    w.kind === 'point'
      ? circle([w.lng, w.lat], parkRadiusM(w.area_m2) / 1000, { steps: 48, properties: { id: w.id } })
      : {
          type: 'Feature',
          properties: { id: w.id },
          geometry: { type: 'Polygon', coordinates: w.coordinates },
        },
  );
  for (const c of draft)
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } });
  if (draft.length > 1)
    features.push({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: draft.length > 2 ? [...draft, draft[0]] : [...draft] },
    });
  return { type: 'FeatureCollection', features };
}

export function whatIfRadiusDiscs(list: readonly WhatIf[], std: ServiceRadiusStandard): Feature[] {
  const out: Feature[] = [];
  for (const w of list) {
    if (w.kind !== 'point') continue;
    const r = serviceRadius(std, w.area_m2);
    if (r > 0)
      out.push(
        circle([w.lng, w.lat], (r + parkRadiusM(w.area_m2)) / 1000, {
          steps: 64,
          properties: { id: w.id, radius_m: r },
        }),
      );
  }
  return out;
}
