/**
 * Bring your own data, keep it safe: import (file picker and drop), the layer on the map, reloads
 * (online and offline), hostile and broken files, stored data that went bad, export, the report,
 * and a large file that must not freeze the interface. Accessibility has its own file, a11y.e2e.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, newAppPage, openApp, renderedCount, screenshot, settled } from './harness';

const GREEN_LAYERS = ['greenery-fill'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A square park of `metres` per side centred on (lng, lat), as GeoJSON coordinates. */
function square(lng: number, lat: number, metres: number): number[][][] {
  const dx = metres / 2 / 91_300; // metres per degree of longitude at 34.8° N
  const dy = metres / 2 / 111_000;
  return [
    [
      [lng - dx, lat - dy],
      [lng + dx, lat - dy],
      [lng + dx, lat + dy],
      [lng - dx, lat + dy],
      [lng - dx, lat - dy],
    ],
  ];
}

function parks(
  list: { name: string; lng: number; lat: number; size?: number; extra?: Record<string, unknown> }[],
): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: list.map((p, i) => ({
      type: 'Feature',
      id: `park-${i + 1}`,
      properties: { name: p.name, ...p.extra },
      geometry: { type: 'Polygon', coordinates: square(p.lng, p.lat, p.size ?? 300) },
    })),
  });
}

async function openDataTab(page: Page) {
  await page.click('[data-tab="data"]');
  await page.locator('[data-testid="data-panel"]').waitFor();
}

/** Imports `text` through the file picker as `layer` and waits for the outcome. */
async function importText(page: Page, name: string, text: string | Buffer, layer = 'greenery') {
  await openDataTab(page);
  await page.check(`[data-import-layer="${layer}"]`);
  await page.setInputFiles('[data-testid="import-file"]', {
    name,
    mimeType: 'application/geo+json',
    buffer: typeof text === 'string' ? Buffer.from(text) : text,
  });
  await page.locator('[data-testid="import-outcome"]').waitFor({ timeout: 90_000 });
  await settled(page);
}

/** Imported features drawn on screen in the given style layers. */
function importedRendered(page: Page, layers = GREEN_LAYERS): Promise<number> {
  return page.evaluate(
    (ids) =>
      window.greenCircle
        .map!.queryRenderedFeatures({ layers: ids })
        .filter((f) => f.properties?.imported === true).length,
    layers,
  );
}

/** Reloads the page and waits until the app is ready and settled again. */
async function reloadApp(page: Page) {
  await page.reload();
  await page.evaluate(() => window.greenCircle.ready);
  await settled(page);
}

const SHARE_15 = '[data-testid="cov-pop-share"][data-minutes="15"]';

/** Opens the coverage tab and returns the 15-minute population share once computed. */
async function coverageShare(page: Page): Promise<number> {
  await page.click('[data-tab="coverage"]');
  await page.waitForSelector(SHARE_15, { timeout: 60_000 });
  await settled(page);
  return Number(await page.getAttribute(SHARE_15, 'data-value'));
}

/** The top-ranked coverage gap: where most people live beyond 15 minutes of a green space. */
async function topGap(page: Page): Promise<{ lng: number; lat: number }> {
  const gap = page.locator('[data-testid="cov-gap"][data-rank="1"]');
  return {
    lng: Number(await gap.getAttribute('data-lng')),
    lat: Number(await gap.getAttribute('data-lat')),
  };
}

/** Records in the app's IndexedDB "imports" store (0 when the store doesn't exist). */
function storedImports(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('green-circle');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('imports')) {
            db.close();
            return resolve(0);
          }
          const count = db.transaction('imports').objectStore('imports').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
  );
}

describe('importing a file', () => {
  it('shows a good file on the map, keeps it after a reload, and removes it on request', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openApp(page);
    const bundledBefore = await renderedCount(page, GREEN_LAYERS);
    await importText(
      page,
      'survey-parks.geojson',
      parks([
        { name: '测试公园甲', lng: 113.53, lat: 34.815 },
        { name: '测试公园乙', lng: 113.545, lat: 34.8 },
      ]),
    );
    expect(await page.getAttribute('[data-testid="import-outcome"]', 'data-ok')).toBe('true');
    expect(await importedRendered(page)).toBeGreaterThan(0);
    // "Add" keeps the bundled green spaces.
    expect(await renderedCount(page, GREEN_LAYERS)).toBeGreaterThan(await importedRendered(page));
    expect(bundledBefore).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="imported-list"]')).toContain('survey-parks.geojson');
    expect(await storedImports(page)).toBe(1);
    await screenshot(page, 'data-imported');

    await reloadApp(page);
    await page.evaluate(() => {
      const m = window.greenCircle.map!;
      m.jumpTo({ center: [113.5375, 34.8075], zoom: 14 });
    });
    await settled(page);
    expect(await importedRendered(page)).toBeGreaterThan(0);
    await openDataTab(page);
    expect(await page.textContent('[data-testid="imported-list"]')).toContain('survey-parks.geojson');

    await page.click('[data-testid="import-remove"]');
    await settled(page);
    expect(await importedRendered(page)).toBe(0);
    expect(await renderedCount(page, GREEN_LAYERS)).toBeGreaterThan(0);
    expect(await storedImports(page)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('replaces a bundled layer when asked, and the bundled one comes back on removal', async () => {
    const { page, context } = await newAppPage(browser);
    await openApp(page);
    await openDataTab(page);
    await page.check('[data-import-mode="replace"]');
    await importText(
      page,
      'only-parks.geojson',
      parks([{ name: '唯一公园', lng: 113.54, lat: 34.81, size: 600 }]),
    );
    await page.evaluate(() => window.greenCircle.map!.jumpTo({ center: [113.545, 34.812], zoom: 12.4 }));
    await settled(page);
    const all = await renderedCount(page, GREEN_LAYERS);
    expect(all).toBeGreaterThan(0);
    expect(await importedRendered(page)).toBe(all);
    await page.click('[data-testid="import-remove"]');
    await settled(page);
    expect(await importedRendered(page)).toBe(0);
    expect(await renderedCount(page, GREEN_LAYERS)).toBeGreaterThan(0);
    await context.close();
  });

  it('shows markup in names as text and never runs it', async () => {
    const { page, context, errors } = await newAppPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openApp(page);
    const evil = '<img src=x onerror=alert(1)>';
    await importText(
      page,
      `${evil}.geojson`,
      parks([
        {
          name: evil,
          lng: 113.54,
          lat: 34.81,
          size: 800,
          extra: { description_zh: '<script>alert(2)</script>' },
        },
        {
          name: '<svg onload=alert(3)>',
          lng: 113.56,
          lat: 34.79,
          extra: { 'on<b>x': 'javascript:alert(4)' },
        },
      ]),
    );
    expect(await page.getAttribute('[data-testid="import-outcome"]', 'data-ok')).toBe('true');
    expect(await page.textContent('[data-testid="imported-list"]')).toContain(evil);
    // Open the hostile feature's details by clicking it on the map.
    const target = await page.evaluate(() => {
      const m = window.greenCircle.map!;
      const f = m
        .queryRenderedFeatures({ layers: ['greenery-fill'] })
        .find((x) => x.properties?.imported === true && String(x.properties?.name_zh).startsWith('<img'));
      if (!f || f.geometry.type !== 'Polygon') return null;
      const ring = f.geometry.coordinates[0];
      const lng = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      return m.project([lng, lat]);
    });
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await page.locator('[data-testid="details-name"]').waitFor();
    expect(await page.textContent('[data-testid="details-name"]')).toBe(evil);
    expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses broken files with a specific message and leaves the data as it was', async () => {
    const { page, context } = await newAppPage(browser);
    await openApp(page);
    // Counted before and after in the same view (the opening view is fitted to the screen).
    const view = () => window.greenCircle.map!.jumpTo({ center: [113.545, 34.812], zoom: 12.4 });
    await page.evaluate(view);
    await settled(page);
    const before = await renderedCount(page, GREEN_LAYERS);
    expect(before).toBeGreaterThan(0);
    const cases: [string, string | Buffer, string][] = [
      [
        'missing-comma.geojson',
        readFileSync('tests/fixtures/import/not-json-missing-comma.geojson'),
        'not-json',
      ],
      [
        'web-mercator.geojson',
        readFileSync('tests/fixtures/import/projected-3857.geojson'),
        'projected-coordinates',
      ],
      [
        'half-broken.geojson',
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            JSON.parse(parks([{ name: 'ok', lng: 113.54, lat: 34.81 }])).features[0],
            { type: 'Feature', properties: { name: 'no geometry' }, geometry: null },
          ],
        }),
        'missing-geometry',
      ],
    ];
    for (const [name, text, code] of cases) {
      await importText(page, name, text);
      expect(await page.getAttribute('[data-testid="import-outcome"]', 'data-ok')).toBe('false');
      const codes = await page
        .locator('[data-testid="import-errors"] li')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      expect(codes).toContain(code);
      const text2 = await page.textContent('[data-testid="import-errors"]');
      expect(text2!.length).toBeGreaterThan(20);
      if (code === 'missing-geometry') expect(text2).toMatch(/第 2 个要素/);
    }
    await page.evaluate(view);
    await settled(page);
    expect(await renderedCount(page, GREEN_LAYERS)).toBe(before);
    expect(await importedRendered(page)).toBe(0);
    expect(await storedImports(page)).toBe(0);
    expect(await page.textContent('[data-testid="imported-list"]')).not.toContain('.geojson');
    await context.close();
  });

  it('refuses a file over 200 MB dropped on the map before reading it', async () => {
    const { page, context } = await newAppPage(browser);
    await openApp(page);
    await page.evaluate(() => {
      const big = new File([new Uint8Array(201 * 1024 * 1024)], 'huge.geojson', {
        type: 'application/geo+json',
      });
      const dt = new DataTransfer();
      dt.items.add(big);
      const canvas = window.greenCircle.map!.getCanvas();
      for (const type of ['dragenter', 'dragover', 'drop']) {
        canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    });
    await page.locator('[data-testid="import-outcome"]').waitFor();
    const code = await page.getAttribute('[data-testid="import-errors"] li', 'data-code');
    expect(code).toBe('file-too-large');
    expect(await importedRendered(page)).toBe(0);
    await context.close();
  });
});

describe('stored data', () => {
  it('sets aside corrupted and outdated records, offers them for download, and starts clean', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openApp(page);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('green-circle');
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('imports', 'readwrite');
            const store = tx.objectStore('imports');
            const base = {
              name: 'x.geojson',
              layer: 'greenery',
              mode: 'add',
              crs: 'WGS84',
              importedAt: new Date().toISOString(),
            };
            const ring = [
              [113.5, 34.8],
              [NaN, 34.8],
              [113.51, 34.81],
              [113.5, 34.8],
            ];
            store.put({
              ...base,
              schema: 1,
              id: 'corrupt',
              features: [
                { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } },
              ],
            });
            store.put({ ...base, schema: 0, id: 'outdated', features: [] });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await reloadApp(page);
    const notice = page.locator('.notice[role="alert"]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/2/);
    expect(await renderedCount(page, GREEN_LAYERS)).toBeGreaterThan(0);
    expect(await storedImports(page)).toBe(0);
    await openDataTab(page);
    const aside = page.locator('[data-testid="set-aside"]');
    expect(await aside.textContent()).toMatch(/schema 0/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="set-aside-download"]'),
    ]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { value: { id: string } }[];
    expect(saved.map((e) => e.value.id).sort()).toEqual(['corrupt', 'outdated']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('from a newer version is not loaded or overwritten, and can still be downloaded', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openApp(page);
    // A later app version upgraded the database (the open app closes its connection to let it).
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('green-circle', 99);
          req.onupgradeneeded = () =>
            void req.result.createObjectStore('future').put({ hello: 'from the future' }, 'k');
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
          req.onblocked = () => reject(new Error('blocked by the open app'));
        }),
    );
    await reloadApp(page);
    await page.locator('.notice[role="alert"]').waitFor();
    expect(await renderedCount(page, GREEN_LAYERS)).toBeGreaterThan(0);
    await openDataTab(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="newer-download"]'),
    ]);
    const dump = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      version: number;
      stores: Record<string, unknown[]>;
    };
    expect(dump.version).toBe(99);
    expect(dump.stores.future).toEqual([{ hello: 'from the future' }]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('imported and hypothetical parks in the 15-minute circle', () => {
  it('counts an imported green space in the coverage, as a planner checks surveyed parks', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openApp(page);
    const before = await coverageShare(page);
    const gap = await topGap(page);
    await importText(page, 'surveyed-park.geojson', parks([{ name: '调查公园', ...gap, size: 600 }]));
    expect(await page.getAttribute('[data-testid="import-outcome"]', 'data-ok')).toBe('true');
    const after = await coverageShare(page);
    expect(after).toBeGreaterThan(before);
    // Removing the file takes the park out of the computation again.
    await openDataTab(page);
    await page.click('[data-testid="import-remove"]');
    await settled(page);
    expect(await coverageShare(page)).toBeCloseTo(before, 9);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps what-if parks when the app is opened again without a link', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openApp(page);
    await coverageShare(page);
    const gap = await topGap(page);
    await page.click('[data-testid="cov-gap"][data-rank="1"]');
    await settled(page);
    await page.click('[data-testid="cov-whatif-place"]');
    const at = await page.evaluate(
      ([x, y]) => {
        const m = window.greenCircle.map!;
        const p = m.project([x, y]);
        const r = m.getCanvas().getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      },
      [gap.lng, gap.lat] as const,
    );
    await page.mouse.click(at.x, at.y);
    await page.locator('[data-testid="cov-whatif-item"]').waitFor();
    await settled(page);
    // Opened afresh: no link, so nothing in the URL says which what-ifs to show.
    await page.evaluate(() => history.replaceState(null, '', location.pathname));
    await reloadApp(page);
    await coverageShare(page);
    expect(await page.locator('[data-testid="cov-whatif-item"]').count()).toBe(1);
    // And the link says so again, so it can be shared.
    const wi = await page.evaluate(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('wi'));
    expect(wi).toMatch(/^p,/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('export', () => {
  it('exports green spaces as GeoJSON, the map as PNG, and opens a printable report', async () => {
    const { page, context } = await newAppPage(browser);
    await openApp(page);
    await openDataTab(page);
    // Coverage exports wait for a coverage result.
    expect(await page.locator('[data-export="coverage-csv"]').count()).toBe(0);
    const [geo] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="greenery"]')]);
    const fc = JSON.parse(readFileSync((await geo.path())!, 'utf8')) as { type: string; features: unknown[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="png"]')]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);

    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    // With the 15-minute circle computed: its bands, gaps and statistics.
    const share = await coverageShare(page);
    await openDataTab(page);
    const [bandsFile] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export="coverage-bands"]'),
    ]);
    const bands = JSON.parse(readFileSync((await bandsFile.path())!, 'utf8')) as {
      name: string;
      sources: string[];
      features: { geometry: { type: string } }[];
    };
    expect(bands.name).toBe('coverage-bands');
    expect(bands.features.length).toBeGreaterThan(0);
    expect(bands.features.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
    expect(bands.sources.length).toBeGreaterThan(0);
    const [gapsFile] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export="coverage-gaps"]'),
    ]);
    const gaps = JSON.parse(readFileSync((await gapsFile.path())!, 'utf8')) as {
      features: { properties: { rank: number; population: number } }[];
    };
    expect(gaps.features[0].properties.rank).toBe(1);
    expect(gaps.features[0].properties.population).toBeGreaterThan(0);
    const [csvFile] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export="coverage-csv"]'),
    ]);
    const csv = readFileSync((await csvFile.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const row15 = csv.split('\r\n').find((l) => l.startsWith('population share within 15 min,'));
    expect(Number(row15!.split(',')[1])).toBeCloseTo(share * 100, 1);

    await page.click('[data-export="report"]');
    const report = page.locator('[data-testid="report"]');
    await report.waitFor();
    expect(await report.locator('table').first().textContent()).toContain(
      `${Math.round(share * 1000) / 10}%`,
    );
    await screenshot(page, 'data-report-screen');
    expect(await report.locator('img').getAttribute('src')).toMatch(/^data:image\/png/);
    expect(await report.textContent()).toMatch(/2026|\d{4}/);
    await page.click('[data-testid="report-print"]');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#app').isVisible()).toBe(false);
    expect(await report.isVisible()).toBe(true);
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'data-report-print-a4');
    await context.close();
  });
});

describe('offline', () => {
  it('loads with no network after one visit', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openApp(page);
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 60_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await reloadApp(page);
    expect(await renderedCount(page, GREEN_LAYERS)).toBeGreaterThan(0);
    expect(await renderedCount(page, ['plan-roads'])).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a large file', () => {
  /** ~40 MB of dense park outlines (circles of 360 positions) across the zone. */
  function largeFile(): Buffer {
    const parts: string[] = [];
    let n = 0;
    for (let i = 0; i < 80; i++) {
      for (let j = 0; j < 60; j++) {
        const cx = 113.46 + i * 0.0017;
        const cy = 34.765 + j * 0.0017;
        const ring: string[] = [];
        for (let k = 0; k < 360; k++) {
          const a = (k * Math.PI) / 180;
          ring.push(`[${(cx + 0.0005 * Math.cos(a)).toFixed(7)},${(cy + 0.0004 * Math.sin(a)).toFixed(7)}]`);
        }
        ring.push(ring[0]);
        parts.push(
          `{"type":"Feature","properties":{"name":"地块 ${++n}","note":"survey"},"geometry":{"type":"Polygon","coordinates":[[${ring.join(',')}]]}}`,
        );
      }
    }
    return Buffer.from(`{"type":"FeatureCollection","features":[${parts.join(',\n')}]}`);
  }

  // Its own timeout: a 40 MB file on two shared cores can take longer than the suite's 120 s.
  it('can be cancelled, then loads without a long main-thread task', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openApp(page);
    const file = largeFile();
    expect(file.length).toBeGreaterThan(30 * 1024 * 1024);
    // From disk, as a user picks it: a buffer would be decoded by Playwright on the page's main thread.
    const path = join(mkdtempSync(join(tmpdir(), 'gc-import-')), 'big.geojson');
    writeFileSync(path, file);

    // Cancel: nothing changes.
    await openDataTab(page);
    await page.setInputFiles('[data-testid="import-file"]', path);
    await page.locator('[data-testid="import-progress"]').waitFor();
    await page.click('[data-testid="import-cancel"]');
    await page.locator('[data-testid="import-outcome"]').waitFor();
    expect(await page.getAttribute('[data-testid="import-errors"] li', 'data-code')).toBe('cancelled');
    await settled(page);
    expect(await importedRendered(page)).toBe(0);

    // Load, watching every main-thread task from the moment the file is chosen.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; frames: number };
      w.longTasks = [];
      w.frames = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          w.longTasks.push(e.duration);
        }
      }).observe({ type: 'longtask' });
      const tick = () => {
        w.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    await page.setInputFiles('[data-testid="import-file"]', path);
    await page.locator('[data-testid="import-progress"]').waitFor();
    // The interface answers while the file loads: the panel can be switched and back.
    await page.click('[data-tab="layers"]');
    await page.click('[data-tab="data"]');
    await page.locator('[data-testid="import-outcome"]').waitFor({ timeout: 110_000 });
    await settled(page);
    const seconds = (Date.now() - started) / 1000;
    expect(await page.getAttribute('[data-testid="import-outcome"]', 'data-ok')).toBe('true');
    expect(await importedRendered(page)).toBeGreaterThan(0);
    const { longTasks, frames } = await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; frames: number };
      return { longTasks: w.longTasks, frames: w.frames };
    });
    console.log(
      await page.evaluate(() =>
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('import:'))
          .map((m) => `${m.name} ${Math.round(m.startTime)}`)
          .join('\n'),
      ),
    );
    const max = Math.max(0, ...longTasks);
    console.log(
      `large import: ${(file.length / 1048576).toFixed(1)} MB in ${seconds.toFixed(1)} s; ` +
        `${longTasks.length} long tasks, max ${max.toFixed(0)} ms, ${frames} frames`,
    );
    // A generous guard (DESIGN.md), not the 200 ms target: what remains of the longest task is
    // MapLibre's vertex upload to SwiftShader (software WebGL), which on two shared cores measured
    // 1.1 s at load 13 and 2.7 s at load 16. It catches a hang or parsing on the main thread;
    // the real figure is printed above and reported.
    expect(max).toBeLessThan(3000);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
