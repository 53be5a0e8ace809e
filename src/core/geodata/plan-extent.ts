/**
 * What the 2015 plan covers on the map: the zone outline plus every plan road, plan green space
 * and industrial park. The opening camera frames this, so no headline project (the 长椿路/雪松路
 * extensions run south of the zone) starts off-screen.
 */
import turfBbox from '@turf/bbox';
import type { Feature, FeatureCollection } from 'geojson';

export type Bounds = [[number, number], [number, number]];

/** A feature the plan names: it carries `plan` (the project) or belongs to a plan programme. */
export function isPlanFeature(f: Feature): boolean {
  const p = f.properties ?? {};
  return Boolean(p.plan) || p.program === 'four_parks' || p.program === 'four_corridors';
}

/** The features the opening view must show, each with its own bounds (for tests and framing). */
export function planFeatures(data: {
  boundary: FeatureCollection;
  roads: FeatureCollection;
  greenery: FeatureCollection;
  industry: FeatureCollection;
}): Feature[] {
  return [
    ...data.boundary.features,
    ...data.roads.features.filter(isPlanFeature),
    ...data.greenery.features.filter(isPlanFeature),
    ...data.industry.features,
  ].filter((f) => f.geometry);
}

/** Bounds of a list of features; undefined when none has a geometry. */
export function boundsOf(features: Feature[]): Bounds | undefined {
  const withGeometry = features.filter((f) => f.geometry);
  if (!withGeometry.length) return undefined;
  const [w, s, e, n] = turfBbox({ type: 'FeatureCollection', features: withGeometry });
  return [
    [w, s],
    [e, n],
  ];
}

/**
 * A clicked road's whole plan project: every feature sharing its `plan` ("长椿路南延" is four
 * pieces split at crossings); just the feature when it belongs to no project.
 */
export function planProject(feature: Feature, collection: FeatureCollection): Feature[] {
  const plan = feature.properties?.plan;
  if (!plan) return [feature];
  const parts = collection.features.filter((f) => f.properties?.plan === plan);
  return parts.length ? parts : [feature];
}
