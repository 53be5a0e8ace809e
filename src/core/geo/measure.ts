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

/** Unit words per interface language: Chinese readers expect 公里 and 公顷, as the other tabs use. */
const UNITS = {
  zh: { km: ' 公里', m: ' 米', km2: ' 平方公里', ha: ' 公顷', m2: ' 平方米' },
  en: { km: ' km', m: ' m', km2: ' km²', ha: ' ha', m2: ' m²' },
} as const;
export type UnitLang = keyof typeof UNITS;

/** "1.23 km" / "850 m" (en), "1.23 公里" / "850 米" (zh). */
export function formatLength(m: number, lang: UnitLang = 'en'): string {
  const u = UNITS[lang];
  return m >= 1000 ? `${(m / 1000).toFixed(m >= 10000 ? 1 : 2)}${u.km}` : `${Math.round(m)}${u.m}`;
}

/** "1.72 km²" / "23.4 ha" / "500 m²" (en), "1.72 平方公里" / "23.4 公顷" / "500 平方米" (zh). */
export function formatArea(m2: number, lang: UnitLang = 'en'): string {
  const u = UNITS[lang];
  if (m2 >= 1e6) return `${(m2 / 1e6).toFixed(2)}${u.km2}`;
  if (m2 >= 1e4) return `${(m2 / 1e4).toFixed(1)}${u.ha}`;
  return `${Math.round(m2)}${u.m2}`;
}
