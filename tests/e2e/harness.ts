/**
 * Shared end-to-end harness: Debian's Chromium headless (SwiftShader WebGL), a page that records
 * console errors, page errors and every request that would leave 127.0.0.1 (those are aborted),
 * and helpers to open the app and wait on its automation hook.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = 'test-results';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export function baseUrl(): string {
  const u = process.env.E2E_BASE_URL;
  if (!u) throw new Error('E2E_BASE_URL is not set: run through vitest.e2e.config.ts (npm run test:e2e)');
  return u;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** console.error messages and uncaught page errors. */
  errors: string[];
  /** Requests to anything but 127.0.0.1 (aborted). */
  outside: string[];
}

const isLocal = (url: string) => {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
};

export async function newAppPage(browser: Browser, options: BrowserContextOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return { page, context, errors, outside };
}

/** Opens the app at a hash (e.g. '#/map?lang=en') and waits until data is loaded and the map idle. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`${baseUrl()}/${hash}`);
  await page.waitForFunction(() => !!window.greenCircle?.ready, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.greenCircle.ready);
  await settled(page);
}

/** Waits for no pending computation and an idle map (window.greenCircle.settled()). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => window.greenCircle.settled());
}

/** Features of the given style layers currently drawn on screen. */
export async function renderedCount(page: Page, layers: string[]): Promise<number> {
  return page.evaluate((ids) => {
    const m = window.greenCircle.map!;
    return m.queryRenderedFeatures({ layers: ids.filter((id) => m.getLayer(id)) }).length;
  }, layers);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}/${name}.png`;
  await page.screenshot({ path });
  return path;
}

/** The coverage tab's 15-minute population share (its value in `data-value`). */
export const SHARE_15 = '[data-testid="cov-pop-share"][data-minutes="15"]';

/** Opens the coverage tab and waits for the first result to be drawn. */
export async function openCoverage(page: Page, hash = ''): Promise<void> {
  await openApp(page, hash);
  await page.click('[data-tab="coverage"]');
  await page.waitForSelector(SHARE_15, { timeout: 60_000 });
  await settled(page);
}
