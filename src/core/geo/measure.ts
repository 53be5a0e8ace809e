/**
 * Lengths and areas shown in the details panel, computed with Turf on WGS-84 geometry
 * (geodesic, so they don't depend on the map's projection).
 */
import turfLength from '@turf/length';
import turfArea from '@turf/area';
import type { Feature, Geometry } from 'geojson';

/** Length in metres of a line feature; 0 for anything else. */
export function lengthM(feature: Feature<Geometry>): number {
  const t = feature.geometry?.type;
  if (t !== 'LineString' && t !== 'MultiLineString') return 0;
  return turfLength(feature as Feature<typeof feature.geometry>, { units: 'kilometers' }) * 1000;
}

/** Area in square metres of a polygon feature; 0 for anything else. */
export function areaM2(feature: Feature<Geometry>): number {
  const t = feature.geometry?.type;
  if (t !== 'Polygon' && t !== 'MultiPolygon') return 0;
  return turfArea(feature);
}

/** "1.2 km" / "850 m", "23.4 ha" / "1.72 km²" style figures, language-neutral units. */
export function formatLength(m: number): string {
  return m >= 1000 ? `${(m / 1000).toFixed(m >= 10000 ? 1 : 2)} km` : `${Math.round(m)} m`;
}

export function formatArea(m2: number): string {
  if (m2 >= 1e6) return `${(m2 / 1e6).toFixed(2)} km²`;
  if (m2 >= 1e4) return `${(m2 / 1e4).toFixed(1)} ha`;
  return `${Math.round(m2)} m²`;
}
