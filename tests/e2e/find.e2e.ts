/**
 * Residents on a phone (390x844, touch): search a place by its initials, tap "near me" on the map,
 * get the three nearest parks by walking time with a route drawn; the browser's position when
 * granted, a clear fallback when refused; the answer as a link; English. Screenshots at 390x844 and
 * 360x640 in test-results/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import { launch, newAppPage, openApp, renderedCount, screenshot, settled } from './harness';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
};
/** A place in the zone, on land, near 科学大道 (not a park). */
const HOME = { latitude: 34.8, longitude: 113.5 };
/** Beside 莲花公园, 90 m from 白桦街: its nearest park is a compact one, whose name must fit on screen. */
const LIANHUA = { latitude: 34.8305, longitude: 113.559 };

const water: FeatureCollection<Polygon | MultiPolygon> = JSON.parse(
  readFileSync('geodata/water.geojson', 'utf8'),
);
const roads: FeatureCollection = JSON.parse(readFileSync('geodata/roads.geojson', 'utf8'));
const greenery: FeatureCollection = JSON.parse(readFileSync('geodata/greenery.geojson', 'utf8'));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openFind(page: Page, hash = '#/map', touch = true) {
  await openApp(page, hash);
  const tab = page.locator('[data-tab="find"]');
  await (touch ? tab.tap() : tab.click());
  await page.locator('#find-q').waitFor();
}

interface Listed {
  ids: string[];
  seconds: number[];
  walkMetres: number[];
  minutes: number[];
}

/** Waits for n parks in the answer and reads them. */
async function listed(page: Page, n = 3): Promise<Listed> {
  await page.waitForFunction(
    (k) => document.querySelectorAll('[data-testid="find-nearest"] button').length === k,
    n,
    {
      timeout: 60_000,
    },
  );
  await settled(page);
  return page.evaluate(() => {
    const b = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="find-nearest"] button')];
    return {
      ids: b.map((x) => x.dataset.green!),
      seconds: b.map((x) => Number(x.dataset.seconds)),
      walkMetres: b.map((x) => Number(x.dataset.walkMetres)),
      minutes: b.map((x) =>
        Number(x.querySelector('[data-testid="find-minutes"]')!.textContent!.match(/\d+/)![0]),
      ),
    };
  });
}

const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]);

/** The drawn routes, from the map's own source. */
async function routes(page: Page): Promise<Position[][]> {
  return page.evaluate(() => {
    const m = window.greenCircle.map!;
    const fs = m.querySourceFeatures('find-routes');
    return fs.map((f) => (f.geometry as LineString).coordinates);
  });
}

/** A route vertex in water must lie on a road (a bridge): loose, 15 m for the drawn width. */
function waterCrossedOffRoad(route: Position[]): Position[] {
  const lines = roads.features.filter((f) => f.geometry && f.properties?.walkable) as Feature<
    LineString | MultiLineString
  >[];
  const inWater = (p: Position) => water.features.some((w) => booleanPointInPolygon(p, w));
  const onRoad = (p: Position) =>
    lines.some((l) => nearestPointOnLine(l, p, { units: 'meters' }).properties.dist < 15);
  const bad: Position[] = [];
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1],
      b = route[i];
    for (const t of [0, 0.25, 0.5, 0.75, 1]) {
      const p = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      if (inWater(p) && !onRoad(p)) bad.push(p);
    }
  }
  return bad;
}

describe('residents on a phone', () => {
  it('finds 雪松路 by "xsl", then the three nearest parks from a tap on the map, with routes', async () => {
    const { page, context, errors, outside } = await newAppPage(browser, PHONE);
    await openFind(page);

    const before = await page.evaluate(() => window.greenCircle.map!.getCenter().toArray());
    await page.locator('#find-q').tap();
    await page.locator('#find-q').pressSequentially('xsl');
    const first = page.locator('#find-results [role="option"]').first();
    await first.waitFor();
    expect(await page.getAttribute('#find-q', 'aria-expanded')).toBe('true');
    expect(await first.textContent()).toContain('雪松路');
    expect(await first.textContent()).toContain('Xuesong');
    await first.tap();
    await page.locator('[data-testid="find-chosen"]').waitFor();
    await settled(page);

    // The map moved to the road, and the road is outlined on screen.
    const after = await page.evaluate(() => window.greenCircle.map!.getCenter().toArray());
    expect(Math.hypot(after[0] - before[0], after[1] - before[1])).toBeGreaterThan(0.003);
    const names = await page.evaluate(() => [
      ...new Set(
        window.greenCircle
          .map!.queryRenderedFeatures({ layers: ['find-place-road'] })
          .map((f) => f.properties.name_zh),
      ),
    ]);
    expect(names).toEqual(['雪松路']);
    await screenshot(page, 'find-390x844-search');

    // Arm "near me" and tap the map on the road, above the bottom sheet.
    await page.locator('[data-action="tap"]').tap();
    await page.locator('[data-testid="find-armed"]').waitFor();
    const target = await page.evaluate(() => {
      const m = window.greenCircle.map!;
      const box = m.getContainer().getBoundingClientRect();
      const sheetTop = document.querySelector('aside.panel')!.getBoundingClientRect().top;
      const pts = m
        .queryRenderedFeatures({ layers: ['find-place-road'] })
        .flatMap((f) =>
          f.geometry.type === 'LineString'
            ? f.geometry.coordinates
            : f.geometry.type === 'MultiLineString'
              ? f.geometry.coordinates.flat()
              : [],
        )
        .map((c) => m.project(c as [number, number]))
        .map((p) => ({ x: p.x + box.left, y: p.y + box.top }))
        .filter((p) => p.x > 40 && p.x < box.right - 60 && p.y > box.top + 60 && p.y < sheetTop - 40);
      return pts[Math.floor(pts.length / 2)];
    });
    expect(target).toBeTruthy();
    const tapped = Date.now();
    await page.touchscreen.tap(target.x, target.y);

    const a = await listed(page);
    // A figure for the report (first answer includes building the walk model in the worker), not a test.
    console.log(`near me: tap to three parks drawn in ${Date.now() - tapped} ms`);
    expect(await page.textContent('.near .from')).toBe('起点：地图上点选的位置');
    // One origin: the tap replaced the searched place's pin.
    expect(await page.locator('[data-testid="find-place-pin"]').count()).toBe(0);
    expect(await page.locator('[data-testid="find-origin"]').count()).toBe(1);
    expect(new Set(a.ids).size).toBe(3);
    expect(ascending(a.seconds)).toBe(true);
    expect(ascending(a.minutes)).toBe(true);
    // Default walking speed, 1.0 m/s: time = effective walk metres / speed.
    a.seconds.forEach((s, i) => expect(s).toBeCloseTo(a.walkMetres[i] / 1.0, 0));
    expect(await renderedCount(page, ['find-route'])).toBeGreaterThan(0);
    // The numbered badges at the parks take a finger: 44 px targets.
    const badges = await page.$$eval('.find-park-badge', (bs) =>
      bs.map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height)),
    );
    expect(badges).toHaveLength(3);
    expect(Math.min(...badges)).toBeGreaterThanOrEqual(44);
    const drawn = await routes(page);
    expect(drawn.length).toBeGreaterThanOrEqual(3);
    for (const r of drawn) expect(waterCrossedOffRoad(r)).toEqual([]);

    // The origin is in the URL; selecting the second park highlights it and puts it in the URL.
    expect(await page.evaluate(() => location.hash)).toMatch(/[?&]o=113\.\d+(%2C|,)34\.\d+/);
    await page.locator('[data-testid="find-nearest"] button').nth(1).tap();
    await settled(page);
    expect(
      await page.getAttribute('[data-testid="find-nearest"] li:nth-child(2) button', 'aria-pressed'),
    ).toBe('true');
    const state = await page.evaluate(
      (id) => window.greenCircle.map!.getFeatureState({ source: 'greenery', id }),
      a.ids[1],
    );
    expect(state.selected).toBe(true);
    const selectedRoute = await page.evaluate(() =>
      window.greenCircle
        .map!.querySourceFeatures('find-routes')
        .filter((f) => f.properties.selected)
        .map((f) => f.properties.green),
    );
    expect([...new Set(selectedRoute)]).toEqual([a.ids[1]]);
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain(`og=${encodeURIComponent(a.ids[1])}`);
    await screenshot(page, 'find-390x844-nearest');

    // The link reopens the same answer with the same park selected.
    const other = await newAppPage(browser, PHONE);
    await openApp(other.page, hash);
    const b = await listed(other.page);
    expect(b.ids).toEqual(a.ids);
    expect(
      await other.page.getAttribute('[data-testid="find-nearest"] li:nth-child(2) button', 'aria-pressed'),
    ).toBe('true');
    expect(other.errors).toEqual([]);
    await other.context.close();

    // The answer is for today by default, says which parks count and that the data is incomplete.
    expect(await page.textContent('[data-testid="find-basis"]')).toContain('今天');
    expect(await page.isChecked('[data-testid="find-scenario-today"]')).toBe(true);
    expect(await page.evaluate(() => location.hash)).not.toContain('fs=');
    expect(await page.textContent('[data-testid="find-incomplete"]')).toContain(
      `${greenery.features.length} 处`,
    );
    const statusOf = (id: string) =>
      greenery.features.find((f) => f.properties?.id === id)?.properties?.status as string;
    const unbuilt = (id: string) =>
      ['planned', 'under_construction'].includes(statusOf(id)) ? statusOf(id) : null;
    const tagsOf = () =>
      page.$$eval('[data-testid="find-nearest"] button', (bs) =>
        bs.map((b) => b.querySelector('[data-status]')?.getAttribute('data-status') ?? null),
      );
    // An unbuilt park is never offered without its status in the same line.
    expect(await tagsOf()).toEqual(a.ids.map(unbuilt));
    // "Built (2014)" recomputes over existing parks and roads only.
    await page.locator('[data-testid="find-scenario-2014"]').tap();
    await page.waitForFunction(() => /fs=2014/.test(location.hash));
    const built = await listed(page);
    expect(built.ids.every((id) => statusOf(id) === 'existing')).toBe(true);
    expect(ascending(built.seconds)).toBe(true);
    expect(await page.locator('[data-testid="find-nearest"] [data-status]').count()).toBe(0);
    // The plan: unbuilt parks carry their status.
    await page.locator('[data-testid="find-scenario-2015"]').tap();
    await page.waitForFunction(() => /fs=2015/.test(location.hash));
    const plan = await listed(page);
    expect(await page.textContent('[data-testid="find-basis"]')).toContain('2015 规划');
    expect(await tagsOf()).toEqual(plan.ids.map(unbuilt));

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  // Left out once as "the answer did not arrive within 60 s": the link's origin (113.5700, 34.8262)
  // lies more than 300 m from any walkable road of today's network, so the app rightly answered
  // "too far from a road" and no park list ever came. The origin is now on 白桦街's side of
  // 莲花公园, and a message instead of parks fails at once with its key.
  it('frames a walk from a link with the nearest park named whole above the sheet, clear of badges and buttons, one origin', async () => {
    for (const [width, height, lang] of [
      [390, 844, 'zh'],
      [360, 640, 'zh'],
      [360, 640, 'en'],
    ] as const) {
      const { page, context, errors } = await newAppPage(browser, { ...PHONE, viewport: { width, height } });
      await openApp(page, `#/map?lang=${lang}&o=${LIANHUA.longitude},${LIANHUA.latitude}`);
      const message = () =>
        page.evaluate(() => document.querySelector('[data-testid="find-message"]')?.getAttribute('data-key'));
      expect(await message(), 'a message instead of parks').toBeUndefined();
      const a = await listed(page);
      const where = `${width}×${height} ${lang}`;
      await screenshot(page, `find-${width}x${height}-${lang}-link-answer`);
      const named = await page.evaluate((id) => {
        const m = window.greenCircle.map!;
        const w = m.getCanvas().clientWidth;
        const box = m.getContainer().getBoundingClientRect();
        const sheetTop = document.querySelector('aside.panel')!.getBoundingClientRect().top - box.top;
        const label = m
          .queryRenderedFeatures({ layers: ['find-park-name'] })
          .find((f) => f.properties.id === id);
        if (!label) return null;
        // The name's drawn box, measured as MapLibre hit-tests it: from a point on the label, step
        // outwards while a query there still returns this label.
        const hit = (x: number, y: number) =>
          m.queryRenderedFeatures([x, y], { layers: ['find-park-name'] }).some((f) => f.properties.id === id);
        const at = m.project((label.geometry as GeoJSON.Point).coordinates as [number, number]);
        let start: { x: number; y: number } | null = null;
        for (let r = 0; r <= 60 && !start; r += 2)
          for (const [dx, dy] of [
            [0, r],
            [0, -r],
            [r, 0],
            [-r, 0],
          ])
            if (!start && hit(at.x + dx, at.y + dy)) start = { x: at.x + dx, y: at.y + dy };
        const rel = (sel: string) => {
          const r = document.querySelector(sel)!.getBoundingClientRect();
          return {
            left: r.left - box.left,
            right: r.right - box.left,
            top: r.top - box.top,
            bottom: r.bottom - box.top,
          };
        };
        const controls = rel('.maplibregl-ctrl-top-right');
        // The badge's visible 28 px disc inside its 44 px target.
        const target = rel('.find-park-badge[data-rank="1"]');
        const badge = {
          left: target.left + 8,
          right: target.right - 8,
          top: target.top + 8,
          bottom: target.bottom - 8,
        };
        if (!start) return { left: NaN, right: NaN, top: NaN, bottom: NaN, w, sheetTop, controls, badge };
        const reach = (dx: number, dy: number) => {
          let x = start!.x,
            y = start!.y;
          while (x >= 0 && x <= w && y >= 0 && y <= sheetTop + 200 && hit(x + dx, y + dy)) {
            x += dx;
            y += dy;
          }
          return { x, y };
        };
        return {
          left: reach(-1, 0).x,
          right: reach(1, 0).x,
          top: reach(0, -1).y,
          bottom: reach(0, 1).y,
          w,
          sheetTop,
          controls,
          badge,
        };
      }, a.ids[0]);
      expect(named, `park ${a.ids[0]} named at ${where}`).not.toBeNull();
      expect(named!.left, where).toBeGreaterThan(0);
      expect(named!.right, where).toBeLessThan(named!.w);
      expect(named!.top, where).toBeGreaterThan(0);
      expect(named!.bottom, where).toBeLessThan(named!.sheetTop);
      // Not under the zoom buttons, nor under its own numbered badge.
      const overlaps = (c: { left: number; right: number; top: number; bottom: number }) =>
        Math.min(named!.right, c.right) > Math.max(named!.left, c.left) &&
        Math.min(named!.bottom, c.bottom) > Math.max(named!.top, c.top);
      expect(overlaps(named!.controls), `${where}: the name under the zoom buttons`).toBe(false);
      expect(overlaps(named!.badge), `${where}: the name under its badge`).toBe(false);
      // One origin, no leftover search pin.
      expect(await page.locator('[data-testid="find-origin"]').count()).toBe(1);
      expect(await page.locator('[data-testid="find-place-pin"]').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 300_000);

  it('answers for today by default, and a link with fs= reopens its year', async () => {
    const { page, context, errors } = await newAppPage(browser, PHONE);
    const o = `${HOME.longitude},${HOME.latitude}`;
    await openApp(page, `#/map?o=${o}`);
    const today = await listed(page);
    expect(await page.isChecked('[data-testid="find-scenario-today"]')).toBe(true);
    // Today names the latest sourced year; the latest opening year in the data is the app's to say.
    const latest = Math.max(
      2015,
      ...greenery.features.map((f) => Number(f.properties?.opened)).filter(Number.isFinite),
      ...roads.features.map((f) => Number(f.properties?.opened)).filter(Number.isFinite),
    );
    expect(await page.textContent('[data-testid="find-basis"]')).toContain(String(latest));
    // Where the answer rests on a guess, the answer says what it is without the guesses.
    const guess = page.locator('[data-testid="find-without-guessed"]');
    if ((await guess.count()) > 0) {
      const s = await guess.getAttribute('data-seconds');
      if (s) expect(await guess.textContent()).toContain(`${Math.max(1, Math.round(Number(s) / 60))}`);
    }
    await screenshot(page, 'find-390x844-today');

    const other = await newAppPage(browser, PHONE);
    await openApp(other.page, `#/map?o=${o}&fs=2014`);
    const built = await listed(other.page);
    expect(await other.page.isChecked('[data-testid="find-scenario-2014"]')).toBe(true);
    const statusOf = (id: string) =>
      greenery.features.find((f) => f.properties?.id === id)?.properties?.status;
    expect(built.ids.every((id) => statusOf(id) === 'existing')).toBe(true);
    // 2014 has no more parks than today: the nearest today is no farther than in 2014.
    expect(today.seconds[0]).toBeLessThanOrEqual(built.seconds[0] + 1e-6);
    expect(other.errors).toEqual([]);
    await other.context.close();
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('keyboard: ArrowDown/ArrowUp move through the results, Enter chooses, Escape closes then clears', async () => {
    const { page, context, errors } = await newAppPage(browser, { viewport: { width: 1280, height: 800 } });
    await openFind(page, '#/map', false);
    await page.locator('#find-q').focus();
    await page.keyboard.type('tianjianhu');
    await page.locator('#find-results [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#find-q', 'aria-activedescendant')).toBe('find-opt-0');
    expect(await page.getAttribute('#find-opt-0', 'aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp'); // wraps to the last
    const n = await page.locator('#find-results [role="option"]').count();
    expect(await page.getAttribute('#find-q', 'aria-activedescendant')).toBe(`find-opt-${n - 1}`);
    await page.keyboard.press('ArrowDown'); // back to the first
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="find-chosen"]').waitFor();
    expect(await page.textContent('[data-testid="find-chosen"]')).toContain('天健湖公园');
    expect(await page.locator('#find-results').isHidden()).toBe(true);
    // Escape on a closed list clears the box.
    await page.keyboard.press('Escape');
    expect(await page.inputValue('#find-q')).toBe('');
    // Escape on an open list closes it first.
    await page.keyboard.type('长椿路梧桐街');
    await page.locator('#find-results [role="option"]').first().waitFor();
    expect(await page.textContent('#find-opt-0')).toMatch(/梧桐街与长椿路|长椿路与梧桐街/);
    await page.keyboard.press('Escape');
    expect(await page.locator('#find-results').isHidden()).toBe(true);
    expect(await page.inputValue('#find-q')).toBe('长椿路梧桐街');
    // Choose the crossing and walk from it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('[data-action="near-from-place"]').click();
    const a = await listed(page);
    expect(ascending(a.seconds)).toBe(true);
    expect(await page.textContent('.near .from')).toMatch(/长椿路/);
    expect(await renderedCount(page, ['find-route'])).toBeGreaterThan(0);
    await screenshot(page, 'find-1280x800-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('uses the position the browser grants', async () => {
    const { page, context, errors } = await newAppPage(browser, {
      ...PHONE,
      permissions: ['geolocation'],
      geolocation: HOME,
    });
    await openFind(page);
    await page.locator('[data-action="locate"]').tap();
    const a = await listed(page);
    expect(await page.textContent('.near .from')).toBe('起点：你的位置');
    expect(ascending(a.seconds)).toBe(true);
    expect(await renderedCount(page, ['find-route'])).toBeGreaterThan(0);
    const o = await page.evaluate(() => new URLSearchParams(location.hash.split('?')[1]).get('o'));
    const [lng, lat] = o!.split(',').map(Number);
    expect(Math.abs(lng - HOME.longitude)).toBeLessThan(1e-4);
    expect(Math.abs(lat - HOME.latitude)).toBeLessThan(1e-4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when the position is refused, and falls back to tapping', async () => {
    const { page, context, errors } = await newAppPage(browser, PHONE);
    await context.clearPermissions();
    await openFind(page);
    await page.locator('[data-action="locate"]').tap();
    const msg = page.locator('[data-testid="find-message"]');
    await msg.waitFor();
    expect(await msg.getAttribute('data-key')).toBe('find.geo.denied');
    expect(await msg.textContent()).toContain('定位');
    expect(await page.getAttribute('[data-action="tap"]', 'aria-pressed')).toBe('true');
    await screenshot(page, 'find-390x844-denied');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when the position is outside the study area', async () => {
    const { page, context } = await newAppPage(browser, {
      ...PHONE,
      permissions: ['geolocation'],
      geolocation: { latitude: 39.9, longitude: 116.4 },
    });
    await openFind(page);
    await page.locator('[data-action="locate"]').tap();
    const msg = page.locator('[data-testid="find-message"]');
    await msg.waitFor();
    expect(await msg.getAttribute('data-key')).toBe('find.geo.outside');
    expect(await page.getAttribute('[data-action="tap"]', 'aria-pressed')).toBe('true');
    await context.close();
  });

  it.each([
    ['on the water (天健湖)', '113.4766,34.8194', 'find.msg.inWater'],
    ['more than 300 m from a walkable road', '113.445,34.76', 'find.msg.farFromRoad'],
  ])('explains an origin %s instead of listing parks', async (_, o, key) => {
    const { page, context, errors } = await newAppPage(browser, PHONE);
    await openApp(page, `#/map?o=${o}`);
    const msg = page.locator('[data-testid="find-message"]');
    await msg.waitFor({ timeout: 60_000 });
    expect(await msg.getAttribute('data-key')).toBe(key);
    expect(await page.locator('[data-testid="find-nearest"]').count()).toBe(0);
    expect(await renderedCount(page, ['find-route'])).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no serious or critical axe violations in the find tab (answer and open results)', async () => {
    // axe is injected as a script of the test, which the app's CSP would (rightly) refuse.
    const { page, context } = await newAppPage(browser, { ...PHONE, bypassCSP: true });
    await openApp(page, `#/map?o=${HOME.longitude},${HOME.latitude}`);
    await listed(page);
    await page.locator('#find-q').tap();
    await page.locator('#find-q').pressSequentially('xsl');
    await page.locator('#find-results [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const violations = await page.evaluate(async () => {
      type Axe = {
        run: (
          c: unknown,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
      const r = await (window as unknown as { axe: Axe }).axe.run('aside.panel');
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('works in English, applies the walking speed from the link, and fits a 360x640 phone', async () => {
    const { page, context, errors } = await newAppPage(browser, {
      ...PHONE,
      viewport: { width: 360, height: 640 },
    });
    await openFind(page, `#/map?lang=en&o=${HOME.longitude},${HOME.latitude}&sp=0.8`);
    const a = await listed(page);
    // The elderly walking speed from the link (0.8 m/s) sets the times.
    a.seconds.forEach((s, i) => expect(s).toBeCloseTo(a.walkMetres[i] / 0.8, 0));
    expect(await page.textContent('[data-testid="find-nearest"]')).toMatch(/\d+ min/);
    expect(await page.textContent('.near')).toContain('Parks near me');
    await screenshot(page, 'find-360x640-en-nearest');
    // The sheet grows to full height and back.
    const half = await page.evaluate(
      () => document.querySelector('aside.panel')!.getBoundingClientRect().height,
    );
    await page.locator('.sheet-size').tap();
    const full = await page.evaluate(
      () => document.querySelector('aside.panel')!.getBoundingClientRect().height,
    );
    expect(full).toBeGreaterThan(half + 100);
    await screenshot(page, 'find-360x640-en-full');
    await page.locator('.sheet-size').tap();
    await page.locator('#find-q').tap();
    await page.locator('#find-q').pressSequentially('Xuesong');
    const first = page.locator('#find-results [role="option"]').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('Xuesong Rd');
    expect(await first.textContent()).toContain('Road');
    // Nothing overflows sideways; inputs are at least 16 px; buttons at least 44 px tall.
    const layout = await page.evaluate(() => ({
      scrollW: document.documentElement.scrollWidth,
      inputFont: parseFloat(getComputedStyle(document.querySelector('#find-q')!).fontSize),
      smallest: Math.min(
        ...[
          ...document.querySelectorAll<HTMLElement>(
            '.find button, .find [role="option"], .find .scenario label, [role="tab"]',
          ),
        ]
          .filter((b) => b.offsetParent !== null)
          .map((b) => b.getBoundingClientRect().height),
      ),
    }));
    expect(layout.scrollW).toBeLessThanOrEqual(360);
    expect(layout.inputFont).toBeGreaterThanOrEqual(16);
    expect(layout.smallest).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'find-360x640-en-search');
    // A crossing the crossings layer leaves out, found in English (derived from the roads).
    await page.locator('#find-q').fill('Xuesong Rd & Fengyang');
    await page.waitForFunction(() =>
      document.querySelector('#find-opt-0')?.textContent?.includes('Xuesong Rd & Fengyang St'),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
