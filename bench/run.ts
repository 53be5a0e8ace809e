/**
 * Coverage benchmark: `npx tsx bench/run.ts` (npm run bench). Seeded; every figure is the median of
 * RUNS runs, in milliseconds, in Node on this machine. Prints one markdown table.
 *
 * (a) The bundled zone (geodata/): cold start (graph, indexes, grid links, green fields, then the
 *     first result), a full recompute (everything from the multi-source search on, for a new smallest
 *     green space), each stage of it, a speed change, and a what-if update.
 * (b) A synthetic city (≥ 100,000 edges, 500 parks): multi-source Dijkstra, access grid, bands.
 * (c) The naive method on the same data: a Turf buffer of every green space by 15 min × speed, then
 *     the union of all; and the ratio of its time to ours.
 * (d) The search engine side by side with a plain CSR + binary-heap Dijkstra and a plain Dial loop
 *     (bench/search-baselines.ts), on the synthetic city's walk graph and on a seeded grid city of
 *     about a million edges, runs interleaved, distances checked equal.
 * (e) The zone through the graphs asset and the access image: cold start, full recompute, what-if.
 * (f) The k best sites for new parks (src/core/sites) for k = 1, 5, 10, on the zone (2 ha parks,
 *     15 min) and on the synthetic city (10 min: at 15 min its 500 parks leave room for one site);
 *     each run a new search (candidates and parks prepared afresh); and k = 5 on the zone through
 *     the worker's handler (progress messages and breathing between steps included).
 */
import bbox from '@turf/bbox';
import buffer from '@turf/buffer';
import union from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { bandPolygons } from '../src/core/coverage/bands';
import { fillAccessGrid } from '../src/core/coverage/grid';
import { CoverageEngine, resolveParams } from '../src/core/coverage/pipeline';
import { buildSourceSet } from '../src/core/coverage/source-set';
import { comparePlan } from '../src/core/sites/plan-vs-best';
import { findSites } from '../src/core/sites/search';
import { createCoverageHandler } from '../src/worker/handler';
import type { FromWorker } from '../src/worker/protocol';
import type { CoverageLayers } from '../src/core/coverage/types';
import { nearestField } from '../src/core/coverage/dijkstra';
import { seedsOf } from '../src/core/coverage/sources';
import { buildGraphAsset, bundledLayers } from '../scripts/geodata/build-graphs';
import { dialDistances, heapDistances, seededGrid } from './search-baselines';
import { syntheticCity } from './synthetic-city';
import { mulberry32 } from './synthetic-random';

const RUNS = Number(process.env.RUNS ?? 7);
const rows: [string, string, string, string][] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const out = fn();
  return [performance.now() - t, out];
}

/**
 * CPU time of the last bench() (median, ms): this process's user + system time, which other busy
 * processes on the machine inflate far less than wall-clock time. Includes V8's GC helper threads.
 */
let lastCpu = NaN;

/** Runs fn RUNS times after one warm-up, returns the median wall-clock ms (and sets lastCpu). */
function bench(fn: (run: number) => void, runs = RUNS, warm = true): number {
  if (warm) fn(-1);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    ms.push(time(() => fn(r))[0]);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  lastCpu = median(cpu);
  return median(ms);
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
/** A table row; `cpu` defaults to the CPU time of the bench() that produced `ms` (pass NaN for none). */
function row(what: string, ms: number, note = '', cpu = lastCpu): void {
  rows.push([what, fmt(ms), fmt(cpu), note]);
  lastCpu = NaN;
  process.stderr.write(`${what}: ${fmt(ms)} ms (cpu ${fmt(cpu)}) ${note}\n`);
}

function naive(layers: CoverageLayers, speed: number, minutes: number): number {
  const polys = layers.green.features
    .map((f) => buffer(f, minutes * 60 * speed, { units: 'meters', steps: 8 }))
    .filter((b): b is Feature<Polygon | MultiPolygon> => !!b);
  const merged = polys.length > 1 ? union({ type: 'FeatureCollection', features: polys }) : polys[0];
  return merged ? 1 : 0;
}

// (a) The bundled zone.
const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../geodata/${name}`, import.meta.url), 'utf8'));
// As the app hands them to the worker (with the parsed standard), so the graphs asset matches.
const zone: CoverageLayers = bundledLayers();
const cold = bench(() => new CoverageEngine(zone).compute({ scenario: '2015' }), Math.min(RUNS, 5), false);
row('zone: cold start (both scenario models + first result)', cold, 'once per session, in the worker');
const engine = new CoverageEngine(zone);
engine.compute({ scenario: '2015' });
const stageRuns: Record<string, number[]> = {};
const full = bench((r) => {
  engine.clearResults();
  const res = engine.compute({ scenario: '2015', minAreaM2: (r + 2) % 2 ? 1000 : 2000 });
  for (const [k, v] of Object.entries(res.timings)) (stageRuns[k] ??= []).push(v);
});
const m = engine.model('2015', 50);
row(
  'zone: full recompute',
  full,
  `${m.graph.nodeCount} nodes, ${m.graph.edgeCount} edges, ${m.grid.cols}×${m.grid.rows} cells, both scenarios' stats (target ≤ 50)`,
);
for (const [k, v] of Object.entries(stageRuns)) if (k !== 'model') row(`zone: · ${k}`, median(v));
const speeds = [0.8, 0.9, 1.0, 1.1];
row(
  'zone: speed change',
  bench((r) => engine.compute({ scenario: '2015', speed: speeds[(r + 4) % 4] })),
  'bands, stats, gaps, roads only',
);
const rnd = mulberry32(1);
const whatIfStages: Record<string, number[]> = {};
const whatIf = bench(() => {
  const [w, s, e, n] = engine.extent;
  const lng = w + (e - w) * (0.3 + 0.4 * rnd()),
    lat = s + (n - s) * (0.3 + 0.4 * rnd());
  const res = engine.compute({
    scenario: '2015',
    whatIfs: [{ id: 'wi', kind: 'point', lng, lat, area_m2: 20000 }],
  });
  for (const [k, v] of Object.entries(res.timings)) (whatIfStages[k] ??= []).push(v);
});
row(
  'zone: what-if update (new park position)',
  whatIf,
  'incremental search + grid + bands + stats (target ≤ 16)',
);
for (const [k, v] of Object.entries(whatIfStages)) if (k !== 'model') row(`zone: · what-if ${k}`, median(v));
row(
  'zone: what-if drag frame (draft: bands at half resolution)',
  bench(() => {
    const [w, s, e, n] = engine.extent;
    const lng = w + (e - w) * (0.3 + 0.4 * rnd()),
      lat = s + (n - s) * (0.3 + 0.4 * rnd());
    engine.compute({
      scenario: '2015',
      draft: true,
      whatIfs: [{ id: 'wi', kind: 'point', lng, lat, area_m2: 20000 }],
    });
  }),
  'exact statistics; final frame without draft',
);
const qrnd = mulberry32(2);
const somewhere = (): [number, number] => {
  const [w, s, e, n] = engine.extent;
  return [w + (e - w) * (0.2 + 0.6 * qrnd()), s + (n - s) * (0.2 + 0.6 * qrnd())];
};
row(
  'zone: nearest 3 parks with routes (one place)',
  bench(() => engine.nearest({ scenario: '2015' }, ...somewhere())),
  'residents: "near me"',
);
row(
  'zone: point info (one click)',
  bench(() => engine.pointInfo({ scenario: '2015' }, ...somewhere())),
);
row(
  'zone: service-radius buffers (Turf buffer)',
  bench(() => new CoverageEngine(zone).radiusBuffers('2015'), Math.min(RUNS, 5)),
  'display only; cached per scenario',
);
row(
  'zone: suggest (5 gap parks tried)',
  bench(() => engine.suggest({ scenario: '2015' })),
  'incremental what-if per gap',
);
const zoneNaive = bench(() => naive(zone, 1, 15), Math.min(RUNS, 5));
row(
  `zone: naive buffer + union (${zone.green.features.length} green spaces)`,
  zoneNaive,
  `${(zoneNaive / full).toFixed(1)}× our full recompute`,
);

// (b) Synthetic city.
const city = syntheticCity(7, 113, 100, 500, 2000);
const cityBox = bbox(city.roads);
const pad = 0.006;
const [tBuild, cityEngine] = time(
  () => new CoverageEngine(city, [cityBox[0] - pad, cityBox[1] - pad, cityBox[2] + pad, cityBox[3] + pad]),
);
const params = resolveParams({ scenario: '2014', minAreaM2: 0, compare: false });
const [tModel, cm] = time(() => cityEngine.model('2014', 50));
row('city: build (graph, indexes, grid links, park fields)', tBuild + tModel, 'once per data set');
const greens = cm.greens;
let settled = 0;
const dijkstra = bench(() => {
  settled = buildSourceSet(cm, greens).settled;
});
row(
  'city: multi-source Dijkstra',
  dijkstra,
  `${cm.graph.nodeCount} nodes, ${cm.graph.edgeCount} edges, ${greens.length} parks, ${settled} settled (target ≤ 100)`,
);
const set = cityEngine.sourceSet(params);
const grid = bench(() => fillAccessGrid(cm.grid, cm.links, set.field, set.direct));
row('city: access grid', grid, `${cm.grid.cols}×${cm.grid.rows} cells`);
const acc = cityEngine.accessGrid(params, set);
const limits = [5, 10, 15].map((minutes) => ({ minutes, metres: minutes * 60 }));
const bands = bench(() => bandPolygons(cm.grid, acc.dist, limits));
row('city: bands (d3-contour)', bands, '5, 10, 15 min');
const cityFull = bench((r) => {
  cityEngine.clearResults();
  cityEngine.compute({ ...params, minAreaM2: (r + 2) % 2 });
});
row('city: full recompute', cityFull, 'search, grid, bands, stats, gaps, roads');
const cityNaive = bench(() => naive(city, 1, 15), Math.min(RUNS, 5), false);
row(
  `city: naive buffer + union (${city.green.features.length} parks)`,
  cityNaive,
  `${(cityNaive / cityFull).toFixed(0)}× our full recompute`,
);

// (d) The search engine against its baselines, side by side.
/**
 * Runs each function once per round, interleaved, and returns per-function median wall ms and median
 * CPU ms (this process's user + system time, which other busy processes inflate far less).
 */
function sideBySide(
  fns: Record<string, () => void>,
  runs = RUNS,
): { wall: Record<string, number>; cpu: Record<string, number> } {
  for (const f of Object.values(fns)) f();
  const ms: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (let r = 0; r < runs; r++)
    for (const [k, f] of Object.entries(fns)) {
      const c0 = process.cpuUsage();
      (ms[k] ??= []).push(time(f)[0]);
      const c = process.cpuUsage(c0);
      (cpu[k] ??= []).push((c.user + c.system) / 1000);
    }
  const medians = (xs: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, median(v)]));
  return { wall: medians(ms), cpu: medians(cpu) };
}

function searchRows(
  label: string,
  g: Parameters<typeof heapDistances>[0],
  seeds: ReturnType<typeof seedsOf>,
  cutoff: number,
) {
  const heap = heapDistances(g, seeds.node, seeds.dist);
  const dial = dialDistances(g, seeds.node, seeds.dist);
  const ours = nearestField(g, seeds).dist;
  const cut = nearestField(g, seeds, cutoff).dist;
  let unequal = 0,
    cutUnequal = 0;
  for (let v = 0; v < heap.length; v++) {
    if (heap[v] !== ours[v] || heap[v] !== dial[v]) unequal++;
    if (heap[v] <= cutoff && cut[v] !== heap[v]) cutUnequal++;
  }
  const { wall: t, cpu: c } = sideBySide({
    heap: () => void heapDistances(g, seeds.node, seeds.dist),
    dial: () => void dialDistances(g, seeds.node, seeds.dist),
    engine: () => void nearestField(g, seeds),
    cutoff: () => void nearestField(g, seeds, cutoff),
  });
  const eq =
    unequal === 0 && cutUnequal === 0 ? 'distances equal' : `${unequal + cutUnequal} DISTANCES DIFFER`;
  /** A ratio against the limit, by wall time and by CPU time (the steadier one on a busy machine). */
  const vsLimit = (k: string) =>
    `${(t[k] / t.dial).toFixed(2)}× the limit (CPU time: ${(c[k] / c.dial).toFixed(2)}×)`;
  row(`${label}: binary heap (baseline)`, t.heap, '', c.heap);
  row(
    `${label}: Dial bucket queue, distances only (the limit)`,
    t.dial,
    `${(t.heap / t.dial).toFixed(1)}× faster than the heap`,
    c.dial,
  );
  row(
    `${label}: engine, whole graph`,
    t.engine,
    `${vsLimit('engine')}, ${(t.heap / t.engine).toFixed(1)}× faster than the heap; ${eq}`,
    c.engine,
  );
  row(`${label}: engine, cut off at ${cutoff} m`, t.cutoff, vsLimit('cutoff'), c.cutoff);
}

searchRows(
  `search, synthetic city (${cm.graph.edgeCount} edges)`,
  cm.graph,
  seedsOf(cm.graph, set.points),
  900,
);
{
  const big = seededGrid(3, 710);
  const rndS = mulberry32(9);
  const S = 2000;
  const node = Int32Array.from({ length: S }, () => Math.floor(rndS() * big.nodeCount));
  const seeds = {
    node,
    dist: Float64Array.from({ length: S }, () => rndS() * 150),
    green: Int32Array.from({ length: S }, (_, k) => k),
    point: Int32Array.from({ length: S }, (_, k) => k),
  };
  searchRows(`search, seeded grid city (${big.edgeCount} edges, ${S} sources)`, big, seeds, 900);
}

// (e) The zone through the graphs asset and the access image.
const asset = buildGraphAsset(zone);
const assetBuf = asset.buffer.slice(asset.byteOffset, asset.byteOffset + asset.byteLength) as ArrayBuffer;
{
  const why = new CoverageEngine(zone).usePrebuilt(assetBuf);
  if (why) throw new Error(why);
}
row(
  'zone: cold start with the graphs asset (both models + first result)',
  bench(
    () => {
      const e = new CoverageEngine(zone);
      e.usePrebuilt(assetBuf);
      e.compute({ scenario: '2015' });
    },
    Math.min(RUNS, 5),
    false,
  ),
  `asset ${(asset.length / 1024).toFixed(0)} KB; compare with the cold start above`,
);
row(
  'zone: engine cold start with the asset to the first access image',
  bench(
    () => {
      const e = new CoverageEngine(zone);
      e.usePrebuilt(assetBuf);
      e.accessImage({ scenario: '2015' });
    },
    Math.min(RUNS, 5),
    false,
  ),
  'one scenario model, search, grid, image, band statistics',
);
const imgEngine = new CoverageEngine(zone);
imgEngine.usePrebuilt(assetBuf);
imgEngine.accessImage({ scenario: '2015' });
row(
  'zone: full recompute, image path',
  bench((r) => {
    imgEngine.clearResults();
    imgEngine.accessImage({ scenario: '2015', minAreaM2: (r + 2) % 2 ? 1000 : 2000 });
  }),
  'search, grid, image, exact band statistics (no polygons)',
);
const imgStages: Record<string, number[]> = {};
const irnd = mulberry32(1);
row(
  'zone: what-if update, image path',
  bench(() => {
    const [w, s, e, n] = imgEngine.extent;
    const lng = w + (e - w) * (0.3 + 0.4 * irnd()),
      lat = s + (n - s) * (0.3 + 0.4 * irnd());
    const res = imgEngine.accessImage({
      scenario: '2015',
      whatIfs: [{ id: 'wi', kind: 'point', lng, lat, area_m2: 20000 }],
    });
    for (const [k, v] of Object.entries(res.timings)) (imgStages[k] ??= []).push(v);
    (imgStages.cells ??= []).push(res.changedCells);
  }),
  'incremental search, changed cells only: grid, repaint, statistics by difference',
);
for (const [k, v] of Object.entries(imgStages))
  if (k !== 'cells') row(`zone: · what-if image ${k}`, median(v), '', NaN);
row(
  'zone: · what-if cells repainted',
  NaN,
  `median ${median(imgStages.cells)} of ${imgEngine.model('2015', 50).grid.cols * imgEngine.model('2015', 50).grid.rows} cells`,
  NaN,
);

// (f) The k best sites.
const landUse = load('industrial-parks.geojson');
const siteRuns = Math.min(RUNS, 5);
/** One new search per run: a 1 m² different area gives fresh candidates and parks (same sites). */
function benchSites(
  label: string,
  e: CoverageEngine,
  lu: typeof landUse,
  coverage: Parameters<typeof findSites>[1]['coverage'],
) {
  for (const k of [1, 5, 10]) {
    let evaluations = 0,
      candidates = 0,
      last = '';
    const ms = bench(
      (r) => {
        const res = findSites(e, { coverage, k, areaM2: 20000 + r + 2, landUse: lu });
        evaluations = res.evaluations;
        candidates = res.candidates;
        last = res.rankings[0].sites.map((s) => Math.round(s.gain)).join(' ');
      },
      siteRuns,
      false,
    );
    row(
      `${label}: best sites, k = ${k}`,
      ms,
      `${candidates} candidates, ${evaluations} gains measured; gains ${last}`,
    );
  }
}
benchSites('zone', engine, landUse, { scenario: '2015' });
const zoneSites = findSites(engine, { coverage: { scenario: '2015' }, k: 5, landUse });
process.stderr.write(
  `zone top 5 (2 ha): ${zoneSites.rankings[0].sites.map((s) => `${s.rank}. ${s.lng.toFixed(5)},${s.lat.toFixed(5)} +${Math.round(s.gain)} (guessed ${Math.round(s.guessed.share * 100)}%)`).join('; ')}\n`,
);
/** k = 5 on the zone through the worker's handler, as the app sends it after the coverage is shown. */
async function sitesViaHandler(run: number): Promise<number> {
  let sentAt = 0;
  return new Promise<number>((resolve) => {
    const h = createCoverageHandler({
      postMessage: (m) => {
        const msg = m as FromWorker;
        if (msg.kind !== 'response') return;
        if (msg.id === 'compute') {
          sentAt = performance.now();
          const data = { coverage: { scenario: '2015' as const }, k: 5, areaM2: 20000 + run, landUse };
          h.receive({ kind: 'request', id: 'sites', type: 'sites', data });
        } else if (msg.id === 'sites') resolve(performance.now() - sentAt);
      },
    });
    h.receive({ kind: 'request', id: 'init', type: 'init', data: { layers: zone } });
    h.receive({ kind: 'request', id: 'compute', type: 'compute', data: { scenario: '2015' } });
  });
}
const viaWorker: number[] = [];
for (let r = 0; r < siteRuns; r++) viaWorker.push(await sitesViaHandler(r));
row(
  'zone: best sites, k = 5, through the worker handler',
  median(viaWorker),
  'after init; progress and breathing included (target < 2000)',
  NaN,
);
row(
  'zone: plan 2014 → 2015 against the best sites',
  bench(
    (r) =>
      comparePlan(engine, {
        coverage: { scenario: '2015' },
        before: { scenario: '2014' },
        landUse,
        areaM2: 500000 + r + 2,
      }),
    Math.min(RUNS, 3),
    false,
  ),
  '6 plan parks (mean 50 ha) against 6 best sites of that size; each plan park alone and with the others',
);
benchSites('city', cityEngine, undefined, { ...params, bands: [5, 10] });

console.log(
  `\nCoverage benchmark, median of ${RUNS} runs (naive and cold: ${Math.min(RUNS, 5)}), Node ${process.version}, load average ${loadavg()[0].toFixed(1)}\n`,
);
console.log('| step | wall ms | CPU ms | notes |\n|---|---:|---:|---|');
for (const [a, b, c, d] of rows) console.log(`| ${a} | ${b} | ${c} | ${d} |`);
