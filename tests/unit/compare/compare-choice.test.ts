import { describe, expect, it } from 'vitest';
import {
  clampDivider,
  DIVIDER_STEP,
  dividerKey,
  formatCompare,
  paneLayout,
  parseCompare,
} from '../../../src/state/compare-choice';

describe('the compare URL value', () => {
  it('round-trips every mode with plain, plan, year and 2015-open scenarios', () => {
    for (const mode of ['swipe', 'split'] as const)
      for (const left of ['2014', '2015', 'today', '2019', '2015-open'] as const) {
        const v = formatCompare({ mode, left });
        expect(v).toBe(`${mode}.${left}`);
        expect(parseCompare(v)).toEqual({ mode, left });
      }
  });

  it('refuses values that are no comparison (compare mode stays off)', () => {
    for (const bad of [
      undefined,
      '',
      'swipe',
      'swipe.',
      '.2014',
      'fade.2014',
      'swipe.1999x',
      'split.tomorrow',
    ])
      expect(parseCompare(bad), String(bad)).toBeNull();
  });
});

describe('the divider', () => {
  it('moves one step per arrow key and ten per page key, either way', () => {
    expect(dividerKey(0.5, 'ArrowRight')).toBeCloseTo(0.5 + DIVIDER_STEP);
    expect(dividerKey(0.5, 'ArrowUp')).toBeCloseTo(0.5 + DIVIDER_STEP);
    expect(dividerKey(0.5, 'ArrowLeft')).toBeCloseTo(0.5 - DIVIDER_STEP);
    expect(dividerKey(0.5, 'PageUp')).toBeCloseTo(0.5 + 10 * DIVIDER_STEP);
    expect(dividerKey(0.5, 'PageDown')).toBeCloseTo(0.5 - 10 * DIVIDER_STEP);
  });

  it('stays on the free map, clear of the panel and both edges; Home and End go to those limits', () => {
    const min = 0.25;
    expect(dividerKey(0.3, 'Home', min)).toBe(dividerKey(0.3, 'PageDown', min));
    expect(dividerKey(0.9, 'End', min)).toBe(dividerKey(0.9, 'PageUp', min));
    const home = dividerKey(0.5, 'Home', min)!;
    expect(home).toBeGreaterThan(min);
    expect(dividerKey(home, 'ArrowLeft', min)).toBe(home);
    const end = dividerKey(0.5, 'End', min)!;
    expect(end).toBeLessThan(1);
    expect(dividerKey(end, 'ArrowRight', min)).toBe(end);
    expect(clampDivider(0, min)).toBe(home);
    expect(clampDivider(2, min)).toBe(end);
  });

  it('ignores keys that do not move it', () => {
    for (const k of ['Enter', ' ', 'a', 'Tab', 'Escape']) expect(dividerKey(0.5, k)).toBeNull();
  });
});

describe('how the two maps share the screen', () => {
  const W = 1440;
  const PANEL = 372;

  it('swiping: both maps full size, the left clipped at the divider, by default the middle of the free map', () => {
    const l = paneLayout('swipe', W, PANEL, null);
    expect(l.divider * W).toBeCloseTo((PANEL + W) / 2);
    expect(l.clip).toBe(l.divider);
    expect(l.secondWidth).toBe(1);
    expect(l.anchors.main).toBe(l.anchors.second);
  });

  it('swiping: a divider a person placed is kept, but never over the panel', () => {
    expect(paneLayout('swipe', W, PANEL, 0.8).divider).toBe(0.8);
    expect(paneLayout('swipe', W, PANEL, 0.1).divider * W).toBeGreaterThan(PANEL);
  });

  it('side by side: two panes of equal width on the free map, each framing the place at its centre', () => {
    const l = paneLayout('split', W, PANEL, 0.8);
    const mid = l.divider * W;
    expect(l.clip).toBeNull();
    expect(mid - PANEL).toBeCloseTo(W - mid);
    expect(l.secondWidth).toBeCloseTo(l.divider);
    // Each anchor is its visible pane's centre (the second map starts at the container's left).
    expect(l.anchors.second).toBeCloseTo((PANEL + mid) / 2);
    expect(l.anchors.main).toBeCloseTo((mid + W) / 2);
    expect(l.anchors.main - mid).toBeCloseTo(l.anchors.second - PANEL);
  });

  it('on a phone (no side panel) the divider defaults to the middle of the screen', () => {
    expect(paneLayout('swipe', 390, 0, null).divider).toBe(0.5);
  });
});
