/**
 * Presentation mode in a real browser: every chapter by keys, by buttons and by URL; autoplay
 * advances and loops; type is big enough for the back of the room at 1080p and at 4K (screenshots
 * in test-results/); a broken story file gets a clear error on screen.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, newAppPage, openApp, screenshot, settled } from './harness';

interface StoryJson {
  chapters: {
    id: string;
    title: { zh: string; en: string };
    camera: { center: [number, number] };
    figures: unknown[];
  }[];
}
const story: StoryJson = JSON.parse(readFileSync('geodata/story.json', 'utf8'));
const COUNT = story.chapters.length;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Most tests skip the camera flights (the app honours reduced motion); one test checks the flight. */
const STILL = { reducedMotion: 'reduce' } as const;

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
    const c = await page.evaluate(() => window.greenCircle.map!.getCenter().toArray());
    expect(Math.abs(c[0] - story.chapters[1].camera.center[0])).toBeLessThan(0.002);
    expect(errors).toEqual([]);
    await context.close();
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
      // The camera ends on the chapter's centre (MapLibre reports the centre of the padded view).
      const c = await page.evaluate(() => window.greenCircle.map!.getCenter().toArray());
      const want = story.chapters[n - 1].camera.center;
      expect(Math.abs(c[0] - want[0])).toBeLessThan(0.002);
      expect(Math.abs(c[1] - want[1])).toBeLessThan(0.002);
    }
    await press(page, 'ArrowRight', COUNT); // stays on the last chapter
    await press(page, 'Home', 1);
    await press(page, 'End', COUNT);
    await press(page, 'PageUp', COUNT - 1);
    await press(page, 'ArrowUp', COUNT - 2);
    await press(page, 'ArrowLeft', COUNT - 3);
    await press(page, '3', 3);
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
    const { page, context } = await newAppPage(browser, { viewport: { width: 1280, height: 720 }, ...STILL });
    await openApp(page, `#/present/${COUNT}?autoplay=1`);
    await expectChapter(page, COUNT);
    await expectChapter(page, 1);
    await expectChapter(page, 2);
    expect(await page.evaluate(() => location.hash)).toContain('autoplay=1');
    // Stopping autoplay stops the slides.
    await page.click('[data-action="autoplay"]');
    await page.waitForFunction(() => !location.hash.includes('autoplay'));
    const at = await page.getAttribute('.presenter', 'data-chapter');
    await page.waitForTimeout(2_500);
    expect(await page.getAttribute('.presenter', 'data-chapter')).toBe(at);
    await context.close();
  }, 240_000);

  it('leaves with Esc, back to the map with its layers as they were', async () => {
    const { page, context } = await newAppPage(browser, { viewport: { width: 1440, height: 900 }, ...STILL });
    await openApp(page, '#/map?l=roads,greenery,industry');
    const before = await visibleMissionLayers(page);
    await page.evaluate(() => (location.hash = '#/present/4'));
    await page.waitForSelector('.presenter section.caption');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.presenter', { state: 'detached' });
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/map/);
    await settled(page);
    expect(await visibleMissionLayers(page)).toEqual(before);
    expect(
      await page.evaluate(
        () => window.greenCircle.map!.getStyle().layers.filter((l) => l.id.startsWith('present-')).length,
      ),
    ).toBe(0);
    await context.close();
  });

  // Every chapter at 1080p; at 4K (four times the pixels for the software renderer) a sample of
  // the layouts: title card, side column with a chart, progressive roads, the side-by-side maps.
  const sample = ['title', 'results-2014', 'road-extensions', 'green-life-circle'].map(
    (id) => story.chapters.findIndex((c) => c.id === id) + 1,
  );
  for (const [w, h, chapters] of [
    [1920, 1080, story.chapters.map((_, i) => i + 1)],
    [3840, 2160, sample],
  ] as const) {
    it(`is readable from the back of the room at ${w}×${h}`, async () => {
      const { page, context, errors } = await newAppPage(browser, {
        viewport: { width: w, height: h },
        ...STILL,
      });
      await openApp(page, '#/present/1');
      for (const n of chapters) {
        await page.evaluate((k) => (location.hash = `#/present/${k}`), n);
        await expectChapter(page, n);
        await settled(page);
        // Captions at least 1/30 of the screen height, key figures at least 1/15 (DESIGN.md).
        const sizes = await page.evaluate(() => {
          const px = (sel: string) =>
            [...document.querySelectorAll(sel)].map((e) => parseFloat(getComputedStyle(e).fontSize));
          return { caption: px('section.caption .text'), numbers: px('.figure .number') };
        });
        for (const s of sizes.caption) expect(s).toBeGreaterThanOrEqual(h / 30);
        for (const s of sizes.numbers) expect(s).toBeGreaterThanOrEqual(h / 15);
        // Every figure has finished computing (a value, or a plain "no data").
        expect(await page.locator('.figure[data-state="computing"]').count()).toBe(0);
        // The caption stays on screen.
        const box = await page.locator('section.caption').boundingBox();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(h);
        await screenshot(page, `present-${w}x${h}-${String(n).padStart(2, '0')}-${story.chapters[n - 1].id}`);
      }
      expect(errors).toEqual([]);
      await context.close();
    }, 300_000);
  }

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

async function visibleMissionLayers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const m = window.greenCircle.map!;
    return ['plan-roads', 'greenery-fill', 'industry-fill'].filter(
      (id) => m.getLayer(id) && m.getLayoutProperty(id, 'visibility') !== 'none',
    );
  });
}
