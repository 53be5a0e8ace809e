/**
 * The first load's JavaScript as a user's browser fetches it before the app can start: the entry
 * script of the built index.html and the chunks it preloads, raw and gzip (level 9, as Vite's
 * report), plus whether zod and the search/chart libraries stayed out of it and out of the
 * coverage worker. Reads a build, builds nothing: `npx tsx bench/first-load-size.ts [dist]`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

/** Markers of libraries that belong in on-demand chunks (strings their code always carries). */
const MARKERS: Record<string, RegExp> = {
  zod: /ZodError|\$ZodType/,
  'pinyin-pro': /pinyin-pro|surnameMode/,
  'fuse.js': /Fuse\.js|ignoreLocation/,
  'chart.js': /chartjs|Chart\.js/,
};

const size = (dist: string, file: string): ChunkSize => {
  const buf = readFileSync(join(dist, file));
  return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};

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
  for (const [lib, where] of Object.entries(libs))
    console.log(`${lib}: ${where.length ? `IN ${where.join(', ')}` : 'not in the first load nor the coverage worker'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printFirstLoad(process.argv[2] ?? 'dist');
