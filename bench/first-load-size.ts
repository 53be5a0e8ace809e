/**
 * The first load's JavaScript as a user's browser fetches it before the app can start: the entry
 * script of the built index.html and the chunks it preloads, raw and gzip (level 9, as Vite's
 * report), plus whether zod and the search/chart libraries stayed out of it and out of the
 * coverage worker. Reads a build, builds nothing: `npx tsx bench/first-load-size.ts [dist]`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

/** Markers of libraries that belong in on-demand chunks (strings their code always carries). */
const MARKERS: Record<string, RegExp> = {
  zod: /ZodError|\$ZodType/,
  'pinyin-pro': /toneType/,
  'fuse.js': /Fuse\.js|ignoreLocation/,
  'chart.js': /chartjs|Chart\.js/,
};

const size = (dist: string, file: string): ChunkSize => {
  const buf = readFileSync(join(dist, file));
  return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};

/** A chunk and every chunk it imports statically, transitively (paths relative to dist). */
function withStaticImports(dist: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g))
    withStaticImports(dist, join(dirname(file), m[1]), seen);
  return seen;
}

/** The JS a browser needs before the map can draw: the first load plus the map chunk's own imports. */
export function mapLoad(dist: string): ChunkSize[] {
  const part = readdirSync(join(dist, 'assets')).find((f) => /^map-parts-.*\.js$/.test(f));
  if (!part) return [];
  return [...withStaticImports(dist, `assets/${part}`)].map((f) => size(dist, f));
}

export function firstLoad(dist: string): { chunks: ChunkSize[]; libs: Record<string, string[]> } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+)"/g),
  ].map((m) => m[1]);
  const chunks = [...new Set(files)].map((f) => size(dist, f));
  const worker = readdirSync(join(dist, 'assets')).filter((f) => /^coverage\.worker-.*\.js$/.test(f));
  const libs: Record<string, string[]> = {};
  for (const [lib, re] of Object.entries(MARKERS)) {
    libs[lib] = [...chunks.map((c) => c.file), ...worker.map((w) => `assets/${w}`)].filter((f) =>
      re.test(readFileSync(join(dist, f), 'utf8')),
    );
  }
  return { chunks, libs };
}

export function printFirstLoad(dist: string): void {
  const { chunks, libs } = firstLoad(dist);
  const kb = (n: number) => (n / 1024).toFixed(1);
  for (const c of chunks) console.log(`first load: ${c.file}  ${kb(c.raw)} KB, gzip ${kb(c.gzip)} KB`);
  const total = chunks.reduce((a, c) => a + c.gzip, 0);
  console.log(`first JS total gzip: ${kb(total)} KB (target <= 350 KB)`);
  const toMap = new Map([...chunks, ...mapLoad(dist)].map((c) => [c.file, c]));
  const mapTotal = [...toMap.values()].reduce((a, c) => a + c.gzip, 0);
  console.log(
    `JS before the map draws (first load + map chunk with maplibre-gl, fetched in parallel with the data): gzip ${kb(mapTotal)} KB`,
  );
  for (const [lib, where] of Object.entries(libs))
    console.log(
      `${lib}: ${where.length ? `IN ${where.join(', ')}` : 'not in the first load nor the coverage worker'}`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) printFirstLoad(process.argv[2] ?? 'dist');
