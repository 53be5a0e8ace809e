/**
 * Presentation mode in a real browser: every chapter by keys, by buttons and by URL; autoplay
 * advances and loops; type is big enough for the back of the room at 1080p and at 4K (screenshots
 * in test-results/); no caption or control covers a chapter's subject; the slide's coverage agrees
 * with the coverage tab; a broken story file gets a clear error on screen.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { createExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import { ARTIFACTS, baseUrl, launch, newAppPage, openApp, screenshot, settled } from './harness';
import { chapterSubject, type Bounds } from '../../src/core/story/subject';
import type { Chapter } from '../../src/core/story/schema';

interface StoryJson {
  chapters: (Pick<Chapter, 'subject' | 'highlight' | 'compare'> & {
    id: string;
    title: { zh: string; en: string };
    camera: { center: [number, number]; bearing?: number; pitch?: number };
    figures: unknown[];
  })[];
}
const story: StoryJson = JSON.parse(readFileSync('geodata/story.json', 'utf8'));
const COUNT = story.chapters.length;

/** Each chapter's subject bounds, worked out here from the geodata files (null: no subject). */
const geo = (file: string): FeatureCollection => JSON.parse(readFileSync(`geodata/${file}`, 'utf8'));
const GROUP_FILES: Record<string, string> = {
  roads: 'roads.geojson',
  greenery: 'greenery.geojson',
  industry: 'industrial-parks.geojson',
};
const zone = geo('boundary.geojson');
const subjects: (Bounds | null)[] = story.chapters.map((c) =>
  chapterSubject(c, (id) => (GROUP_FILES[id] ? geo(GROUP_FILES[id]) : undefined), zone),
);
const numberOf = (id: string) => story.chapters.findIndex((c) => c.id === id) + 1;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

/**
 * Chapter n's subject, projected to the screen, lies on screen and clear of the caption, the
 * controls and every other panel over the map; side by side, in each half.
 */
async function expectSubjectClear(page: Page, n: number) {
  const b = subjects[n - 1];
  if (!b) return;
  const r = await page.evaluate((b) => {
    const m = window.greenCircle.map!;
    const el = m.getContainer();
    const c = el.getBoundingClientRect();
    const s = c.width / el.clientWidth;
    const pts = [
      [b[0], b[1]],
      [b[2], b[1]],
      [b[2], b[3]],
      [b[0], b[3]],
    ].map((p) => m.project(p as [number, number]));
    const xs = pts.map((p) => c.left + p.x * s);
    const ys = pts.map((p) => c.top + p.y * s);
    const rect = (q: DOMRect) => ({ left: q.left, top: q.top, right: q.right, bottom: q.bottom });
    return {
      box: { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) },
      panels: [...document.querySelectorAll('.presenter [data-occludes]')].map((e) =>
        rect(e.getBoundingClientRect()),
      ),
      width: c.width,
      screen: { left: 0, top: 0, right: innerWidth, bottom: innerHeight },
    };
  }, b);
  expect(r.panels.length).toBeGreaterThanOrEqual(2);
  const boxes = [r.box];
  if (story.chapters[n - 1].compare?.mode === 'side-by-side') {
    // The main map shows the 2015 side in the right half; the second map mirrors it on the left.
    expect(r.box.left).toBeGreaterThanOrEqual(r.width / 2);
    boxes.push({ ...r.box, left: r.box.left - r.width / 2, right: r.box.right - r.width / 2 });
  }
  for (const box of boxes) {
    expect(box.left).toBeGreaterThanOrEqual(r.screen.left);
    expect(box.top).toBeGreaterThanOrEqual(r.screen.top);
    expect(box.right).toBeLessThanOrEqual(r.screen.right);
    expect(box.bottom).toBeLessThanOrEqual(r.screen.bottom);
    for (const p of r.panels) expect(overlap(box, p), `chapter ${n} subject under a panel`).toBe(false);
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Most tests skip the camera flights (the app honours reduced motion); one test checks the flight. */
const STILL = { reducedMotion: 'reduce' } as const;

/**
 * A screenshot with time to spare: the software renderer draws a 4K frame slowly, more so on a
 * busy machine, and the harness's default 30 s is not always enough.
 */
async function shot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, timeout: 180_000 });
}

/** Waits until chapter n (from 1) is shown: caption, progress and URL agree. */
async function expectChapter(page: Page, n: number) {
  const id = story.chapters[n - 1].id;
  await page.waitForSelector(`.presenter[data-chapter="${n}"] section.caption[data-chapter="${id}"]`, {
    timeout: 20_000,
  });
  await page.waitForFunction((want) => location.hash.startsWith(`#/present/${want}`), n, { timeout: 5_000 });
  expect(await page.textContent('[data-testid="present-count"]')).toBe(`${n} / ${COUNT}`);
}

async function press(page: Page, key: string, n: number) {
  await page.keyboard.press(key);
  await expectChapter(page, n);
}

describe('presentation mode', () => {
  it('flies the camera smoothly from chapter to chapter', async () => {
    const { page, context, errors } = await newAppPage(browser, { viewport: { width: 1280, height: 720 } });
    await openApp(page, '#/present/1');
    await expectChapter(page, 1);
    await page.keyboard.press('ArrowRight');
    await expectChapter(page, 2);
    // A flight, not a jump: the map is moving for a while after the key press.
    await page.waitForFunction(() => window.greenCircle.map!.isMoving(), undefined, { timeout: 5_000 });
    await settled(page);
    const cam = await page.evaluate(() => {
      const m = window.greenCircle.map!;
      return { bearing: m.getBearing(), pitch: m.getPitch() };
    });
    expect(cam.bearing).toBeCloseTo(story.chapters[1].camera.bearing ?? 0, 1);
    expect(cam.pitch).toBeCloseTo(story.chapters[1].camera.pitch ?? 0, 1);
    await expectSubjectClear(page, 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has a map subject in every chapter that shows the zone or highlights features', () => {
    for (const [i, c] of story.chapters.entries())
      if (c.subject || c.highlight || c.compare) expect(subjects[i], c.id).not.toBeNull();
    expect(subjects[numberOf('green-life-circle') - 1]).not.toBeNull();
  });

  it('reaches every chapter with the keys a clicker or keyboard sends, each with its camera', async () => {
    const { page, context, errors, outside } = await newAppPage(browser, {
      viewport: { width: 1920, height: 1080 },
      ...STILL,
    });
    await openApp(page, '#/present/1');
    await expectChapter(page, 1);
    const nextKeys = ['ArrowRight', 'PageDown', 'Space', 'ArrowDown'];
    for (let n = 2; n <= COUNT; n++) {
      await press(page, nextKeys[n % nextKeys.length], n);
      await settled(page);
      // The camera keeps the chapter's bearing and pitch, and frames its subject clear of panels;
      // without a subject it ends on the chapter's centre.
      const cam = await page.evaluate(() => {
        const m = window.greenCircle.map!;
        return { center: m.getCenter().toArray(), bearing: m.getBearing(), pitch: m.getPitch() };
      });
      const want = story.chapters[n - 1].camera;
      expect(cam.bearing).toBeCloseTo(want.bearing ?? 0, 1);
      expect(cam.pitch).toBeCloseTo(want.pitch ?? 0, 1);
      if (subjects[n - 1]) await expectSubjectClear(page, n);
      else {
        expect(Math.abs(cam.center[0] - want.center[0])).toBeLessThan(0.002);
        expect(Math.abs(cam.center[1] - want.center[1])).toBeLessThan(0.002);
      }
    }
    await press(page, 'ArrowRight', COUNT); // stays on the last chapter
    await press(page, 'Home', 1);
    await press(page, 'End', COUNT);
    await press(page, 'PageUp', COUNT - 1);
    await press(page, 'ArrowUp', COUNT - 2);
    await press(page, 'ArrowLeft', COUNT - 3);
    await press(page, '3', 3);
    // F asks for full screen (a key press is a user gesture) and again to leave it.
    await page.keyboard.press('f');
    await page.waitForFunction(() => !!document.fullscreenElement);
    await page.waitForSelector('[data-action="fullscreen"][aria-pressed="true"]');
    await page.keyboard.press('f');
    await page.waitForFunction(() => !document.fullscreenElement);
    await expectChapter(page, 3);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('moves with the on-screen buttons and the progress segments', async () => {
    const { page, context } = await newAppPage(browser, {
      viewport: { width: 1920, height: 1080 },
      ...STILL,
    });
    await openApp(page, '#/present/2');
    await expectChapter(page, 2);
    await page.click('[data-action="next"]');
    await expectChapter(page, 3);
    await page.click('[data-action="prev"]');
    await expectChapter(page, 2);
    await page.click(`[data-goto="${COUNT}"]`);
    await expectChapter(page, COUNT);
    // The language button switches the slides and the URL.
    await page.click('[data-action="lang"]');
    await page.waitForFunction(() => location.hash.includes('lang=en'));
    expect(await page.textContent('section.caption h1')).toBe(story.chapters[COUNT - 1].title.en);
    await context.close();
  });

  it('opens every chapter from its URL', async () => {
    const { page, context, errors } = await newAppPage(browser, {
      viewport: { width: 960, height: 540 },
      ...STILL,
    });
    for (let n = 1; n <= COUNT; n++) {
      await page.goto(`${baseUrl()}/#/present/${n}`);
      await page.reload();
      await page.evaluate(() => window.greenCircle.ready);
      await expectChapter(page, n);
    }
    // A chapter past the end opens the last one.
    await page.goto(`${baseUrl()}/#/present/${COUNT + 5}`);
    await page.reload();
    await expectChapter(page, COUNT);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('autoplays: advances on its own and loops from the last chapter to the first', async () => {
    const { page, context, errors } = await newAppPage(browser, {
      viewport: { width: 1280, height: 720 },
      ...STILL,
    });
    // Every chapter shown, with the URL at that moment, recorded in the page as it happens: with a
    // 1 s interval on a busy machine a slide can move on before a test's next round trip, so the
    // sequence is read afterwards rather than caught on the fly.
    await page.addInitScript(() => {
      const seen: { chapter: string; hash: string }[] = [];
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        const id = document.querySelector('.presenter section.caption')?.getAttribute('data-chapter');
        if (id && seen.at(-1)?.chapter !== id) seen.push({ chapter: id, hash: location.hash });
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    // Not openApp: it waits for settled(), and a map that changes slide every second never settles.
    await page.goto(`${baseUrl()}/#/present/${COUNT}?autoplay=1`);
    await page.waitForFunction(() => !!window.greenCircle?.ready, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.greenCircle.ready);
    const seen = () =>
      page.evaluate(() => (window as unknown as { __seen: { chapter: string; hash: string }[] }).__seen);
    const ids = story.chapters.map((c) => c.id);
    // Last chapter, then the first, then the second: it looped, and each move went to the URL.
    await expect
      .poll(async () => (await seen()).map((s) => s.chapter).join(' '), { timeout: 180_000, interval: 500 })
      .toContain([ids[COUNT - 1], ids[0], ids[1]].join(' '));
    const log = await seen();
    const at = log.findIndex((s, i) => s.chapter === ids[COUNT - 1] && log[i + 1]?.chapter === ids[0]);
    for (const [k, n] of [
      [at, COUNT],
      [at + 1, 1],
      [at + 2, 2],
    ])
      expect(log[k].hash).toMatch(new RegExp(`^#/present/${n}\\?.*autoplay=1`));
    // Stopping autoplay stops the slides.
    await page.click('[data-action="autoplay"]');
    await page.waitForFunction(() => !location.hash.includes('autoplay'));
    const stoppedAt = await page.getAttribute('.presenter', 'data-chapter');
    // The pointer leaves the controls (they stay while hovered) for the map.
    await page.mouse.move(640, 300);
    // The controls hide only after 3 s without input (the click above was input): once they have,
    // three autoplay intervals of 1 s have passed, and a running autoplay would have moved on.
    await page.waitForSelector('.presenter.idle', { timeout: 30_000 });
    expect(await page.getAttribute('.presenter', 'data-chapter')).toBe(stoppedAt);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('leaves with Esc, back to the map with its layers as they were', async () => {
    const { page, context } = await newAppPage(browser, { viewport: { width: 1440, height: 900 }, ...STILL });
    await openApp(page, '#/map?l=roads,greenery,industry');
    const before = await visibleMissionLayers(page);
    // A camera of the user's own, turned and tilted, unlike any chapter's.
    await page.evaluate(() =>
      window.greenCircle.map!.jumpTo({ center: [113.601, 34.79], zoom: 14.3, bearing: 33, pitch: 27 }),
    );
    await settled(page);
    const camera = () =>
      page.evaluate(() => {
        const m = window.greenCircle.map!;
        return {
          center: m.getCenter().toArray(),
          zoom: m.getZoom(),
          bearing: m.getBearing(),
          pitch: m.getPitch(),
        };
      });
    const cameraBefore = await camera();
    await page.evaluate(() => (location.hash = '#/present/4'));
    await page.waitForSelector('.presenter section.caption');
    await settled(page);
    expect((await camera()).zoom).not.toBeCloseTo(cameraBefore.zoom, 1);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.presenter', { state: 'detached' });
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/map/);
    await settled(page);
    expect(await visibleMissionLayers(page)).toEqual(before);
    // Esc puts back the camera the map had before the presentation, and the URL says so.
    const after = await camera();
    expect(after.center[0]).toBeCloseTo(cameraBefore.center[0], 5);
    expect(after.center[1]).toBeCloseTo(cameraBefore.center[1], 5);
    expect(after.zoom).toBeCloseTo(cameraBefore.zoom, 4);
    expect(after.bearing).toBeCloseTo(cameraBefore.bearing, 4);
    expect(after.pitch).toBeCloseTo(cameraBefore.pitch, 4);
    await page.waitForFunction(() => /[?&]z=14\.3/.test(location.hash), undefined, { timeout: 5_000 });
    expect(
      await page.evaluate(
        () => window.greenCircle.map!.getStyle().layers.filter((l) => l.id.startsWith('present-')).length,
      ),
    ).toBe(0);
    await context.close();
  });

  it('hides its controls after a few seconds without input, back on a mouse move or a key', async () => {
    const { page, context } = await newAppPage(browser, { viewport: { width: 1280, height: 720 }, ...STILL });
    await openApp(page, '#/present/2');
    await expectChapter(page, 2);
    const controls = page.locator('.presenter nav.controls');
    const shown = async () => Number(await controls.evaluate((e) => getComputedStyle(e).opacity)) > 0.5;
    await page.waitForSelector('.presenter.idle', { timeout: 30_000 });
    await expect.poll(shown, { timeout: 5_000 }).toBe(false);
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 310);
    await expect.poll(shown, { timeout: 5_000 }).toBe(true);
    await page.waitForSelector('.presenter.idle', { timeout: 30_000 });
    await page.keyboard.press('ArrowRight');
    await expectChapter(page, 3);
    await expect.poll(shown, { timeout: 5_000 }).toBe(true);
    // A click on the next button works straight after the controls come back.
    await page.waitForSelector('.presenter.idle', { timeout: 30_000 });
    await page.click('[data-action="next"]');
    await expectChapter(page, 4);
    await context.close();
  }, 120_000);

  // Every chapter at 1080p in Chinese and at 4K in English.
  for (const [w, h, lang] of [
    [1920, 1080, 'zh'],
    [3840, 2160, 'en'],
  ] as const) {
    it(`is readable from the back of the room at ${w}×${h} (${lang})`, async () => {
      const { page, context, errors, outside } = await newAppPage(browser, {
        viewport: { width: w, height: h },
        ...STILL,
      });
      await openApp(page, `#/present/1?lang=${lang}`);
      let labelsSeen = 0;
      for (let n = 1; n <= COUNT; n++) {
        await page.evaluate(([k, l]) => (location.hash = `#/present/${k}?lang=${l}`), [n, lang] as const);
        await expectChapter(page, n);
        await settled(page);
        expect(await page.textContent('section.caption h1')).toBe(story.chapters[n - 1].title[lang]);
        // Captions at least 1/30 of the screen height, key figures at least 1/15 (DESIGN.md).
        const sizes = await page.evaluate(() => {
          const px = (sel: string) =>
            [...document.querySelectorAll(sel)].map((e) => parseFloat(getComputedStyle(e).fontSize));
          return { caption: px('section.caption .text'), numbers: px('.figure .number') };
        });
        for (const s of sizes.caption) expect(s).toBeGreaterThanOrEqual(h / 30);
        for (const s of sizes.numbers) expect(s).toBeGreaterThanOrEqual(h / 15);
        // No text of the presentation (labels, notes, buttons, legend) below 1/50 of the height.
        const smallest = await page.evaluate(() => {
          let min = Infinity;
          for (const e of document.querySelectorAll('.presenter *')) {
            const own = [...e.childNodes].some((c) => c.nodeType === 3 && c.textContent!.trim());
            if (own) min = Math.min(min, parseFloat(getComputedStyle(e).fontSize));
          }
          return min;
        });
        expect(smallest).toBeGreaterThanOrEqual(h / 50);
        // Every figure has finished computing (a value, or a plain "no data").
        expect(await page.locator('.figure[data-state="computing"]').count()).toBe(0);
        // The caption stays on screen, and nothing inside it is cut off.
        const clipped = await page.$eval('section.caption', (e) => e.scrollHeight - e.clientHeight);
        expect(clipped).toBeLessThanOrEqual(1);
        const box = await page.locator('section.caption').boundingBox();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(h);
        await expectSubjectClear(page, n);
        labelsSeen += await expectLabelsReadable(page, h, `chapter ${n}`);
        await shot(
          page,
          `present-${w}x${h}-${lang}-${String(n).padStart(2, '0')}-${story.chapters[n - 1].id}`,
        );
      }
      // The label check above measured real labels, not an empty map.
      expect(labelsSeen).toBeGreaterThan(COUNT);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    }, 1_200_000);
  }

  it('shows the coverage the coverage tab computes with its default parameters', async () => {
    const { page, context } = await newAppPage(browser, { viewport: { width: 1440, height: 900 }, ...STILL });
    const n = numberOf('green-life-circle');
    await openApp(page, `#/present/${n}`);
    await expectChapter(page, n);
    await settled(page);
    const slide = async (key: string) =>
      Number(await page.getAttribute(`.figure[data-ref="${key}"][data-state="ready"]`, 'data-value'));
    const on = { '2014': await slide('coverage_2014_pct'), '2015': await slide('coverage_2015_pct') };
    expect(on['2015']).toBeGreaterThan(on['2014']);
    const share15 = '[data-testid="cov-pop-share"][data-minutes="15"]';
    for (const scenario of ['2015', '2014'] as const) {
      // A fresh load: the coverage view starts from its defaults (2014 chosen by the URL).
      await page.goto(`${baseUrl()}/${scenario === '2015' ? '#/map' : '#/map?s=2014'}`);
      await page.reload();
      await page.evaluate(() => window.greenCircle.ready);
      await page.click('[data-tab="coverage"]');
      await page.waitForSelector(share15, { timeout: 60_000 });
      await settled(page);
      const tab = Number(await page.getAttribute(share15, 'data-value')) * 100;
      expect(Math.abs(on[scenario] - tab), scenario).toBeLessThan(1e-9);
    }
    await context.close();
  }, 180_000);

  it('steps the circle through the years, each share with its range without guessed features', async () => {
    const { page, context, errors } = await newAppPage(browser, {
      viewport: { width: 1920, height: 1080 },
      ...STILL,
    });
    const n = numberOf('circle-through-years');
    await openApp(page, `#/present/${n}?lang=en`);
    await expectChapter(page, n);
    await settled(page);
    const rows = page.locator('[data-testid="present-year"]');
    const list = await rows.evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-scenario')!,
        value: Number(e.getAttribute('data-value')),
        without: Number(e.getAttribute('data-without')),
        text: e.textContent!.trim(),
      })),
    );
    // Every scenario of the data, in order: 2014, the plan, the year steps, today.
    expect(list[0].id).toBe('2014');
    expect(list[1].id).toBe('2015');
    expect(list.at(-1)!.id).toBe('today');
    for (const r of list) {
      expect(r.value).toBeGreaterThan(0);
      expect(r.value).toBeLessThanOrEqual(1);
      // Without guesses a walk is never shorter, so the share never grows.
      expect(r.without).toBeLessThanOrEqual(r.value + 1e-12);
      // Where the two ends differ (one decimal), the row shows both.
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      expect(r.text).toContain(pct(r.value));
      if (pct(r.without) !== pct(r.value)) expect(r.text).toContain(`(${pct(r.without)})`);
    }
    // Some year's share rests on guessed features (the plan's corridors are guesses): a range shows.
    expect(list.some((r) => r.text.includes('('))).toBe(true);
    // The shown year's share, large, with its range; ‹ steps back a year and the figure follows.
    const big = async () => ({
      shown: await page.getAttribute('[data-testid="present-years"]', 'data-shown'),
      value: Number(await page.getAttribute('.figure[data-ref="coverage_year_pct"]', 'data-value')),
      note: (await page.textContent('.figure[data-ref="coverage_year_pct"] .note'))!.trim(),
    });
    const first = await big();
    expect(first.shown).toBe('today');
    expect(first.value / 100).toBeCloseTo(list.at(-1)!.value, 12);
    const byId = Object.fromEntries(list.map((r) => [r.id, r]));
    for (let i = list.length - 2; i >= 0; i--) {
      await page.click('[data-testid="present-year-prev"]');
      await page.waitForFunction(
        (id) => document.querySelector('[data-testid="present-years"]')?.getAttribute('data-shown') === id,
        list[i].id,
      );
      await settled(page);
      const now = await big();
      expect(now.value / 100).toBeCloseTo(byId[now.shown!].value, 12);
      const r = byId[now.shown!];
      if ((r.without * 100).toFixed(1) !== (r.value * 100).toFixed(1))
        expect(now.note).toBe(`${(r.without * 100).toFixed(1)}% without guessed features`);
    }
    // The shares differ between 2014 and the plan: the step changed the figure on screen.
    expect(byId['2015'].value).toBeGreaterThan(byId['2014'].value);
    expect(await page.isDisabled('[data-testid="present-year-prev"]')).toBe(true);
    // The shown year's walk-time bands are on the map.
    expect(await page.evaluate(() => !!window.greenCircle.map!.getLayer('present-years-fill'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);

  it('shows where the next parks should go: k ranked sites, the curve and the plan against the best', async () => {
    const { page, context, errors } = await newAppPage(browser, {
      viewport: { width: 1920, height: 1080 },
      ...STILL,
    });
    const n = numberOf('next-parks');
    const want = story.chapters[n - 1] as unknown as { sites: { k: number } };
    await openApp(page, `#/present/${n}`);
    await expectChapter(page, n);
    await settled(page);
    const k = want.sites.k;
    expect(await page.getAttribute('[data-testid="present-sites"]', 'data-k')).toBe(String(k));
    // k sites on the map, ranked 1…k, each with a positive marginal gain that never grows.
    const badges = await page.locator('.site-badge').evaluateAll((els) =>
      els.map((e) => ({
        rank: Number(e.getAttribute('data-rank')),
        gain: Number(e.getAttribute('data-gain')),
      })),
    );
    expect(badges.map((b) => b.rank).sort((a, b) => a - b)).toEqual([...Array(k)].map((_, i) => i + 1));
    for (const b of badges) expect(b.gain).toBeGreaterThan(0);
    // The cumulative curve: one column per k, rising, the last equal to the sum of the gains.
    const cols = await page
      .locator('[data-testid="present-sites-curve"] .col')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-gained'))));
    expect(cols).toHaveLength(k);
    for (let i = 1; i < k; i++) expect(cols[i]).toBeGreaterThanOrEqual(cols[i - 1]);
    const sum = badges.reduce((a, b) => a + b.gain, 0);
    expect(Math.abs(cols[k - 1] - sum)).toBeLessThanOrEqual(k);
    // The plan against the best: both figures there; the best are at least as good as the plan.
    const plan = Number(
      await page.getAttribute('.figure[data-ref="plan_gain"][data-state="ready"]', 'data-value'),
    );
    const best = Number(
      await page.getAttribute('.figure[data-ref="best_gain"][data-state="ready"]', 'data-value'),
    );
    expect(plan).toBeGreaterThanOrEqual(0);
    expect(best).toBeGreaterThan(0);
    const label = (await page.textContent('.figure[data-ref="plan_gain"] .label'))!;
    expect(label).toMatch(/规划的 \d+ 个新公园/);
    // The badges are legible from the back of the room: their type, times the map's screen scale.
    const px = await page
      .locator('.site-badge')
      .first()
      .evaluate((e) => {
        const el = window.greenCircle.map!.getContainer();
        return parseFloat(getComputedStyle(e).fontSize) * (el.getBoundingClientRect().width / el.clientWidth);
      });
    expect(px).toBeGreaterThanOrEqual(1080 / 40);
    await shot(page, 'present-1920x1080-zh-next-parks');
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);

  it('shows a clear error for a broken story file instead of a blank page', async () => {
    const { page, context } = await newAppPage(browser, { viewport: { width: 1280, height: 720 }, ...STILL });
    const broken = JSON.parse(readFileSync('geodata/story.json', 'utf8'));
    broken.chapters[3].camera.zoom = 40;
    delete broken.chapters[1].title;
    await context.route(/story[^/]*\.json/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }),
    );
    await openApp(page, '#/present/2');
    const panel = page.locator('[data-testid="story-errors"]');
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).toContain('geodata/story.json');
    expect(text).toContain('chapters[3].camera.zoom');
    expect(text).toContain('expected a number between 0 and 22');
    expect(text).toContain('chapters[1].title');
    await screenshot(page, 'present-story-error');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="story-errors"]', { state: 'detached' });
    await context.close();
  });

  it('says so when the story file is not JSON at all', async () => {
    const { page, context } = await newAppPage(browser, { viewport: { width: 1280, height: 720 }, ...STILL });
    await context.route(/story[^/]*\.json/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{ "version": 1,' }),
    );
    await openApp(page, '#/present/1');
    const panel = page.locator('[data-testid="story-errors"]');
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(/JSON/);
    await context.close();
  });
});

const TEXT_SIZE = latest.layout_symbol['text-size'];

/**
 * Every label drawn on the main map is at least 1/40 of the screen height: its layer's text-size,
 * evaluated at the map's zoom for the rendered feature, times the screen scale of the map's
 * container. Returns how many labels it measured.
 */
async function expectLabelsReadable(page: Page, screenHeight: number, where: string): Promise<number> {
  const drawn = await page.evaluate(() => {
    const m = window.greenCircle.map!;
    const el = m.getContainer();
    const scale = el.getBoundingClientRect().width / el.clientWidth;
    const layers = m
      .getStyle()
      .layers.filter((l) => l.type === 'symbol' && m.getLayoutProperty(l.id, 'visibility') !== 'none');
    return {
      zoom: m.getZoom(),
      scale,
      layers: layers.map((l) => ({
        id: l.id,
        size: m.getLayoutProperty(l.id, 'text-size') ?? 16,
        features: m
          .queryRenderedFeatures({ layers: [l.id] })
          .slice(0, 40)
          .map((f) => ({ type: f.geometry.type, properties: f.properties })),
      })),
    };
  });
  let count = 0;
  for (const l of drawn.layers) {
    if (!l.features.length) continue;
    const e = createExpression(l.size, TEXT_SIZE as never);
    if (e.result !== 'success') throw new Error(`${l.id}: text-size does not parse`);
    for (const f of l.features) {
      const px = (e.value.evaluate({ zoom: drawn.zoom }, f as never) as number) * drawn.scale;
      expect(px, `${where}: ${l.id} label ${JSON.stringify(f.properties?.name_zh)}`).toBeGreaterThanOrEqual(
        screenHeight / 40,
      );
      count++;
    }
  }
  return count;
}

async function visibleMissionLayers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const m = window.greenCircle.map!;
    return ['plan-roads', 'greenery-fill', 'industry-fill'].filter(
      (id) => m.getLayer(id) && m.getLayoutProperty(id, 'visibility') !== 'none',
    );
  });
}
