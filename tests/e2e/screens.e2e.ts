/**
 * Every main view (layers, find, coverage, data, about) at a phone, a laptop, 1080p and 4K, in
 * Chinese and English: screenshots kept in test-results/screens-*.png to be looked at, and what can
 * be measured asserted: no page overflow, no control under 44 px on a phone, a Chinese details panel
 * without English sentences, map labels drawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newAppPage, openApp, renderedCount, screenshot, settled } from './harness';

const SIZES = [
  ['phone', 390, 844],
  ['laptop', 1440, 900],
  ['hd', 1920, 1080],
  ['4k', 3840, 2160],
] as const;
const LANGS = ['zh', 'en'] as const;
const LABELS = ['greenery-label', 'plan-roads-label', 'industry-label', 'landmarks-label'];
/** Four or more English words in a row: a sentence, not an outlet's name. */
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[\s,'’-]+[A-Za-z]{2,}){3,}/;
/** A fingertip's target (WCAG 2.5.5). */
const TOUCH_PX = 44;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Controls on screen smaller than a fingertip: tag, label and size. */
async function smallControls(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    const sel = 'button, select, input:not([type="hidden"]), [role="tab"], a[href], summary';
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      // A link inside a sentence is exempt (WCAG 2.5.5 "inline").
      if (el.tagName === 'A' && style.display === 'inline') continue;
      // An input inside a label is targeted through its label's box.
      const target = el.closest('label')?.getBoundingClientRect() ?? r;
      if (Math.min(target.width, target.height) + 0.5 < min) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        out.push(
          `${el.tagName.toLowerCase()} "${name}" ${Math.round(target.width)}×${Math.round(target.height)}`,
        );
      }
    }
    return out;
  }, TOUCH_PX);
}

/**
 * The legend's Four Parks row and the map agree: the parks drawn are named on the map, and when
 * fewer than four are drawn the legend names the one left out.
 */
async function legendMatchesMap(page: Page, lang: 'zh' | 'en') {
  const drawn = await page.evaluate(async () => {
    const m = window.greenCircle.map!;
    type Src = { getData(): Promise<GeoJSON.FeatureCollection> };
    const g = await (m.getSource('greenery') as unknown as Src).getData();
    return g.features.filter((f) => f.properties?.program === 'four_parks').length;
  });
  expect(drawn).toBeGreaterThan(0);
  const legend = await page.locator('.legend li').allTextContents();
  const row = legend.find((t) => (lang === 'zh' ? t.includes('四园') : /Four Parks/.test(t))) ?? '';
  expect(row).not.toBe('');
  if (drawn < 4) expect(row).toMatch(lang === 'zh' ? /中心广场.*未画/ : /Central Square.*not drawn/);
}

async function showTab(page: Page, tab: string) {
  await page.click(`[role="tab"][data-tab="${tab}"]`);
  await settled(page);
}

describe('screenshots of every view', () => {
  for (const [size, width, height] of SIZES) {
    for (const lang of LANGS) {
      it(`${size} ${width}×${height} in ${lang}`, async () => {
        const phone = width <= 720;
        const { page, context, errors } = await newAppPage(browser, {
          viewport: { width, height },
          ...(phone ? { hasTouch: true, isMobile: true } : {}),
          // 4K is laid out at its full 3840×2160 CSS pixels but rendered at half the pixel density:
          // software WebGL on a shared CI machine takes minutes per frame at full density.
          ...(width > 2000 ? { deviceScaleFactor: 0.5 } : {}),
        });
        // Software WebGL at 4K on a shared machine: the first load can take over 30 s.
        page.setDefaultNavigationTimeout(120_000);
        try {
          await openApp(page, `#/map?lang=${lang}`);
          const opening = await page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');
          expect(opening).toBe(phone ? 'find' : 'layers');
          expect(await renderedCount(page, LABELS), 'labels on the opening map').toBeGreaterThan(0);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          for (const tab of ['find', 'layers', 'coverage', 'data']) {
            await showTab(page, tab);
            if (tab === 'layers') await legendMatchesMap(page, lang);
            await screenshot(page, `screens-${size}-${lang}-${tab}`);
            if (phone) expect(await smallControls(page), `${tab} controls`).toEqual([]);
          }
          await page.click('header button[aria-label]');
          await page.locator('dialog[open]').waitFor();
          // It opens at its title, not scrolled to the close button at its end.
          expect(await page.evaluate(() => document.querySelector('dialog[open]')!.scrollTop)).toBe(0);
          await screenshot(page, `screens-${size}-${lang}-about`);
          if (phone) expect(await smallControls(page), 'about controls').toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }, 300_000);
    }
  }

  it(
    'writes a Chinese details panel without English sentences, for every kind of feature',
    { timeout: 300_000 },
    async () => {
      const { page, context } = await newAppPage(browser);
      await openApp(page);
      const layers = ['plan-roads', 'greenery-fill', 'industry-fill', 'landmarks-circle'];
      for (const layer of layers) {
        const at = await page.evaluate(
          ({ layer, layers }) => {
            const m = window.greenCircle.map!;
            const canvas = m.getCanvas().getBoundingClientRect();
            const panel = document.querySelector('aside')!.getBoundingClientRect();
            const w = m.getCanvas().clientWidth;
            const h = m.getCanvas().clientHeight;
            const left = panel.right - canvas.left + 20;
            // A grid of points over the free map: the first where this layer is on top.
            for (let y = 60; y < h - 60; y += 12)
              for (let x = left; x < w - 60; x += 12) {
                const top = m.queryRenderedFeatures([x, y], {
                  layers: layers.filter((l) => m.getLayer(l)),
                })[0];
                if (top?.layer.id === layer) return { x: x + canvas.left, y: y + canvas.top };
              }
            return null;
          },
          { layer, layers },
        );
        expect(at, layer).not.toBeNull();
        await page.mouse.click(at!.x, at!.y);
        await page.locator('[data-testid="details-name"]').waitFor();
        // The name in the other language under the title is a name, not a sentence: left out.
        const text = await page.evaluate(() => {
          const copy = document.querySelector('[data-testid="details"]')!.cloneNode(true) as HTMLElement;
          copy.querySelector('.alt')?.remove();
          return copy.textContent ?? '';
        });
        expect(text.replace(/https?:\/\/\S+/g, ''), layer).not.toMatch(ENGLISH_RUN);
        expect(text, layer).not.toMatch(/\.(csv|json|md|geojson)\b/);
        await screenshot(page, `screens-details-zh-${layer}`);
      }
      await context.close();
    },
  );
});
