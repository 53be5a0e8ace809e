/**
 * Which inputs of a gain are guesses. Roads follow the coverage rule (coverage/guesses.ts: a road is
 * guessed when illustrative or counted by the opening-year assumption; a low-confidence road exists,
 * only its position is rough). Residential blocks are guessed when their confidence is 'low' or
 * they are illustrative (their population is an estimate from listings that may be incomplete).
 */
import { roadGuessed } from '../coverage/guesses';
import type { Scenario } from '../coverage/types';

export function blockGuessed(props: unknown): boolean {
  const p = props as { confidence?: unknown; illustrative?: unknown } | null | undefined;
  return p?.illustrative === true || p?.confidence === 'low';
}

/** 1 per residential block that is a guess, by index in the layer. */
export function guessedBlocks(features: ReadonlyArray<{ properties: unknown }>): Uint8Array {
  return Uint8Array.from(features, (f) => (blockGuessed(f.properties) ? 1 : 0));
}

/** 1 per road that is a guess in the scenario, by index in the layer. */
export function guessedRoads(
  features: ReadonlyArray<{ properties: Parameters<typeof roadGuessed>[0] | null }>,
  scenario: Scenario,
): Uint8Array {
  return Uint8Array.from(features, (f) => (f.properties && roadGuessed(f.properties, scenario) ? 1 : 0));
}
