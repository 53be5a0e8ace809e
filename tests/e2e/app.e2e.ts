/**
 * The foundation in a real browser: the offline map, its three mission layers, toggles, details,
 * language, the URL, and that nothing leaves 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newAppPage, openApp, renderedCount, screenshot, settled } from './harness';

const ROAD_LAYERS = ['plan-roads'];
const GREEN_LAYERS = ['greenery-fill'];
const INDUSTRY_LAYERS = ['industry-fill'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the offline map', () => {
  it('reaches idle with every mission layer drawn, no console errors and no outside request', async () => {
    const { page, errors, outside, context } = await newAppPage(browser);
    await openApp(page);
    expect(await renderedCount(page, ROAD_LAYERS)).toBeGreaterThan(0);
    expect(await renderedCount(page, GREEN_LAYERS)).toBeGreaterThan(0);
    expect(await renderedCount(page, INDUSTRY_LAYERS)).toBeGreaterThan(0);
    // The bundled font must be what draws Chinese: MapLibre registers its font-faces with
    // document.fonts, and at least one CJK chunk must have loaded from our own origin.
    const loadedFonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded' && /noto|Noto/i.test(f.family + ''))
        .length;
    });
    expect(loadedFonts).toBeGreaterThan(0);
    const fontRequests = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.includes('noto-sans-sc-') && n.endsWith('.woff2')),
    );
    expect(fontRequests.length).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('hides a mission layer when its toggle is switched off, and keeps that in the URL', async () => {
    const { page, context } = await newAppPage(browser);
    await openApp(page);
    await page.click('[data-layer-toggle="greenery"]');
    await settled(page);
    expect(await renderedCount(page, GREEN_LAYERS)).toBe(0);
    expect(await renderedCount(page, ROAD_LAYERS)).toBeGreaterThan(0);
    await page.waitForFunction(() => !location.hash.includes('greenery'));
    expect(await page.evaluate(() => location.hash)).toMatch(/l=roads,industry/);
    await context.close();
  });

  it('opens the details of a planned road with its Chinese name on click', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openApp(page);
    const target = await page.evaluate(() => {
      const m = window.greenCircle.map!;
      const canvas = m.getCanvas().getBoundingClientRect();
      const panel = document.querySelector('aside')!.getBoundingClientRect();
      // A point midway along a planned section, on open map (not under the side panel) and
      // where the planned road is the topmost thing a click can pick.
      for (const f of m.queryRenderedFeatures({ layers: ['plan-roads'] })) {
        if (f.geometry.type !== 'LineString') continue;
        const c = f.geometry.coordinates as [number, number][];
        for (let i = 1; i < c.length; i++) {
          const a = m.project(c[i - 1]);
          const b = m.project(c[i]);
          const p = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
          if (p.x < panel.right - canvas.left + 20 || p.x > canvas.width - 80) continue;
          if (p.y < 60 || p.y > canvas.height - 60) continue;
          const top = m.queryRenderedFeatures([p.x, p.y], {
            layers: ['plan-roads', 'landmarks-circle', 'industry-fill', 'greenery-fill'],
          })[0];
          if (top?.layer.id === 'plan-roads') return { x: p.x + canvas.left, y: p.y + canvas.top };
        }
      }
      return null;
    });
    expect(target).not.toBeNull();
    // Hover first: the road under the pointer is highlighted (feature-state) and the cursor says
    // it can be clicked.
    await page.mouse.move(target!.x, target!.y);
    await page.waitForFunction(() => window.greenCircle.map!.getCanvas().style.cursor === 'pointer');
    const hovered = await page.evaluate(({ x, y }) => {
      const m = window.greenCircle.map!;
      const r = m.getCanvas().getBoundingClientRect();
      const f = m.queryRenderedFeatures([x - r.left, y - r.top], { layers: ['plan-roads'] })[0];
      return f ? m.getFeatureState({ source: f.source, id: f.id }).hover : undefined;
    }, target!);
    expect(hovered).toBe(true);
    await page.mouse.click(target!.x, target!.y);
    const name = page.locator('[data-testid="details-name"]');
    await name.waitFor();
    expect(await name.textContent()).toMatch(/[\u4e00-\u9fff]/);
    const details = (await page.locator('[data-testid="details"]').textContent()) ?? '';
    expect(details).toMatch(/规划|在建/);
    // Its length, measured with Turf, and where it comes from.
    expect(details).toMatch(/\d(\.\d+)?\s*(公里|米)/);
    expect(details).toMatch(/可信度/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches the panel and the map labels to English and remembers it', async () => {
    const { page, context } = await newAppPage(browser);
    await openApp(page);
    expect(await page.locator('[data-layer-toggle="roads"] + span').textContent()).toMatch(/道路/);
    await page.click('button[data-lang="en"]');
    await settled(page);
    expect(await page.locator('[data-layer-toggle="roads"] + span').textContent()).toMatch(/road/i);
    const field = await page.evaluate(() =>
      JSON.stringify(window.greenCircle.map!.getLayoutProperty('greenery-label', 'text-field')),
    );
    expect(field).toContain('name_en');
    const labels = await page.evaluate(() =>
      window.greenCircle
        .map!.queryRenderedFeatures({ layers: ['greenery-label', 'plan-roads-label', 'industry-label'] })
        .map((f) => f.properties.name_en),
    );
    expect(labels.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => location.hash)).toContain('lang=en');
    // Remembered: a fresh visit without the language in the URL opens in English.
    await page.goto(page.url().replace(/#.*$/, ''));
    await page.evaluate(() => window.greenCircle.ready);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it('reproduces a view from the URL hash', async () => {
    const { page, context } = await newAppPage(browser);
    await openApp(page, '#/map?c=113.53,34.80&z=14.5&l=roads&lang=en');
    const view = await page.evaluate(() => {
      const m = window.greenCircle.map!;
      return { ...m.getCenter(), z: m.getZoom(), green: m.getLayoutProperty('greenery-fill', 'visibility') };
    });
    expect(view.lng).toBeCloseTo(113.53, 3);
    expect(view.lat).toBeCloseTo(34.8, 3);
    expect(view.z).toBeCloseTo(14.5, 1);
    expect(view.green).toBe('none');
    await context.close();
  });

  it('explains itself instead of a blank page when WebGL is unavailable', async () => {
    const { page, context } = await newAppPage(browser);
    await page.addInitScript(() => {
      const orig = HTMLCanvasElement.prototype.getContext;
      // @ts-expect-error narrowing the overloads is beside the point here
      HTMLCanvasElement.prototype.getContext = function (type: string, ...rest: unknown[]) {
        if (type.startsWith('webgl')) return null;
        return (orig as (...a: unknown[]) => unknown).call(this, type, ...rest);
      };
    });
    await page.goto(`${process.env.E2E_BASE_URL}/`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/WebGL/);
    await context.close();
  });

  it('fits phone, laptop and big screens without overflow, and writes their screenshots', async () => {
    for (const [name, width, height] of [
      ['phone-390x844', 390, 844],
      ['laptop-1440x900', 1440, 900],
      ['screen-1920x1080', 1920, 1080],
    ] as const) {
      const { page, context } = await newAppPage(browser, { viewport: { width, height } });
      await openApp(page);
      await screenshot(page, `app-${name}`);
      const fit = await page.evaluate(() => {
        const canvas = window.greenCircle.map!.getCanvas().getBoundingClientRect();
        const panel = document.querySelector('aside')!.getBoundingClientRect();
        return {
          overflowX: document.documentElement.scrollWidth - innerWidth,
          canvasW: canvas.width,
          panelRight: panel.right,
        };
      });
      expect(fit.overflowX).toBeLessThanOrEqual(0);
      expect(fit.canvasW).toBe(width);
      expect(fit.panelRight).toBeLessThanOrEqual(width);
      await context.close();
    }
  });
});
