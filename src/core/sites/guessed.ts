/**
 * Which input features are guesses: confidence 'low' or `illustrative: true` (DESIGN.md, "Guesses
 * are marked"). Read from the raw properties, since the coverage inputs type only what the search needs.
 */
export function isGuessed(props: unknown): boolean {
  const p = props as { confidence?: unknown; illustrative?: unknown } | null | undefined;
  return p?.illustrative === true || p?.confidence === 'low';
}

/** 1 per feature that is a guess, by index in the layer. */
export function guessedFlags(features: ReadonlyArray<{ properties: unknown }>): Uint8Array {
  return Uint8Array.from(features, (f) => (isGuessed(f.properties) ? 1 : 0));
}
