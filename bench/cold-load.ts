/**
 * Cold load to an idle map: the built app against a bare MapLibre page drawing the same geodata
 * layers with labels (bench/bare/), in the same headless Chromium and flags as the e2e tests,
 * alternating, each load in a fresh browser context (empty cache, no service worker yet).
 * Prints the median time to idle of each and their ratio, and the first load's JS sizes.
 *
 * Builds nothing: `npm run build` first (or BENCH_DIST=/tmp/dist-x). `RUNS=9 npm run bench:load` (the default).
 * The app's idle: window.greenCircle.ready (data loaded, map idle) then settled(); the bare page's:
 * the map's first `idle` after `load`. Both measured as performance.now() in the page (from the
 * navigation's start), at 1440×900.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentType } from './content-types';
import type { Browser } from 'playwright-core';
import { launch } from '../tests/e2e/harness';
import { CSP_HEADER } from '../scripts/vite-csp';
import { printFirstLoad } from './first-load-size';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = resolve(ROOT, process.env.BENCH_DIST ?? process.env.E2E_DIST ?? 'dist');
const RUNS = Number(process.env.RUNS ?? 9);
const MAPLIBRE = join(ROOT, 'node_modules/maplibre-gl/dist');

/** The bare page's inputs: the built app's own geodata and font files (same bytes, same server). */
function bareManifest(): unknown {
  const assets = readdirSync(join(DIST, 'assets'));
  const find = (prefix: string) => {
    const f = assets.find((a) => a.startsWith(`${prefix}-`) && a.endsWith('.geojson'));
    if (!f) throw new Error(`${DIST}/assets has no ${prefix}-*.geojson`);
    return `/assets/${f}`;
  };
  const ranges = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/@fontsource/noto-sans-sc/unicode.json'), 'utf8'),
  ) as Record<string, string>;
  const fonts = Object.entries(ranges).flatMap(([key, range]) => {
    const name = `noto-sans-sc-${key.replace(/^\[(\d+)\]$/, '$1')}-400-normal-`;
    const f = assets.find((a) => a.startsWith(name) && a.endsWith('.woff2'));
    return f ? [{ url: `/assets/${f}`, ranges: range.split(',') }] : [];
  });
  return {
    geojson: {
      roads: find('roads'),
      greenery: find('greenery'),
      industry: find('industrial-parks'),
      residential: find('residential'),
      water: find('water'),
      boundary: find('boundary'),
      landmarks: find('landmarks'),
    },
    fonts,
  };
}

function serve(): Promise<{ server: Server; url: string }> {
  const manifest = JSON.stringify(bareManifest());
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string;
    let headers: Record<string, string> = {};
    if (path === '/bare/manifest.json') {
      res.writeHead(200, { 'content-type': contentType('manifest.json') });
      res.end(manifest);
      return;
    }
    if (path.startsWith('/bare/')) file = join(ROOT, 'bench', normalize(path));
    else if (path.startsWith('/maplibre/')) file = join(MAPLIBRE, normalize(path.slice('/maplibre/'.length)));
    else {
      file = join(DIST, normalize(path === '/' ? '/index.html' : path));
      headers = { 'content-security-policy': CSP_HEADER };
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file), ...headers });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    }),
  );
}

type Kind = 'app' | 'bare';

async function coldLoad(browser: Browser, base: string, kind: Kind): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    if (kind === 'app') {
      await page.goto(`${base}/`);
      await page.waitForFunction(() => !!window.greenCircle?.ready, undefined, { timeout: 120_000 });
      return await page.evaluate(async () => {
        await window.greenCircle.ready;
        await window.greenCircle.settled();
        return performance.now();
      });
    }
    await page.goto(`${base}/bare/index.html`);
    await page.waitForFunction(() => (window as unknown as { bareIdle?: number }).bareIdle, undefined, {
      timeout: 120_000,
    });
    return await page.evaluate(() => (window as unknown as { bareIdle: number }).bareIdle);
  } finally {
    if (errors.length) console.warn(`${kind}: page errors: ${errors.join(' | ')}`);
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build first.`);
  const { server, url } = await serve();
  const browser = await launch();
  const times: Record<Kind, number[]> = { app: [], bare: [] };
  try {
    // One unmeasured load of each warms the OS file cache and Chromium's process start.
    await coldLoad(browser, url, 'bare');
    await coldLoad(browser, url, 'app');
    for (let i = 0; i < RUNS; i++) {
      // Alternating, and alternating which goes first, so drift in the machine's load hits both.
      const order: Kind[] = i % 2 ? ['app', 'bare'] : ['bare', 'app'];
      for (const kind of order) times[kind].push(await coldLoad(browser, url, kind));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const s = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(', ');
  const app = median(times.app);
  const bare = median(times.bare);
  console.log(`cold load to idle, 1440x900, ${RUNS} runs each, alternating (${DIST})`);
  console.log(`  app : median ${(app / 1000).toFixed(2)} s  [${s(times.app)}]`);
  console.log(`  bare: median ${(bare / 1000).toFixed(2)} s  [${s(times.bare)}]`);
  console.log(`  ratio app / bare: ${(app / bare).toFixed(2)}x (target <= 1.3x)`);
  // Each round's own ratio (its app load against the bare load beside it): how far one median of
  // RUNS can be trusted on a shared machine, where the bare page alone moves by a third.
  const rounds = times.app.map((a, i) => a / times.bare[i]).sort((x, y) => x - y);
  const q = (f: number) => rounds[Math.min(rounds.length - 1, Math.floor(f * rounds.length))];
  console.log(
    `  per round: median ${median(rounds).toFixed(2)}x, quartiles ${q(0.25).toFixed(2)}–${q(0.75).toFixed(2)}x, ` +
      `range ${rounds[0].toFixed(2)}–${rounds[rounds.length - 1].toFixed(2)}x`,
  );
  printFirstLoad(DIST);
}

await main();
