/**
 * Where the data lies, and the usual reasons it lies elsewhere: projected metres, swapped axes,
 * a wrong coordinate system or simply another city.
 */
import distance from '@turf/distance';
import { STUDY_BBOX } from '../geodata/study-area';
import type { Finding } from './issue';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Counts over every position of the file, before any conversion. */
export interface RawPositionCounts {
  total: number;
  outOfRange: number;
  swappedNearZone: number;
  firstOutOfRange?: [number, number];
  /** The first position of the file, quoted in messages as an example. */
  first?: [number, number];
}

/**
 * A file-wide mistake, if most positions show it: swapped latitude/longitude (values near
 * (34.8, 113.5)) or projected metres (values beyond ±180 / ±90).
 */
export function detectAxisOrUnitMistake(c: RawPositionCounts): Finding | undefined {
  if (c.total === 0) return undefined;
  if (c.swappedNearZone > c.total / 2 && c.first) {
    return { code: 'swapped-lat-lng', params: { x: round(c.first[0], 6), y: round(c.first[1], 6) } };
  }
  if (c.outOfRange > c.total / 2 && c.firstOutOfRange) {
    const [x, y] = c.firstOutOfRange;
    const params: Finding['params'] = { x: round(x, 2), y: round(y, 2) };
    const guess = guessProjection(x, y);
    if (guess) params.guess = guess;
    return { code: 'projected-coordinates', params };
  }
  return undefined;
}

/** Names the projection metres in this area most likely come from; undefined when unsure. */
function guessProjection(x: number, y: number): string | undefined {
  const ax = Math.abs(x);
  if (ax > 1.2e7 && ax < 1.3e7 && y > 3.9e6 && y < 4.3e6)
    return 'EPSG:3857 Web Mercator (or Baidu BD-09 Mercator)';
  if (ax > 38e6 && ax < 39e6 && y > 3.7e6 && y < 4.0e6)
    return 'CGCS2000 3-degree Gauss-Krüger zone 38 (EPSG:4526)';
  if (ax > 1e5 && ax < 1e6 && y > 3.7e6 && y < 4.0e6)
    return 'UTM zone 49N or CGCS2000 Gauss-Krüger (EPSG:32649 / EPSG:4547)';
  return undefined;
}

/**
 * Kilometres from a bbox's centre to the study area (0 when the bbox touches it), and that centre.
 * bbox is [west, south, east, north] in WGS-84.
 */
export function distanceFromStudyArea(bbox: readonly number[]): { km: number; center: [number, number] } {
  const [w, s, e, n] = bbox;
  const [sw, ss, se, sn] = STUDY_BBOX;
  const center: [number, number] = [(w + e) / 2, (s + n) / 2];
  if (e >= sw && w <= se && n >= ss && s <= sn) return { km: 0, center };
  const nearest: [number, number] = [
    Math.min(Math.max(center[0], sw), se),
    Math.min(Math.max(center[1], ss), sn),
  ];
  return { km: round(distance(center, nearest, { units: 'kilometers' }), 1), center };
}
