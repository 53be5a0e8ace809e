/**
 * Accessibility across the app's views: an axe-core scan of each (no serious or critical
 * violation), and a keyboard sweep that tabs through every control and checks that each one
 * shows where the focus is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newAppPage, openApp, settled } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Serious and critical axe violations on the page as it is now, as "rule: selectors". */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  }
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c?: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Scans the current view and prints the count, so the closing note can quote it per view. */
async function scan(page: Page, view: string): Promise<string[]> {
  const v = await seriousViolations(page);
  console.log(`axe ${view}: ${v.length} serious/critical`);
  return v;
}

interface Stop {
  what: string;
  visible: boolean;
}

/**
 * Presses Tab up to `max` times (stopping when the focus comes back round) and reports, for each
 * element reached, whether its focus is visible: an outline or a focus shadow.
 */
async function tabSweep(page: Page, max: number): Promise<Stop[]> {
  const stops: Stop[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const s = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const visible =
        (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
      const label =
        el.getAttribute('data-testid') ??
        el.getAttribute('aria-label') ??
        el.textContent?.trim().slice(0, 30) ??
        '';
      // Position in the document tells apart controls with the same label.
      const path: string[] = [];
      for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) {
        path.push(String([...(n.parentElement?.children ?? [])].indexOf(n)));
      }
      return { what: `${el.tagName.toLowerCase()} "${label}"`, key: path.join('.'), visible };
    });
    if (!s) continue;
    if (seen.has(s.key)) break;
    seen.add(s.key);
    stops.push({ what: s.what, visible: s.visible });
  }
  return stops;
}

const hidden = (stops: Stop[]) => stops.filter((s) => !s.visible).map((s) => s.what);

describe('axe scan', () => {
  it('passes on the map, each tab, the about dialog and the report, in Chinese and English', async () => {
    // axe is injected as a script of the test, which the app's CSP would (rightly) refuse.
    const { page, context } = await newAppPage(browser, { bypassCSP: true });
    for (const lang of ['zh', 'en']) {
      await openApp(page, `#/map?lang=${lang}`);
      expect(await scan(page, `map (${lang})`)).toEqual([]);
      for (const tab of ['layers', 'coverage', 'find', 'data']) {
        await page.click(`[data-tab="${tab}"]`);
        await settled(page);
        expect(await scan(page, `${tab} tab (${lang})`)).toEqual([]);
      }
    }
    await page.click('[data-export="report"]');
    await page.locator('[data-testid="report"][open]').waitFor();
    expect(await scan(page, 'report')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.click('nav button:not([data-lang])');
    await page.locator('dialog[open]').waitFor();
    expect(await scan(page, 'about dialog')).toEqual([]);
    await context.close();
  });

  it('passes on search results and a chosen place in the find tab', async () => {
    const { page, context } = await newAppPage(browser, { bypassCSP: true });
    await openApp(page, '#/map');
    await page.click('[data-tab="find"]');
    await page.locator('#find-q').fill('公园');
    await page.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
    expect(await scan(page, 'find: search results')).toEqual([]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await scan(page, 'find: chosen place')).toEqual([]);
    await context.close();
  });

  it('passes in presentation mode', async () => {
    const { page, context } = await newAppPage(browser, { bypassCSP: true });
    await openApp(page, '#/present/1');
    await page.locator('.presenter section.caption').waitFor();
    await settled(page);
    expect(await scan(page, 'presentation, chapter 1')).toEqual([]);
    await page.keyboard.press('ArrowRight');
    await page.locator('.presenter[data-chapter="2"]').waitFor();
    await settled(page);
    expect(await scan(page, 'presentation, chapter 2')).toEqual([]);
    await context.close();
  });
});

describe('keyboard', () => {
  it('reaches every control of each tab with a visible focus', async () => {
    const { page, context } = await newAppPage(browser);
    await openApp(page, '#/map');
    for (const tab of ['layers', 'coverage', 'find', 'data']) {
      await page.click(`[data-tab="${tab}"]`);
      await settled(page);
      await page.focus(`[data-tab="${tab}"]`);
      const stops = await tabSweep(page, 80);
      console.log(`keyboard ${tab}: ${stops.length} stops`);
      expect(stops.length).toBeGreaterThan(3);
      expect(hidden(stops), tab).toEqual([]);
    }
    await context.close();
  });

  it('reaches the data tab and the file chooser by keyboard alone', async () => {
    const { page, context } = await newAppPage(browser);
    await openApp(page);
    // Listen long before the key press: Playwright turns on file-chooser interception
    // asynchronously, and under load a listener added in the same tick as the press can miss it.
    const chooserEvent = page.waitForEvent('filechooser', { timeout: 60_000 });
    chooserEvent.catch(() => {}); // awaited below; not an unhandled rejection if a step before fails
    let onTab = false;
    for (let i = 0; i < 40 && !onTab; i++) {
      await page.keyboard.press('Tab');
      onTab = await page.evaluate(() => document.activeElement?.getAttribute('data-tab') === 'data');
    }
    expect(onTab).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="data-panel"]').waitFor();
    let onChooser = false;
    for (let i = 0; i < 20 && !onChooser; i++) {
      await page.keyboard.press('Tab');
      onChooser = await page.evaluate(() => document.activeElement?.classList.contains('primary') ?? false);
    }
    expect(onChooser).toBe(true);
    await page.keyboard.press('Enter');
    const chooser = await chooserEvent;
    expect(chooser.isMultiple()).toBe(false);
    await context.close();
  });
});
