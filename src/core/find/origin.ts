/**
 * Where a "near me" answer starts: the study-area check for a position (the browser's or a tap),
 * and the `o=lng,lat` URL value that lets a resident share the answer as a link.
 */
import { STUDY_BBOX } from '../geodata/study-area';

export type LngLat = [number, number];

/**
 * True inside the study area (lng 113.44–113.62, lat 34.75–34.88, WGS-84), edges included: the only
 * place where the walk network, and so an answer, exists.
 * @example inStudyArea(113.5, 34.8) // true
 */
export function inStudyArea(lng: number, lat: number): boolean {
  const [w, s, e, n] = STUDY_BBOX;
  return Number.isFinite(lng) && Number.isFinite(lat) && lng >= w && lng <= e && lat >= s && lat <= n;
}

/** Five decimals: about 1 m here, plenty for a walk's start, and a short link. */
const DECIMALS = 5;

/** @example formatOrigin([113.512345678, 34.8]) // '113.51235,34.8' */
export function formatOrigin([lng, lat]: LngLat): string {
  const r = (v: number) => String(Number(v.toFixed(DECIMALS)));
  return `${r(lng)},${r(lat)}`;
}

/**
 * The origin from a URL value, or null when it is malformed or outside the study area (a link
 * edited by hand must not start a search nowhere).
 * @example parseOrigin('113.5,34.8') // [113.5, 34.8]
 */
export function parseOrigin(text: string | undefined | null): LngLat | null {
  if (typeof text !== 'string') return null;
  const parts = text.split(',');
  if (parts.length !== 2 || parts.some((p) => p.trim() === '')) return null;
  const [lng, lat] = parts.map(Number);
  return inStudyArea(lng, lat) ? [lng, lat] : null;
}
