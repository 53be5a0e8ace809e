/**
 * Numbers a resident reads: whole walking minutes and a rounded distance. Pure; the UI puts them
 * into the zh or en sentence.
 */

/**
 * Whole minutes for a walk of `seconds`, at least 1 (a walk of 20 s still reads "1 min").
 * Rounded to the nearest minute, so the order of walks is kept (never reversed).
 * @example walkMinutes(2409.8) // 40
 */
export function walkMinutes(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new Error(`Walk time must be a non-negative number of seconds, got ${seconds}.`);
  return Math.max(1, Math.round(seconds / 60));
}

export interface DistanceParts {
  /** Already rounded, as text: "350", "1.2", "12". */
  value: string;
  unit: 'm' | 'km';
}

/**
 * A distance in metres as a figure and a unit: under 1 km to the nearest 10 m, under 10 km to 0.1 km,
 * beyond that whole km (nobody walks to a park precise to the metre).
 * @example distanceParts(1234) // { value: '1.2', unit: 'km' }
 */
export function distanceParts(metres: number): DistanceParts {
  if (!Number.isFinite(metres) || metres < 0)
    throw new Error(`Distance must be a non-negative number of metres, got ${metres}.`);
  const m10 = Math.max(10, Math.round(metres / 10) * 10);
  if (m10 < 1000) return { value: String(m10), unit: 'm' };
  const km = metres / 1000;
  if (km < 9.95) return { value: km.toFixed(1), unit: 'km' };
  return { value: String(Math.round(km)), unit: 'km' };
}
