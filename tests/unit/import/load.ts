import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));

/** A corpus file's raw bytes, as the app reads a dropped file (ArrayBuffer). */
export function fixtureBytes(name: string): ArrayBuffer {
  const b = readFileSync(dir + name);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

export function fixtureText(name: string): string {
  return readFileSync(dir + name, 'utf8');
}
