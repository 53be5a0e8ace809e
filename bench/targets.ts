/**
 * Issue 11's zone targets, measured the way the app meets them: `npx tsx bench/targets.ts`
 * (also the last part of `npm run bench`). Median of RUNS (default 7).
 *
 * - Engine cold start: in a fresh Node process per run (cold JIT, as a new worker is), from the
 *   parsed layers and the graphs asset's bytes to the first access image, and to the first full
 *   result. Reading and parsing the files is not timed (the worker receives the layers parsed).
 * - Full recompute: what the app asks after a parameter change (the smallest green space, so the
 *   search is redone): the access image, then the result without band polygons (they follow in
 *   idle time). Two times: to the primary answer (the image, then the result with this scenario's
 *   statistics, their range without guesses and the gaps; the comparison of scenarios deferred, as
 *   it needs new searches) and to everything (then the comparison, which the app asks for next).
 * - What-if update: the app's requests after a what-if park is dropped at a new place: the access
 *   image (incremental search, changed cells only) then the result without polygons (its
 *   comparison is ready: no new search, so it comes with the result). A drag frame is the access
 *   image alone.
 * - Band polygons: what idle time then costs (traced once per result, on demand).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoverageEngine } from '../src/core/coverage/pipeline';
import type { CoverageParams } from '../src/core/coverage/pipeline';
import { buildGraphAsset, bundledLayers } from '../scripts/geodata/build-graphs';
import { mulberry32 } from './synthetic-random';

const RUNS = Number(process.env.RUNS ?? 7);
const APP: CoverageParams = { scenario: '2015', minAreaM2: 1000, roadTimes: false };
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const now = () => performance.now();

if (process.argv[2] === '--cold') {
  // One cold start in this fresh process; prints JSON timings.
  const layers = bundledLayers();
  const buf = readFileSync(process.argv[3]);
  const asset = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  const t0 = now();
  // As the worker starts (handler.ts): the asset's extent, fingerprint checked once.
  const { engine: e, why } = CoverageEngine.withAsset(layers, asset);
  if (why) throw new Error(why);
  e.accessImage(APP);
  const image = now() - t0;
  e.compute({ ...APP, polygons: false } as CoverageParams);
  console.log(JSON.stringify({ image, result: now() - t0 }));
} else {
  const layers = bundledLayers();
  const bytes = buildGraphAsset(layers);
  const file = join(tmpdir(), `green-circle-bench-${process.pid}.bin`);
  writeFileSync(file, bytes);
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const self = fileURLToPath(import.meta.url);
  const cold = { image: [] as number[], result: [] as number[] };
  for (let r = 0; r < RUNS; r++) {
    const out = JSON.parse(execFileSync(process.execPath, [tsx, self, '--cold', file], { encoding: 'utf8' }));
    cold.image.push(out.image);
    cold.result.push(out.result);
  }

  const engine = new CoverageEngine(layers);
  engine.usePrebuilt(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  // As the app asks (state/coverage.svelte.ts): the image, the result with the comparison deferred
  // when it needs new searches, then that comparison. Returns the time to the result.
  const update = (p: CoverageParams): number => {
    const t = now();
    engine.accessImage(p);
    const r = engine.compute({ ...p, polygons: false, deferCompare: true } as CoverageParams);
    const primary = now() - t;
    if (r.comparisonDeferred) engine.comparison({ ...p, polygons: false } as CoverageParams);
    return primary;
  };
  update(APP);
  const full: number[] = [],
    fullPrimary: number[] = [];
  for (let r = -1; r < RUNS; r++) {
    engine.clearResults();
    const p = { ...APP, minAreaM2: r % 2 ? 1000 : 2000 };
    const t = now();
    const primary = update(p);
    if (r >= 0) {
      full.push(now() - t);
      fullPrimary.push(primary);
    }
  }
  update(APP);
  const rnd = mulberry32(1);
  const place = (): CoverageParams => {
    const [w, s, e, n] = engine.extent;
    const lng = w + (e - w) * (0.3 + 0.4 * rnd()),
      lat = s + (n - s) * (0.3 + 0.4 * rnd());
    return { ...APP, whatIfs: [{ id: 'wi', kind: 'point', lng, lat, area_m2: 20000 }] };
  };
  const whatIf: number[] = [],
    frame: number[] = [],
    polygons: number[] = [];
  for (let r = -1; r < RUNS; r++) {
    let p = place();
    let t = now();
    engine.accessImage({ ...p, draft: true });
    if (r >= 0) frame.push(now() - t);
    p = place();
    t = now();
    update(p);
    if (r >= 0) whatIf.push(now() - t);
    t = now();
    engine.compute(p);
    if (r >= 0) polygons.push(now() - t);
  }
  const f = (x: number) => x.toFixed(1);
  console.log(
    `\nZone targets (issue 11), median of ${RUNS}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}\n`,
  );
  console.log('| target | ms | goal |\n|---|---:|---:|');
  console.log(
    `| engine cold start to the first access image (fresh process) | ${f(median(cold.image))} | 60 |`,
  );
  console.log(`| engine cold start to the first full result (fresh process) | ${f(median(cold.result))} | |`);
  console.log(
    `| full recompute to the primary answer (image + result, comparison deferred) | ${f(median(fullPrimary))} | 10 |`,
  );
  console.log(`| full recompute to everything (+ the comparison of scenarios) | ${f(median(full))} | |`);
  console.log(`| what-if drag frame (access image) | ${f(median(frame))} | 2 |`);
  console.log(`| what-if update after the drop (image + result, no polygons) | ${f(median(whatIf))} | |`);
  console.log(`| band polygons after a what-if (idle time: the full compute) | ${f(median(polygons))} | |`);
}
