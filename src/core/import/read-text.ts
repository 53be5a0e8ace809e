/** Bytes in, text out: the size limit and the character decoding, before any parsing. */

/** Size in bytes (for a string: its UTF-16 length, a lower bound of its UTF-8 size, cheap to get). */
export function byteSize(input: string | ArrayBuffer | Uint8Array): number {
  return typeof input === 'string' ? input.length : input.byteLength;
}

/**
 * UTF-8 text without a byte-order mark. Invalid bytes become U+FFFD rather than throwing: a bad
 * byte inside a name must not stop an import, and a bad byte in the structure fails JSON parsing
 * with a located message.
 */
export function decodeText(input: string | ArrayBuffer | Uint8Array): string {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
