/**
 * Dragging a what-if park: frames per second on the map while its marker is dragged, against the
 * same page while the map itself is panned for as long (the display rate this browser reaches with
 * software WebGL), and the statistics after the drop against a fresh page opened at the dropped
 * position (they must be equal: drag frames are drafts, the drop is computed exactly).
 *
 * Builds nothing: serves a build (`dist/`, or BENCH_DIST=/tmp/dist-x) with the app's CSP, in the e2e
 * tests' headless Chromium (tests/e2e/harness.ts flags), 1440×900. `RUNS=3 npm run bench:drag`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentType } from './content-types';
import type { Browser, Page } from 'playwright-core';
import { CSP_HEADER } from '../scripts/vite-csp';
import { launch } from '../tests/e2e/harness';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = resolve(ROOT, process.env.BENCH_DIST ?? process.env.E2E_DIST ?? 'dist');
const RUNS = Number(process.env.RUNS ?? 3);
/** A 2 ha park in the zone's middle, dragged 3 s: 90 pointer moves 33 ms apart. */
const WHATIF = 'p,113.5300,34.8150,20000';
const MOVES = 90;
const MOVE_MS = 33;
const SHARE_15 = '[data-testid="cov-pop-share"][data-minutes="15"]';

function serve(): Promise<{ close: () => void; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(DIST, normalize(path === '/' ? '/index.html' : path));
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    const type = contentType(file);
    res.writeHead(200, {
      'content-type': type,
      'content-security-policy': CSP_HEADER,
    });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ close: () => server.close(), url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    }),
  );
}

/** How long a page may take to settle before the bench stops saying what is still pending. */
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 180_000);

/**
 * window.greenCircle.settled(), bounded: on a loaded machine a stuck computation used to stall the
 * bench silently (Playwright's evaluate has no timeout); now it stops and names what is pending.
 */
async function settle(page: Page, what: string): Promise<void> {
  const t0 = Date.now();
  const done = await page.evaluate(
    `Promise.race([window.greenCircle.settled().then(() => true), new Promise((ok) => setTimeout(() => ok(false), ${SETTLE_MS}))])`,
  );
  if (!done) {
    const pending = await page.evaluate('[...window.greenCircle.pending].join(", ")');
    const idle = await page.evaluate(
      '!!window.greenCircle.map && window.greenCircle.map.loaded() && !window.greenCircle.map.isMoving()',
    );
    throw new Error(
      `${what}: not settled after ${SETTLE_MS / 1000} s (pending: ${String(pending) || 'none'}; map idle: ${String(idle)}).`,
    );
  }
  process.stderr.write(`  ${what}: settled in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

async function openCoverage(browser: Browser, base: string, wi: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => process.stderr.write(`page error: ${String(e)}\n`));
  page.on('console', (m) => m.type() === 'error' && process.stderr.write(`console: ${m.text()}\n`));
  await page.goto(`${base}/#/map?lang=en&wi=${wi}`);
  await page.waitForFunction(() => !!window.greenCircle?.ready, undefined, { timeout: 120_000 });
  await page.evaluate(() => window.greenCircle.ready);
  await page.click('[data-tab="coverage"]');
  await page.waitForSelector(SHARE_15, { timeout: 120_000 });
  await settle(page, 'coverage opened');
  return page;
}

/** Frames drawn while `move` runs: counts requestAnimationFrame callbacks in the page. */
async function framesDuring(page: Page, move: () => Promise<void>): Promise<{ fps: number; p95: number }> {
  // A string, not a function: tsx's transform would name the inner function with a helper the
  // page does not have.
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.counting_ = true;
    const tick = (t) => {
      window.frames_.push(t);
      if (window.counting_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await move();
  const frames = (await page.evaluate('window.counting_ = false, window.frames_')) as number[];
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  gaps.sort((a, b) => a - b);
  const span = frames.at(-1)! - frames[0];
  return { fps: ((frames.length - 1) / span) * 1000, p95: gaps[Math.floor(gaps.length * 0.95)] };
}

async function drag(page: Page, x: number, y: number): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= MOVES; k++) {
    // A loop right and back down: the park crosses covered and uncovered places.
    const a = (k / MOVES) * 2 * Math.PI;
    await page.mouse.move(x + 150 * Math.sin(a), y + 90 * (1 - Math.cos(a)));
    await page.waitForTimeout(MOVE_MS);
  }
  await page.mouse.up();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build first.`);
  const { close, url } = await serve();
  const browser = await launch();
  const park: number[] = [],
    pan: number[] = [],
    parkP95: number[] = [],
    panP95: number[] = [];
  let exact = 0;
  try {
    for (let r = 0; r < RUNS; r++) {
      const page = await openCoverage(browser, url, WHATIF);
      process.stderr.write(`run ${r}: coverage open\n`);
      // The map panned for as long, in an empty spot of the map: the display rate here.
      const p = await framesDuring(page, () => drag(page, 1100, 250));
      await settle(page, 'after panning');
      const box = (await page.locator('.maplibregl-marker[data-whatif]').boundingBox())!;
      const d = await framesDuring(page, () => drag(page, box.x + box.width / 2, box.y + box.height / 2));
      await settle(page, 'after the drop');
      const after = Number(await page.getAttribute(SHARE_15, 'data-value'));
      process.stderr.write(`run ${r}: panned ${p.fps.toFixed(1)} fps, dragged ${d.fps.toFixed(1)} fps\n`);
      const wi = await page.evaluate(
        () => new URLSearchParams(location.hash.split('?')[1] ?? '').get('wi') ?? '',
      );
      await page.context().close();
      // A fresh page at the dropped position: the exact answer.
      const fresh = await openCoverage(browser, url, wi);
      const expected = Number(await fresh.getAttribute(SHARE_15, 'data-value'));
      await fresh.context().close();
      if (after === expected) exact++;
      else console.warn(`run ${r}: after the drop ${after}, a fresh page at ${wi} ${expected}`);
      park.push(d.fps);
      parkP95.push(d.p95);
      pan.push(p.fps);
      panP95.push(p.p95);
    }
  } finally {
    await browser.close();
    close();
  }
  const f = (x: number) => x.toFixed(1);
  console.log(`drag a what-if park 3 s, 1440x900, software WebGL, ${RUNS} runs (${DIST})`);
  console.log(`  dragging the park: median ${f(median(park))} fps, p95 frame ${f(median(parkP95))} ms`);
  console.log(`  panning the map  : median ${f(median(pan))} fps, p95 frame ${f(median(panP95))} ms`);
  console.log(`  ratio park / pan: ${(median(park) / median(pan)).toFixed(2)}`);
  console.log(`  statistics after the drop equal a fresh page's: ${exact} of ${RUNS}`);
}

await main();
