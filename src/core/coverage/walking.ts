/**
 * Walking speed and band minutes: their limits and defaults, in one place. The speed slider, the
 * URL reader, the core's parameter check and the standards.json schema all use these, so a speed
 * accepted by one is accepted by all. The default speeds are the table's own (geodata/standards.json
 * `walking_speeds`, with their sources); the limits are ours: the slider's range, from a slow elderly
 * walk to a brisk adult one.
 */
import standards from '../../../geodata/standards.json';

/** Slowest and fastest walking speed the app computes with, m/s. */
export const SPEED_MIN_MPS = 0.5;
export const SPEED_MAX_MPS = 1.5;
/** The slider's step, m/s. */
export const SPEED_STEP_MPS = 0.05;

function tableSpeed(id: string): number {
  const row = (standards.walking_speeds as { id: string; m_per_s: number }[]).find((r) => r.id === id);
  if (!row) throw new Error(`geodata/standards.json has no walking_speeds row "${id}".`);
  return row.m_per_s;
}

/** The default speeds (adult, elderly), m/s, from geodata/standards.json. */
export const SPEEDS = { adult: tableSpeed('adult'), elderly: tableSpeed('elderly') } as const;
export const DEFAULT_SPEED_MPS = SPEEDS.adult;

export function isValidSpeed(mps: number): boolean {
  return Number.isFinite(mps) && mps >= SPEED_MIN_MPS && mps <= SPEED_MAX_MPS;
}

/** Band limits in minutes shown by default (5-, 10- and 15-minute circles). */
export const DEFAULT_BANDS_MIN: readonly number[] = [5, 10, 15];
/** At most this many bands (the palette has four greens), each at most this many minutes. */
export const MAX_BANDS = 4;
export const MAX_BAND_MIN = 60;

/** Ascending positive minutes, one to MAX_BANDS of them, none above MAX_BAND_MIN. */
export function isValidBands(bands: readonly number[]): boolean {
  return (
    bands.length >= 1 &&
    bands.length <= MAX_BANDS &&
    bands.every((b, i) => Number.isFinite(b) && b > 0 && b <= MAX_BAND_MIN && (i === 0 || b > bands[i - 1]))
  );
}
