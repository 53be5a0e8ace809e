/**
 * The coverage tab's compare mode in a real browser: two years side by side (swipe and split),
 * each side labelled with the share the single view shows for its year; the cameras, hover and
 * clicks kept in step; the divider moved by keyboard; a link reopening the same comparison; leaving
 * it restoring the single view on the year it showed before. Screenshots at a phone, a laptop and
 * a 1080p screen go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newAppPage, openApp, screenshot, settled, openCoverage, SHARE_15 } from './harness';

/** Each test opens the app more than once or steps through years: more than the default guard. */
const LONG = 600_000;
const TAG = (side: 'left' | 'right') => `[data-testid="cmp-tag"][data-side="${side}"]`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The single view's 15-minute share for a year, once the tab has recomputed for it. */
async function singleShare(page: Page, scenario: string): Promise<number> {
  await page.click(`[data-testid="cov-scenario-${scenario}"]`);
  await page.waitForFunction(
    (s) => new URLSearchParams(location.hash.split('?')[1]).get('s') === (s === '2015' ? null : s),
    scenario,
  );
  await settled(page);
  return Number(await page.getAttribute(SHARE_15, 'data-value'));
}

/** Both labels carry their share (the left year computed, the right year the tab's). */
async function tagsReady(page: Page) {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="cmp-tag"][data-value]').length === 2 &&
      !!window.greenCircle.compareMap,
    undefined,
    { timeout: 60_000 },
  );
  await settled(page);
}

async function tag(page: Page, side: 'left' | 'right') {
  const el = page.locator(TAG(side));
  return {
    scenario: await el.getAttribute('data-scenario'),
    value: Number(await el.getAttribute('data-value')),
    text: (await el.textContent()) ?? '',
  };
}

/**
 * Where one place is on each map, in page pixels, relative to each pane's anchor: a place the
 * maps show at the same spot of their panes gives equal offsets. Also the cameras' zooms.
 */
async function placeOnBoth(page: Page) {
  return page.evaluate(() => {
    const main = window.greenCircle.map!;
    const second = window.greenCircle.compareMap!;
    const place = main.unproject([
      main.getContainer().clientWidth * 0.75,
      main.getContainer().clientHeight / 2,
    ]);
    const a = main.project(place);
    const b = second.project(place);
    const boxA = main.getContainer().getBoundingClientRect();
    const boxB = second.getContainer().getBoundingClientRect();
    return {
      main: { x: boxA.left + a.x, y: boxA.top + a.y, zoom: main.getZoom() },
      second: { x: boxB.left + b.x, y: boxB.top + b.y, zoom: second.getZoom(), width: boxB.width },
      mainWidth: boxA.width,
      center: main.getCenter().toArray(),
    };
  });
}

describe('compare mode of the coverage tab', () => {
  it(
    'shows two years, each with the share of its single view, in step, and a link reopens it',
    async () => {
      const { page, context, errors, outside } = await newAppPage(browser);
      await openCoverage(page);
      // The single view, year by year; it ends on today, which compare mode must give back.
      const share2014 = await singleShare(page, '2014');
      const share2015 = await singleShare(page, '2015');
      await singleShare(page, 'today');
      expect(share2015).not.toBe(share2014);

      await page.click('[data-testid="cmp-open"]');
      await tagsReady(page);
      const left = await tag(page, 'left');
      const right = await tag(page, 'right');
      expect([left.scenario, right.scenario]).toEqual(['2014', '2015']);
      expect(left.value).toBe(share2014);
      expect(right.value).toBe(share2015);
      expect(left.text).toContain('2014');
      expect(right.text).toContain('2015');
      expect(await page.getAttribute('[data-testid="cmp-view"]', 'data-mode')).toBe('swipe');
      // The left year's bands are drawn on the second map.
      const painted = await page.evaluate(
        () => window.greenCircle.compareMap!.queryRenderedFeatures({ layers: ['cov-bands-fill'] }).length,
      );
      expect(painted).toBeGreaterThan(0);
      await screenshot(page, 'coverage-compare-swipe-1440x900');

      // Swiping: the maps lie on top of each other, so a place is at the same spot on both; dragging
      // the map moves both.
      const before = await placeOnBoth(page);
      expect(before.second.x).toBeCloseTo(before.main.x, 0);
      expect(before.second.y).toBeCloseTo(before.main.y, 0);
      await page.mouse.move(1100, 450);
      await page.mouse.down();
      await page.mouse.move(1000, 400, { steps: 5 });
      await page.mouse.up();
      await settled(page);
      const after = await placeOnBoth(page);
      expect(after.center).not.toEqual(before.center);
      expect(after.second.x).toBeCloseTo(after.main.x, 0);
      expect(after.second.y).toBeCloseTo(after.main.y, 0);

      // The divider moves with the arrow keys and clips the left map there.
      const divider = page.locator('[data-testid="cmp-divider"]');
      const at = Number(await divider.getAttribute('aria-valuenow'));
      await divider.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(at + 4);
      const clip = await page.evaluate(() => window.greenCircle.compareMap!.getContainer().style.clipPath);
      expect(clip).toContain(`${100 - (at + 4)}%`);

      // A click asks both years: the tab's card for the right, the second map's for the left.
      await page.mouse.click(1150, 500);
      await page.waitForSelector('[data-testid="cov-point-minutes"], [data-testid="cov-point-far"]');
      await page.waitForSelector(
        '.second-map [data-testid="cmp-point-minutes"], .second-map [data-testid="cmp-point-far"]',
      );
      await settled(page);

      // The link holds the comparison and reopens it with the same years and figures.
      const url = page.url();
      expect(new URLSearchParams(url.split('?')[1]).get('cmp')).toBe('swipe.2014');
      const again = await context.newPage();
      await again.goto(url);
      await again.evaluate(() => window.greenCircle.ready);
      await tagsReady(again);
      expect(await tag(again, 'left')).toEqual(left);
      expect(await tag(again, 'right')).toEqual(right);
      await again.close();

      // Leaving gives back one map on the year shown before.
      await page.click('[data-testid="cmp-close"]');
      await settled(page);
      expect(await page.locator('.second-map').count()).toBe(0);
      expect(await page.locator('[data-testid="cmp-view"]').count()).toBe(0);
      expect(await page.evaluate(() => window.greenCircle.compareMap)).toBeNull();
      expect(await page.isChecked('[data-testid="cov-scenario-today"]')).toBe(true);
      expect(new URLSearchParams(page.url().split('?')[1]).get('cmp')).toBeNull();
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    },
    LONG,
  );

  it(
    'side by side: either pane moves both, hover is ringed on the other, any two years',
    async () => {
      const { page, context, errors } = await newAppPage(browser, {
        viewport: { width: 1920, height: 1080 },
      });
      await openCoverage(page, '#/map?lang=en&cmp=split.2014&s=today');
      await tagsReady(page);
      expect(await page.getAttribute('[data-testid="cmp-view"]', 'data-mode')).toBe('split');
      expect((await tag(page, 'right')).scenario).toBe('today');
      expect((await tag(page, 'left')).text).toContain('of residents within 15 min');
      await screenshot(page, 'coverage-compare-split-1920x1080');

      // Each pane frames the same place at its centre: a place sits at the same offset in both.
      const offsets = async () => {
        const p = await placeOnBoth(page);
        const free = await page.evaluate(
          () => document.querySelector('aside.panel')!.getBoundingClientRect().right,
        );
        const mid = (free + p.mainWidth) / 2;
        return { dx: p.main.x - mid - (p.second.x - free), dy: p.main.y - p.second.y, p };
      };
      const first = await offsets();
      expect(Math.abs(first.dy)).toBeLessThan(1);
      expect(Math.abs(first.dx)).toBeLessThan(1);
      // Dragging the left pane moves the main map (right pane) too.
      const paneX = Math.round(
        (first.p.second.width +
          (await page.evaluate(() => document.querySelector('aside.panel')!.getBoundingClientRect().right))) /
          2,
      );
      await page.mouse.move(paneX, 600);
      await page.mouse.down();
      await page.mouse.move(paneX - 120, 500, { steps: 6 });
      await page.mouse.up();
      await settled(page);
      const moved = await offsets();
      expect(moved.p.center).not.toEqual(first.p.center);
      expect(Math.abs(moved.dx)).toBeLessThan(1);
      expect(Math.abs(moved.dy)).toBeLessThan(1);

      // Hovering the right pane rings the same place on the left map.
      await page.mouse.move(1500, 500);
      await page.waitForSelector('.second-map [data-testid="cmp-hover-ring"]');

      // Another year on the left: its label follows, with the share of that year's single view.
      await page.selectOption('[data-testid="cmp-left"]', '2015');
      await page.waitForFunction(
        (sel) =>
          document.querySelector(sel)?.getAttribute('data-scenario') === '2015' &&
          document.querySelector(sel)?.hasAttribute('data-value'),
        TAG('left'),
      );
      await settled(page);
      expect(new URLSearchParams(page.url().split('?')[1]).get('cmp')).toBe('split.2015');
      expect((await tag(page, 'left')).value).not.toBe((await tag(page, 'right')).value);
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG,
  );

  it(
    'on a phone compares by swiping, in Chinese',
    async () => {
      const { page, context, errors } = await newAppPage(browser, { viewport: { width: 390, height: 844 } });
      await openApp(page, '#/map?cmp=split.2014');
      await tagsReady(page);
      // A link to split opens as a swipe on a phone, on the coverage tab.
      expect(await page.getAttribute('[data-testid="cmp-view"]', 'data-mode')).toBe('swipe');
      expect(await page.getAttribute('[data-tab="coverage"]', 'aria-selected')).toBe('true');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect((await tag(page, 'left')).text).toContain('2014 现状');
      await screenshot(page, 'coverage-compare-390x844');
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG,
  );
});
