/**
 * Where the zone targets' time goes, stage by stage (a tool, not part of `npm run bench`):
 * `npx tsx bench/profile-zone.ts [--cold asset.bin]`. In-process: the stages of a cold start, a
 * full recompute, a drag frame and a drop, from the engine's own timings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoverageEngine } from '../src/core/coverage/pipeline';
import type { CoverageParams } from '../src/core/coverage/pipeline';
import { buildGraphAsset, bundledLayers } from '../scripts/geodata/build-graphs';

const APP: CoverageParams = { scenario: '2015', minAreaM2: 1000, roadTimes: false };
const now = () => performance.now();
const fmt = (t: Record<string, number>) =>
  Object.entries(t)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');

const layers = bundledLayers();
let file = process.argv[2] === '--cold' ? process.argv[3] : '';
if (!file) {
  file = join(tmpdir(), `green-circle-profile-${process.pid}.bin`);
  writeFileSync(file, buildGraphAsset(layers));
}
const buf = readFileSync(file);
const asset = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
let t = now();
const e = new CoverageEngine(layers);
console.log('constructor', (now() - t).toFixed(1));
t = now();
e.usePrebuilt(asset);
console.log('usePrebuilt', (now() - t).toFixed(1));
t = now();
const img = e.accessImage(APP);
console.log(
  'first image',
  (now() - t).toFixed(1),
  fmt(img.timings),
  '| model',
  fmt(e.model('2015', 50).timings),
);
t = now();
const r = e.compute({ ...APP, polygons: false });
console.log('first result', (now() - t).toFixed(1), fmt(r.timings));
for (let k = 0; k < 3; k++) {
  e.clearResults();
  t = now();
  const p = { ...APP, minAreaM2: k % 2 ? 1000 : 2000 };
  const i = e.accessImage(p);
  const t1 = now() - t;
  // As the app asks: the comparison deferred (it needs new searches), then asked for.
  const c = e.compute({ ...p, polygons: false, deferCompare: true });
  const t2 = now() - t;
  e.comparison(p);
  console.log(
    'full',
    (now() - t).toFixed(1),
    'image',
    t1.toFixed(1),
    fmt(i.timings),
    '| result',
    (t2 - t1).toFixed(1),
    fmt(c.timings),
    '| comparison',
    (now() - t - t2).toFixed(1),
  );
}
const [w, s, ea, n] = e.extent;
for (let k = 0; k < 5; k++) {
  const p: CoverageParams = {
    ...APP,
    whatIfs: [
      {
        id: 'wi',
        kind: 'point',
        lng: w + (ea - w) * (0.3 + 0.08 * k),
        lat: s + (n - s) * (0.4 + 0.05 * k),
        area_m2: 20000,
      },
    ],
  };
  t = now();
  const i = e.accessImage({ ...p, draft: true });
  const t1 = now() - t;
  const c = e.compute({ ...p, polygons: false });
  const t2 = now() - t;
  const poly = e.compute(p);
  console.log(
    `what-if image ${t1.toFixed(1)} (${fmt(i.timings)}, cells ${i.changedCells}) | result ${(t2 - t1).toFixed(1)} (${fmt(c.timings)}) | polygons ${fmt(poly.timings)}`,
  );
}
