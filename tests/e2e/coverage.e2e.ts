/**
 * The planners' coverage view in a real browser: the walk-time bands render; a slower walking speed
 * lowers the 15-minute population share shown in the statistics; a what-if park placed in the top
 * gap raises it; the URL carries the what-if and a reload restores it; a slow computation shows its
 * progress; in English, a park outline drawn in a gap and a suggested park each raise the share.
 * Screenshots of the view at a phone, a laptop and a 1080p screen go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newAppPage, renderedCount, screenshot, settled, openCoverage, SHARE_15 } from './harness';
import { BAND_GREENS } from '../../src/core/coverage/band-colors';

const BAND_LAYERS = ['cov-bands-fill'];
const WHATIF_LAYERS = ['cov-whatif-fill'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function share15(page: Page): Promise<number> {
  return Number(await page.getAttribute(SHARE_15, 'data-value'));
}

/** Waits until the 15-minute share differs from `before`, and returns it. */
async function nextShare15(page: Page, before: number): Promise<number> {
  await page.waitForFunction(
    ([sel, b]) => Number(document.querySelector(sel as string)?.getAttribute('data-value')) !== b,
    [SHARE_15, before] as const,
    { timeout: 30_000 },
  );
  await settled(page);
  return share15(page);
}

/** Where a place (lng, lat) is on the page, for mouse clicks on the map. */
async function screenPoint(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([x, y]) => {
      const m = window.greenCircle.map!;
      const p = m.project([x, y]);
      const r = m.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    [lng, lat] as const,
  );
}

/**
 * The access image's pixels (one per grid cell, the canvas the map's `cov-bands-image` source
 * draws): how many cells are painted, and their distinct colours as '#rrggbb'.
 */
async function imageCells(page: Page): Promise<{ painted: number; colors: string[]; shown: boolean }> {
  return page.evaluate(() => {
    const m = window.greenCircle.map!;
    const src = m.getSource('cov-bands-image') as unknown as { getCanvas(): HTMLCanvasElement } | undefined;
    if (!src) return { painted: 0, colors: [], shown: false };
    const c = src.getCanvas();
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    const colors = new Set<string>();
    const hex = (v: number) => v.toString(16).padStart(2, '0');
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 0) continue;
      painted++;
      colors.add(`#${hex(px[i])}${hex(px[i + 1])}${hex(px[i + 2])}`);
    }
    return {
      painted,
      colors: [...colors].sort(),
      shown: m.getLayoutProperty('cov-bands-image', 'visibility') !== 'none',
    };
  });
}

/** A legend row naming `m` minutes, and not a number that merely contains it (5 is not 15). */
const minutesRow = (m: number) => expect.stringMatching(new RegExp(`(^|\\D)${m}(\\D|$)`));

describe('the coverage view', () => {
  it('draws the walk-time bands with a legend in minutes and no console error', async () => {
    const { page, context, errors, outside } = await newAppPage(browser);
    await openCoverage(page);
    expect(await renderedCount(page, BAND_LAYERS)).toBeGreaterThan(0);
    // The bands are drawn as the access image: cells painted in the band greens, nothing else.
    const img = await imageCells(page);
    expect(img.shown).toBe(true);
    expect(img.painted).toBeGreaterThan(0);
    expect(img.colors.length).toBeGreaterThan(0);
    // (A canvas stores premultiplied alpha: a channel read back may be off by a few units.)
    const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const near = (c: string) => BAND_GREENS.some((g) => rgb(g).every((v, i) => Math.abs(v - rgb(c)[i]) <= 3));
    for (const c of img.colors) expect(near(c), c).toBe(true);
    const share = await share15(page);
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThanOrEqual(1);
    // The panel carries the map's key: a row per band, in minutes, and the gaps.
    const legend = page.locator('[data-testid="cov-legend"] li');
    expect(await legend.allTextContents()).toEqual([
      minutesRow(5),
      minutesRow(10),
      minutesRow(15),
      expect.stringContaining('居住用地'),
    ]);
    // Opening the tab switches the bands on, and the layer toggle and the URL say so.
    await page.waitForFunction(() => /l=[^&]*\bcoverage\b/.test(location.hash));
    // The straight-line standard's targets are shown as met or not met.
    expect(await page.locator('[data-testid="cov-target"]').count()).toBe(2);
    // The straight-line method swaps the bands for the service-radius buffers on the map.
    await page.click('[data-testid="cov-method-radius"]');
    await page.waitForFunction(
      () => (window.greenCircle.map?.queryRenderedFeatures({ layers: ['cov-radius-fill'] }).length ?? 0) > 0,
      undefined,
      { timeout: 30_000 },
    );
    await settled(page);
    expect(await renderedCount(page, BAND_LAYERS)).toBe(0);
    await page.click('[data-testid="cov-method-network"]');
    await settled(page);
    expect(await renderedCount(page, BAND_LAYERS)).toBeGreaterThan(0);
    expect(await renderedCount(page, ['cov-radius-fill'])).toBe(0);
    // Roads coloured by walk time, switched on from the coverage panel, with their own key rows.
    await page.click('[data-testid="cov-roads-toggle"]');
    await page.waitForFunction(
      () => (window.greenCircle.map?.queryRenderedFeatures({ layers: ['cov-roads-line'] }).length ?? 0) > 0,
      undefined,
      { timeout: 30_000 },
    );
    expect(await legend.count()).toBeGreaterThan(4);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('a slower walking speed lowers the 15-minute population share', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openCoverage(page);
    const adult = await share15(page);
    await page.click('[data-testid="cov-speed-elderly"]');
    const elderly = await nextShare15(page, adult);
    expect(elderly).toBeLessThan(adult);
    expect(await page.evaluate(() => location.hash)).toMatch(/sp=0\.8/);
    expect(await renderedCount(page, BAND_LAYERS)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a what-if park placed in the top gap raises the share, stays in the URL and survives a reload', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openCoverage(page);
    const before = await share15(page);
    const paintedBefore = (await imageCells(page)).painted;
    const gap = page.locator('[data-testid="cov-gap"][data-rank="1"]');
    const lng = Number(await gap.getAttribute('data-lng'));
    const lat = Number(await gap.getAttribute('data-lat'));
    const gapPeople = Number(await gap.getAttribute('data-population'));
    expect(gapPeople).toBeGreaterThan(0);
    // Fly to the gap (so it is not under the panel), then place a park there with the tool.
    await gap.click();
    await settled(page);
    await page.click('[data-testid="cov-whatif-place"]');
    const at = await screenPoint(page, lng, lat);
    await page.mouse.click(at.x, at.y);
    const after = await nextShare15(page, before);
    expect(after).toBeGreaterThan(before);
    // The park brings cells of the gap within reach: the image paints more cells.
    expect((await imageCells(page)).painted).toBeGreaterThan(paintedBefore);
    expect(await page.locator('[data-testid="cov-whatif-item"]').count()).toBe(1);
    expect(await renderedCount(page, WHATIF_LAYERS)).toBeGreaterThan(0);
    // The statistics say what the what-if changed.
    const delta = Number(
      await page.getAttribute('[data-testid="cov-whatif-delta"] li[data-minutes="15"]', 'data-value'),
    );
    expect(delta).toBeCloseTo(after - before, 6);

    const wiOf = () => new URLSearchParams(location.hash.split('?')[1] ?? '').get('wi') ?? '';
    await page.waitForFunction(`(${wiOf.toString()})().startsWith('p,')`);
    const wi = await page.evaluate(wiOf);
    const [, wLng, wLat] = wi.split(',').map(Number);
    expect(wLng).toBeCloseTo(lng, 3);
    expect(wLat).toBeCloseTo(lat, 3);

    await page.reload();
    await page.evaluate(() => window.greenCircle.ready);
    await page.click('[data-tab="coverage"]');
    await page.waitForSelector(SHARE_15, { timeout: 60_000 });
    await settled(page);
    expect(await page.locator('[data-testid="cov-whatif-item"]').count()).toBe(1);
    expect(await share15(page)).toBeCloseTo(after, 9);
    expect(await renderedCount(page, WHATIF_LAYERS)).toBeGreaterThan(0);

    // Dragging its marker moves the park: the URL follows.
    const box = (await page.locator('.maplibregl-marker[data-whatif]').boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 60, cy + 30, { steps: 10 });
    await page.mouse.up();
    await page.waitForFunction(`(${wiOf.toString()})() !== ${JSON.stringify(wi)}`);
    const [, movedLng, movedLat] = (await page.evaluate(wiOf)).split(',').map(Number);
    expect(movedLng).toBeGreaterThan(wLng);
    expect(movedLat).toBeLessThan(wLat);
    await settled(page);

    // Removing it brings the statistics and the image back to the plan without what-ifs.
    const moved = await share15(page);
    await page.click('[data-testid="cov-whatif-remove"]');
    expect(await nextShare15(page, moved)).toBeCloseTo(before, 9);
    expect((await imageCells(page)).painted).toBe(paintedBefore);
    await page.waitForFunction(`(${wiOf.toString()})() === ''`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the year control changes the figures and the URL, and a link reopens the year', async () => {
    const { page, context, errors } = await newAppPage(browser, { viewport: { width: 1440, height: 900 } });
    await openCoverage(page, '#/map?lang=zh');
    // The plan is the tab's default; 2014, the plan and today are always offered, in that order.
    expect(await page.isChecked('[data-testid="cov-scenario-2015"]')).toBe(true);
    const ids = await page.$$eval('[data-testid^="cov-scenario-"]', (xs) =>
      xs.map((x) => (x as HTMLInputElement).value),
    );
    expect(ids.slice(0, 2)).toEqual(['2014', '2015']);
    expect(ids.at(-1)).toBe('today');
    const plan = await share15(page);

    // A step back goes to 2014 as built: other figures, s=2014 in the URL.
    await page.click('[data-testid="cov-year-prev"]');
    const built = await nextShare15(page, plan);
    expect(await page.evaluate(() => location.hash)).toContain('s=2014');
    expect(await page.isDisabled('[data-testid="cov-year-prev"]')).toBe(true);

    // Today: the figure equals the worker's own today figure in the comparison rows.
    await page.click('[data-testid="cov-scenario-today"]');
    const today = await nextShare15(page, built);
    expect(await page.evaluate(() => location.hash)).toContain('s=today');
    const row = (id: string) => `[data-testid="cov-compare-row"][data-scenario="${id}"]`;
    expect(Number(await page.getAttribute(row('today'), 'data-value'))).toBe(today);
    expect(Number(await page.getAttribute(row('2014'), 'data-value'))).toBe(built);
    expect(Number(await page.getAttribute(row('2015'), 'data-value'))).toBe(plan);
    expect(await page.textContent('[data-testid="cov-year-label"]')).toMatch(/今天（\d{4} 年数据）/);
    await screenshot(page, 'coverage-years-1440x900');

    // The link reopens today with the same figure.
    const hash = await page.evaluate(() => location.hash);
    const other = await newAppPage(browser, { viewport: { width: 1440, height: 900 } });
    await openCoverage(other.page, hash);
    expect(await other.page.isChecked('[data-testid="cov-scenario-today"]')).toBe(true);
    expect(await share15(other.page)).toBe(today);
    expect(other.errors).toEqual([]);
    await other.context.close();
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('after a change that needs new searches, the comparison shows as pending, never with the previous figures', async () => {
    const { page, context, errors } = await newAppPage(browser, { viewport: { width: 1440, height: 900 } });
    await openCoverage(page, '#/map?lang=zh');
    const rows = '[data-testid="cov-compare-row"]';
    const today = `${rows}[data-scenario="today"]`;
    const before = await page.$$eval(rows, (xs) => xs.map((x) => x.getAttribute('data-value')).join(','));
    const todayBefore = await page.getAttribute(today, 'data-value');
    // Every state the comparison passes through: its rows, and whether it says it is pending.
    await page.evaluate((sel) => {
      const w = window as unknown as { seen: { rows: string; pending: boolean }[] };
      w.seen = [];
      new MutationObserver(() =>
        w.seen.push({
          rows: [...document.querySelectorAll(sel)].map((x) => x.getAttribute('data-value')).join(','),
          pending: !!document.querySelector('[data-testid="cov-compare-pending"]'),
        }),
      ).observe(document.body, { subtree: true, childList: true, attributes: true });
    }, rows);
    // 1 ha at least: today's three small parks (5,000–9,000 m²) drop out, so today's figures need
    // new searches; the plan's green spaces are all larger, so its own result needs none.
    await page.selectOption('[data-testid="cov-min-area"]', '10000');
    await page.waitForFunction(
      ([sel, b]) => {
        const v = document.querySelector(sel as string)?.getAttribute('data-value');
        return v != null && v !== b;
      },
      [today, todayBefore] as const,
      { timeout: 30_000 },
    );
    await settled(page);
    const final = await page.$$eval(rows, (xs) => xs.map((x) => x.getAttribute('data-value')).join(','));
    const seen = await page.evaluate(
      () => (window as unknown as { seen: { rows: string; pending: boolean }[] }).seen,
    );
    // Previous rows, then pending with no figures, then the new rows: never the previous ones again.
    const firstPending = seen.findIndex((x) => x.pending);
    expect(firstPending).toBeGreaterThanOrEqual(0);
    const later = seen.slice(firstPending);
    expect(later.filter((x) => (x.pending ? x.rows !== '' : x.rows !== final))).toEqual([]);
    expect(seen.slice(0, firstPending).filter((x) => x.rows !== before)).toEqual([]);
    expect(final).not.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('a share that rests on guesses shows its range without them, as the worker computed it', async () => {
    const { page, context, errors } = await newAppPage(browser, { viewport: { width: 1440, height: 900 } });
    await openCoverage(page, '#/map?lang=zh');
    const rows = await page.$$eval('[data-testid="cov-compare-row"]', (xs) =>
      xs.map((x) => ({
        id: x.getAttribute('data-scenario')!,
        value: Number(x.getAttribute('data-value')),
        without: Number(x.getAttribute('data-without')),
        text: x.textContent ?? '',
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(['2014', '2015', 'today']);
    const fmt = (x: number) =>
      new Intl.NumberFormat('zh-CN', {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(x);
    // The plan's corridors are guesses (issue 10): some year's share differs without them.
    const guessed = rows.filter((r) => fmt(r.value) !== fmt(r.without));
    expect(guessed.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.text).toContain(fmt(r.value));
      if (fmt(r.value) !== fmt(r.without)) expect(r.text).toContain(`不计推测要素：${fmt(r.without)}`);
      else expect(r.text).not.toContain('不计推测要素');
    }
    // The statistics table: beside the current year's share, its range when it rests on guesses.
    const cur = rows.find((r) => r.id === '2015')!;
    const range = page.locator('[data-testid="cov-pop-range"][data-minutes="15"]');
    if (fmt(cur.value) !== fmt(cur.without)) {
      expect(Number(await range.getAttribute('data-without'))).toBe(cur.without);
      expect(await range.textContent()).toContain(fmt(cur.without));
    } else expect(await range.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('says how far the nearest green space is from a clicked place and draws the way', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openCoverage(page);
    // A place on the edge of the largest green space drawn right of the panel: minutes away at most.
    const at = await page.evaluate(() => {
      const m = window.greenCircle.map!;
      const r = m.getCanvas().getBoundingClientRect();
      let best: { x: number; y: number; area: number } | null = null;
      for (const f of m.queryRenderedFeatures({ layers: ['greenery-fill'] })) {
        if (f.geometry.type !== 'Polygon') continue;
        // Only green that counts in every scenario under the default rule (CJJ/T 85-2017): built
        // by 2014, and a park (G1) or a belt open with paths.
        const p = f.properties;
        if (p.status !== 'existing' || (p.green_class === 'G2' && !p.open_access)) continue;
        const area = Number(p.area_m2) || 0;
        for (const c of f.geometry.coordinates[0]) {
          const p = m.project(c as [number, number]);
          if (p.x < 450 || p.x > r.width - 60 || p.y < 60 || p.y > r.height - 60) continue;
          if (!best || area > best.area) best = { x: r.left + p.x, y: r.top + p.y, area };
          break;
        }
      }
      return best;
    });
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await page.waitForSelector('.cov-popup [data-testid="cov-point-minutes"]', { timeout: 30_000 });
    await settled(page);
    const minutes = Number(
      await page.getAttribute('.cov-popup [data-testid="cov-point-minutes"]', 'data-minutes'),
    );
    expect(minutes).toBeGreaterThan(0);
    expect(minutes).toBeLessThanOrEqual(5);
    expect((await page.textContent('.cov-popup'))?.length ?? 0).toBeGreaterThan(4);
    expect(await renderedCount(page, ['cov-route-point'])).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a progress indication while a slow computation runs, then the result', async () => {
    const { page, context, errors } = await newAppPage(browser);
    // Record whether the busy indicator was ever shown (it may come and go between two polls).
    await context.addInitScript(() => {
      const w = window as unknown as { busySeen: boolean };
      w.busySeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="cov-busy"]')) w.busySeen = true;
      }).observe(document, { childList: true, subtree: true });
    });
    // A slower CPU makes the first computation (models for both scenarios) take well over 150 ms.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await openCoverage(page);
    expect(await page.evaluate(() => (window as unknown as { busySeen: boolean }).busySeen)).toBe(true);
    // Once the result is in, the indicator is gone and the statistics are no longer dimmed.
    expect(await page.locator('[data-testid="cov-busy"]').count()).toBe(0);
    expect(await page.locator('.results.stale').count()).toBe(0);
    expect(await share15(page)).toBeGreaterThan(0);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in English: states what the plan changes; a drawn park outline and a suggested park raise the share', async () => {
    const { page, context, errors } = await newAppPage(browser);
    await openCoverage(page, '#/map?lang=en');
    const panel = page.locator('[data-testid="cov-panel"]');
    expect(await panel.textContent()).toContain('2015 plan vs 2014 as built');
    // The 2015 plan brings more people within 15 minutes than 2014 as built.
    const planGain = Number(
      await page.getAttribute('[data-testid="cov-plan-delta"] li[data-minutes="15"]', 'data-value'),
    );
    expect(planGain).toBeGreaterThan(0);
    const before = await share15(page);

    // Draw a square park around the top gap: three clicks, then a double-click on the fourth corner.
    const gap = page.locator('[data-testid="cov-gap"][data-rank="1"]');
    // The gap says where it is: the residential blocks in it, by name.
    expect(await gap.locator('[data-testid="cov-gap-blocks"]').textContent()).toContain('Residential block');
    const [lng, lat] = [
      Number(await gap.getAttribute('data-lng')),
      Number(await gap.getAttribute('data-lat')),
    ];
    await gap.click();
    await settled(page);
    await page.click('[data-testid="cov-whatif-draw"]');
    expect(await page.textContent('[data-testid="cov-whatif-corners"]')).toContain(
      'Click the map to add corners',
    );
    const at = await screenPoint(page, lng, lat);
    const d = 40;
    await page.mouse.click(at.x - d, at.y - d);
    await page.mouse.click(at.x + d, at.y - d);
    await page.mouse.click(at.x + d, at.y + d);
    expect(await page.getAttribute('[data-testid="cov-whatif-corners"]', 'data-count')).toBe('3');
    await settled(page);
    expect(await renderedCount(page, ['cov-whatif-corner'])).toBe(3);
    await page.mouse.dblclick(at.x - d, at.y + d);
    const drawn = await nextShare15(page, before);
    expect(drawn).toBeGreaterThan(before);
    expect(await page.locator('[data-testid="cov-whatif-item"]').count()).toBe(1);
    expect(await page.locator('[data-testid="cov-whatif-corners"]').count()).toBe(0);
    expect(await renderedCount(page, ['cov-whatif-corner'])).toBe(0);
    expect(await renderedCount(page, WHATIF_LAYERS)).toBeGreaterThan(0);
    const wi = await page.evaluate(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('wi'));
    expect(wi?.split(',')[0]).toBe('g');
    expect(wi?.split(',').length).toBe(1 + 4 * 2);

    // Where would one more park help most: the suggestions name a gain, and placing one raises the share.
    await page.click('[data-testid="cov-suggest"]');
    await page.waitForSelector('[data-testid="cov-suggestion"]', { timeout: 60_000 });
    const best = page.locator('[data-testid="cov-suggestion"]').first();
    expect(Number(await best.getAttribute('data-gain'))).toBeGreaterThan(0);
    expect(await page.textContent('.suggestions')).toMatch(/Gap \d+: \+[\d,]+ people within 15 min/);
    await best.click();
    expect(await nextShare15(page, drawn)).toBeGreaterThan(drawn);
    expect(await page.locator('[data-testid="cov-whatif-item"]').count()).toBe(2);
    await screenshot(page, 'coverage-en-drawn-and-suggested');
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'numbers the gaps on the map as in the list, frames a whole gap, and previews suggestions before placing them',
    { timeout: 300_000 },
    async () => {
      const { page, context, errors } = await newAppPage(browser);
      await openCoverage(page);
      // Every listed gap's rank is on the map (the points are inside their gaps: unit-tested).
      const listed = await page
        .locator('[data-testid="cov-gap"]')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rank'))));
      expect(listed.length).toBeGreaterThan(0);
      const onMap = await page.evaluate(async () => {
        const m = window.greenCircle.map!;
        type Src = { getData(): Promise<GeoJSON.FeatureCollection> };
        const pts = await (m.getSource('cov-gap-ranks') as unknown as Src).getData();
        return pts.features.map((f) => f.properties!.rank as number);
      });
      // The same numbers, no more (a phone's map stays readable).
      expect([...onMap].sort((a, b) => a - b)).toEqual(listed);
      expect(await renderedCount(page, ['cov-gaps-rank'])).toBeGreaterThan(0);

      // A click on gap 1 frames all of it beside the panel (not a zoom onto one fragment).
      await page.click('[data-testid="cov-gap"][data-rank="1"]');
      await settled(page);
      const framed = await page.evaluate(async () => {
        const m = window.greenCircle.map!;
        type Src = { getData(): Promise<GeoJSON.FeatureCollection> };
        const gaps = await (m.getSource('cov-gaps') as unknown as Src).getData();
        const gap = gaps.features.find((f) => f.properties!.rank === 1)!;
        const canvas = m.getCanvas().getBoundingClientRect();
        const panel = document.querySelector('aside')!.getBoundingClientRect();
        const left = panel.right - canvas.left;
        const pts = (gap.geometry as GeoJSON.MultiPolygon).coordinates
          .flat(2)
          .map((c) => m.project(c as [number, number]));
        const xs = pts.map((p) => p.x);
        const ys = pts.map((p) => p.y);
        return {
          outside: pts.filter((p) => p.x < left || p.x > canvas.width || p.y < 0 || p.y > canvas.height)
            .length,
          // How much of the free map the gap spans: a framed gap fills a good part of it.
          spanX: (Math.max(...xs) - Math.min(...xs)) / (canvas.width - left),
          spanY: (Math.max(...ys) - Math.min(...ys)) / canvas.height,
        };
      });
      expect(framed.outside).toBe(0);
      expect(Math.max(framed.spanX, framed.spanY)).toBeGreaterThan(0.4);
      await screenshot(page, 'coverage-gap-1-framed');

      // Suggest: a preview on the map (numbered, with the gain), nothing placed, the share unchanged.
      const before = await share15(page);
      await page.click('[data-testid="cov-suggest"]');
      await page.waitForSelector('[data-testid="cov-suggestion"]', { timeout: 60_000 });
      const n = await page.locator('[data-testid="cov-suggestion"]').count();
      const markers = page.locator('[data-testid="cov-suggestion-marker"]');
      expect(await markers.count()).toBe(n);
      expect(await markers.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rank'))))).toEqual(
        Array.from({ length: n }, (_, i) => i + 1),
      );
      expect(Number(await markers.first().getAttribute('data-gain'))).toBeGreaterThan(0);
      expect(await markers.first().textContent()).toMatch(/\d/);
      await settled(page);
      expect(await renderedCount(page, ['cov-suggest-line'])).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="cov-whatif-item"]').count()).toBe(0);
      expect(await share15(page)).toBe(before);
      await screenshot(page, 'coverage-suggestions-preview');
      // Cancel removes the preview.
      await page.click('[data-testid="cov-suggest-cancel"]');
      expect(await markers.count()).toBe(0);
      await settled(page);
      expect(await renderedCount(page, ['cov-suggest-line'])).toBe(0);
      // Placing is its own step: the first suggestion becomes a what-if park and the preview goes.
      await page.click('[data-testid="cov-suggest"]');
      await page.waitForSelector('[data-testid="cov-suggestion"]', { timeout: 60_000 });
      await page.click('[data-testid="cov-suggestion"][data-rank="1"]');
      expect(await nextShare15(page, before)).toBeGreaterThan(before);
      expect(await page.locator('[data-testid="cov-whatif-item"]').count()).toBe(1);
      expect(await markers.count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  for (const [w, h] of [
    [390, 844],
    [1440, 900],
    [1920, 1080],
  ] as const) {
    it(`looks right at ${w}x${h}`, async () => {
      const { page, context, errors } = await newAppPage(browser, { viewport: { width: w, height: h } });
      await openCoverage(page, '#/map?lang=zh&wi=p,113.5412,34.8064,10000');
      expect(await renderedCount(page, BAND_LAYERS)).toBeGreaterThan(0);
      // Nothing spills sideways; the legend has its band rows; the what-if park has its marker.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
      expect(await page.locator('[data-testid="cov-legend"] li').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('[data-whatif]').count()).toBe(1);
      await screenshot(page, `coverage-${w}x${h}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
