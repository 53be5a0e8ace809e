/**
 * The coverage tab's compare mode: two years of the 15-minute circle side by side (swipe or split).
 * The right side is the tab itself (its scenario, result and map); this state adds the left year:
 * its computation on the same coverage worker (plain `send`s with their own cancellation, so the
 * tab's latest request is never cancelled), the clicked place's answer for the left year, and the
 * hovered place both maps mark. URL key `cmp` (compare-choice.ts); leaving restores the year the
 * tab showed before.
 */
import { untrack } from 'svelte';
import type {
  AccessImageResult,
  CoverageParams,
  CoverageResult,
  PointInfoRanged,
} from '../core/coverage/pipeline';
import type { Scenario } from '../core/coverage/types';
import { CancelledError } from '../worker/protocol';
import { app } from './app.svelte';
import { coverage } from './coverage.svelte';
import { view } from './coverage-view.svelte';
import { markPending } from './hook';
import { type CompareMode, DEFAULT_LEFT, DEFAULT_RIGHT, formatCompare, parseCompare } from './compare-choice';

/** The URL key this feature owns. */
export const COMPARE_KEY = 'cmp';
const DEBOUNCE_MS = 70;

type LngLat = { lng: number; lat: number };

class CompareState {
  on = $state(false);
  mode = $state<CompareMode>('swipe');
  left = $state<Scenario>(DEFAULT_LEFT);
  /** The divider where a person put it (a share of the map's width); null: the free map's middle. */
  split = $state<number | null>(null);
  /** The left year's result and access image (same parameters as the tab, the left year). */
  result = $state.raw<CoverageResult | null>(null);
  image = $state.raw<AccessImageResult | null>(null);
  /** The tab's clicked place, answered for the left year. */
  point = $state.raw<(LngLat & { info: PointInfoRanged | null }) | null>(null);
  /** The place under the pointer, and which map it is over (the other map marks it). */
  hover = $state.raw<(LngLat & { over: 'main' | 'second' }) | null>(null);
  error = $state<string | null>(null);
  /** The tab's year before compare mode opened, restored when it closes. */
  private before: Scenario | null = null;
  private computing: AbortController | null = null;
  private asking: AbortController | null = null;

  /** Whether the two maps are on screen: compare mode on, on the map's coverage tab. */
  get shown(): boolean {
    return this.on && app.route === 'map' && app.tab === 'coverage';
  }

  /** Opens compare mode on 2014 | the 2015 plan. */
  enter() {
    if (this.on) return;
    this.before = coverage.scenario;
    this.left = DEFAULT_LEFT;
    coverage.scenario = DEFAULT_RIGHT;
    this.on = true;
  }

  /** Closes compare mode: one map again, on the year it showed before. */
  leave() {
    if (!this.on) return;
    this.on = false;
    this.computing?.abort();
    this.asking?.abort();
    this.result = this.image = this.point = this.hover = null;
    this.split = null;
    if (this.before) coverage.scenario = this.before;
    this.before = null;
  }

  /** The two years change sides. */
  swap() {
    const l = this.left;
    this.left = coverage.scenario;
    coverage.scenario = l;
  }

  fromHash(extra: Record<string, string>) {
    const c = parseCompare(extra[COMPARE_KEY]);
    if (!c) return;
    this.mode = c.mode;
    this.left = c.left;
    this.on = true;
    app.tab = 'coverage';
  }

  toHash(): Record<string, string> {
    return this.on ? { [COMPARE_KEY]: formatCompare({ mode: this.mode, left: this.left }) } : {};
  }

  /** The tab's parameters for the left year (no road lines, never a drag's draft). */
  private params(): CoverageParams {
    const p = $state.snapshot(coverage.params) as CoverageParams;
    return { ...p, scenario: this.left, roadTimes: false, draft: false };
  }

  /** Computes the left year; a newer call cancels an older one. */
  async compute(): Promise<void> {
    this.computing?.abort();
    const ctrl = (this.computing = new AbortController());
    const params = this.params();
    markPending('compare', true);
    try {
      const client = await coverage.worker();
      const img = await client.send('accessImage', params, { signal: ctrl.signal });
      if (ctrl.signal.aborted) return;
      this.image = img;
      const r = await client.send('compute', params, { signal: ctrl.signal });
      if (ctrl.signal.aborted) return;
      this.result = r;
      this.error = null;
    } catch (e) {
      if (!(e instanceof CancelledError)) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (this.computing === ctrl) {
        this.computing = null;
        markPending('compare', false);
      }
    }
  }

  /** The clicked place's answer for the left year. */
  async ask(p: LngLat | null): Promise<void> {
    this.asking?.abort();
    if (!p) {
      this.point = null;
      return;
    }
    const ctrl = (this.asking = new AbortController());
    this.point = { ...p, info: null };
    markPending('compare-point', true);
    try {
      const client = await coverage.worker();
      const info = await client.send('pointInfo', { params: this.params(), ...p }, { signal: ctrl.signal });
      if (!ctrl.signal.aborted) this.point = { ...p, info };
    } catch (e) {
      if (!(e instanceof CancelledError)) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (this.asking === ctrl) {
        this.asking = null;
        markPending('compare-point', false);
      }
    }
  }
}

export const compare = new CompareState();

/** Started once by the compare map's wiring component: URL key, compute and answer triggers. */
export function startCompareSync(): () => void {
  compare.fromHash(app.extra);
  return $effect.root(() => {
    $effect(() => {
      const mine = compare.toHash();
      untrack(() => {
        const next: Record<string, string> = { ...app.extra };
        delete next[COMPARE_KEY];
        Object.assign(next, mine);
        if (JSON.stringify(next) !== JSON.stringify(app.extra)) app.extra = next;
      });
    });

    // The left year recomputes when it or a shared parameter changes (not per drag frame: a
    // dragged what-if lands on the left side when it is dropped).
    const key = $derived.by(() => {
      const { scenario: _s, roadTimes: _r, draft: _d, ...shared } = coverage.params;
      return compare.shown && !coverage.dragging ? JSON.stringify([compare.left, shared]) : '';
    });
    $effect(() => {
      if (!key || !app.data) return;
      markPending('compare-queued', true);
      const timer = setTimeout(() => {
        void compare.compute();
        markPending('compare-queued', false);
      }, DEBOUNCE_MS);
      return () => {
        clearTimeout(timer);
        markPending('compare-queued', false);
      };
    });

    // The tab's clicked place, asked again for the left year (and again when that year changes).
    const pointKey = $derived(compare.shown && view.point ? `${view.point.lng},${view.point.lat}` : '');
    $effect(() => {
      void key;
      const at = pointKey ? untrack(() => view.point) : null;
      untrack(() => void compare.ask(at ? { lng: at.lng, lat: at.lat } : null));
    });
  });
}
