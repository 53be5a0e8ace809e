/**
 * The coverage tab's compare mode, pure: its URL value, where the divider may go and how the two
 * maps share the screen. The state (coverage-compare.svelte.ts) holds the choice; the map
 * (map/second-map.ts) draws it.
 *
 * URL key `cmp`: `<mode>.<left scenario>`, e.g. `cmp=swipe.2014`, `cmp=split.2015-open`; the right
 * side is the tab's own scenario (`s`), so a link reopens both years.
 */
import { isScenario, type Scenario } from '../core/coverage/scenarios';

export type CompareMode = 'swipe' | 'split';
export const COMPARE_MODES: readonly CompareMode[] = ['swipe', 'split'];

export interface CompareChoice {
  mode: CompareMode;
  /** The year on the left of the divider (the right is the tab's scenario). */
  left: Scenario;
}

/** What compare mode opens on: 2014 as built | the 2015 plan. */
export const DEFAULT_LEFT: Scenario = '2014';
export const DEFAULT_RIGHT: Scenario = '2015';

/** The URL value of a choice. */
export const formatCompare = (c: CompareChoice): string => `${c.mode}.${c.left}`;

/** A choice from a URL value, or null when the value is not one (compare mode stays off). */
export function parseCompare(value: string | undefined): CompareChoice | null {
  if (!value) return null;
  const dot = value.indexOf('.');
  const mode = value.slice(0, dot) as CompareMode;
  const left = value.slice(dot + 1);
  return dot > 0 && COMPARE_MODES.includes(mode) && isScenario(left) ? { mode, left } : null;
}

/** The divider's nearest approach to either edge of the free map, as a share of the map's width. */
const EDGE = 0.04;
/** One arrow key press moves the divider this share of the width; Page Up / Down ten times as far. */
export const DIVIDER_STEP = 0.02;

/**
 * Where a key moves the divider (a share of the map's width), or null for a key that does not
 * move it. `min` is the free map's left edge (right of the side panel).
 */
export function dividerKey(x: number, key: string, min = 0): number | null {
  const lo = min + EDGE;
  const hi = 1 - EDGE;
  const by: Record<string, number> = {
    ArrowLeft: -DIVIDER_STEP,
    ArrowDown: -DIVIDER_STEP,
    ArrowRight: DIVIDER_STEP,
    ArrowUp: DIVIDER_STEP,
    PageDown: -10 * DIVIDER_STEP,
    PageUp: 10 * DIVIDER_STEP,
  };
  if (key === 'Home') return lo;
  if (key === 'End') return hi;
  if (!(key in by)) return null;
  return clampDivider(x + by[key], min);
}

/** The divider kept on the free map, clear of both edges. */
export const clampDivider = (x: number, min = 0) => Math.min(1 - EDGE, Math.max(min + EDGE, x));

/** How the two maps share the screen: all in CSS pixels of the main map, or shares of its width. */
export interface PaneLayout {
  /** The divider, as a share of the width. */
  divider: number;
  /** The second (left) map's box width, as a share of the width. */
  secondWidth: number;
  /** Swiping: the second map is shown left of this share of the width; null side by side. */
  clip: number | null;
  /** Where each map shows the shared place (see map/second-map.ts Anchors), px. */
  anchors: { main: number; second: number };
}

/**
 * @param width the main map's width, px
 * @param freeLeft where the map stops being covered by the side panel, px (0 on a phone)
 * @param split the divider a person placed (share of the width), or null for the free map's middle
 */
export function paneLayout(
  mode: CompareMode,
  width: number,
  freeLeft: number,
  split: number | null,
): PaneLayout {
  const min = width > 0 ? freeLeft / width : 0;
  const middle = (min + 1) / 2;
  if (mode === 'swipe') {
    const divider = split === null ? middle : clampDivider(split, min);
    // Same size, same camera: any common anchor frames the same place.
    return { divider, secondWidth: 1, clip: divider, anchors: { main: width / 2, second: width / 2 } };
  }
  // Side by side: two panes of equal width on the free map, each framing the place at its centre.
  const mid = middle * width;
  return {
    divider: middle,
    secondWidth: middle,
    clip: null,
    anchors: { main: (mid + width) / 2, second: (freeLeft + mid) / 2 },
  };
}
