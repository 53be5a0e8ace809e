/**
 * Presentation state: the validated story, the indicators, the live figures, and which chapter is
 * shown. The chapter number lives in the app state (`app.chapter`, from 1) and the URL hash
 * (`#/present/N`, autoplay seconds in `?autoplay=S`), so a deep link opens a chapter and every
 * move is a shareable link.
 */
import { untrack } from 'svelte';
import { app } from './app.svelte';
import { loadJson } from './geodata';
import { coverage } from './coverage.svelte';
import { markPending } from './hook';
import { parseHash } from '../core/url/hash';
import { validateStory, type Story, type StoryError } from '../core/story/schema';
import { COVERAGE_KEYS, type ComputedFigures, type IndicatorLike } from '../core/story/figures';
import { parseAutoplay, targetChapter, type PresentAction } from '../core/story/navigation';
import type { ReportScenario as Scenario } from '../core/coverage/types';
import { computePresentCoverage, type Bands } from './present-coverage';

export type PresentStatus = 'loading' | 'ready' | 'error';

/** indicators.json is a list of entries, or an object holding one under `indicators`. */
function indicatorList(json: unknown): IndicatorLike[] {
  const list = Array.isArray(json) ? json : (json as { indicators?: unknown })?.indicators;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (i): i is IndicatorLike =>
      !!i && typeof i.id === 'string' && typeof i.value === 'number' && typeof i.unit_zh === 'string',
  );
}

class PresentState {
  status = $state<PresentStatus>('loading');
  story = $state.raw<Story | null>(null);
  /** Schema errors of story.json, each with its path. */
  errors = $state.raw<StoryError[]>([]);
  /** The file could not be fetched or parsed at all. */
  loadError = $state<string | null>(null);
  indicators = $state.raw<Map<string, IndicatorLike>>(new Map());
  /** Live figures; a key absent is still computing, null is unavailable. */
  computed = $state.raw<ComputedFigures>({});
  /** A short message shown for a few seconds (full screen refused, …). */
  toast = $state<string | null>(null);

  /** Both scenarios' walk-time bands for the side-by-side map; null until computed. */
  bands = $state.raw<Record<Scenario, Bands> | null>(null);
  coverageError = $state<string | null>(null);

  private loading: Promise<void> | null = null;
  private coverage: Promise<void> | null = null;

  get count(): number {
    return this.story?.chapters.length ?? 0;
  }

  /** Current chapter number from 1, clamped to the story. */
  get number(): number {
    return Math.min(Math.max(1, app.chapter), Math.max(1, this.count));
  }

  get chapter() {
    return this.story?.chapters[this.number - 1] ?? null;
  }

  /** Autoplay interval in seconds, from the hash (`#/present/1?autoplay=10`), or null. */
  get autoplay(): number | null {
    return parseAutoplay(app.extra.autoplay);
  }

  /** Loads story.json and indicators.json once; errors end up on screen, not in the console. */
  load(): Promise<void> {
    this.loading ??= this.doLoad();
    return this.loading;
  }

  private async doLoad() {
    markPending('present-story', true);
    try {
      const [storyJson, indicatorJson] = await Promise.all([
        loadJson('story.json'),
        loadJson('indicators.json').catch(() => undefined),
      ]);
      const indicators = indicatorList(indicatorJson);
      this.indicators = new Map(indicators.map((i) => [i.id, i]));
      if (storyJson === undefined) throw new Error('geodata/story.json is missing');
      const r = validateStory(storyJson, indicators.length ? { indicatorIds: this.indicators.keys() } : {});
      if (r.ok) {
        this.story = r.story;
        this.status = 'ready';
      } else {
        this.errors = r.errors;
        this.status = 'error';
      }
    } catch (e) {
      this.loadError = e instanceof Error ? e.message : String(e);
      this.status = 'error';
    } finally {
      markPending('present-story', false);
    }
  }

  /** True when some chapter shows coverage figures or compares scenarios. */
  get needsCoverage(): boolean {
    return !!this.story?.chapters.some(
      (c) => c.compare || c.figures.some((f) => f.source === 'computed' && COVERAGE_KEYS.includes(f.key)),
    );
  }

  /** Starts the coverage computation once (in the coverage worker); its figures show up as they arrive. */
  loadCoverage(): Promise<void> {
    this.coverage ??= (async () => {
      markPending('present-coverage', true);
      try {
        const r = await computePresentCoverage(await coverage.worker());
        this.bands = r.bands;
        this.setComputed(r.figures);
      } catch (e) {
        this.coverageError = e instanceof Error ? e.message : String(e);
        this.setComputed(Object.fromEntries(COVERAGE_KEYS.map((k) => [k, null])));
      } finally {
        markPending('present-coverage', false);
      }
    })();
    return this.coverage;
  }

  /** Adds computed figures as their computations finish. */
  setComputed(figures: ComputedFigures) {
    // Called from effects: reading the old value must not make the caller depend on it.
    this.computed = { ...untrack(() => this.computed), ...figures };
  }

  /** Apply a navigation action; `loop` wraps at the ends (autoplay). */
  act(action: PresentAction, loop = false) {
    if (!this.count) return;
    this.goTo(targetChapter(this.number, this.count, action, loop));
  }

  goTo(n: number) {
    if (n === app.chapter) return;
    app.chapter = n;
    writeHash();
  }

  setAutoplay(seconds: number | null) {
    const { autoplay: _, ...rest } = app.extra;
    app.extra = seconds ? { ...rest, autoplay: String(seconds) } : rest;
    writeHash();
  }

  exit() {
    app.route = 'map';
    const { autoplay: _, ...rest } = app.extra;
    app.extra = rest;
    writeHash();
  }

  /** Follows a hash typed or pasted by the user (or the browser's back button). */
  followHash(hash: string) {
    const h = parseHash(hash);
    if (h.route !== 'present') {
      app.route = 'map';
      return;
    }
    if (h.chapter && h.chapter !== app.chapter) app.chapter = h.chapter;
    const { autoplay } = h.extra;
    if (autoplay !== app.extra.autoplay) {
      const { autoplay: _, ...rest } = app.extra;
      app.extra = autoplay === undefined ? rest : { ...rest, autoplay };
    }
  }
}

/** Keeps the URL in step without adding a history entry per slide. */
export function writeHash() {
  const hash = app.toHash();
  if (location.hash !== hash) history.replaceState(history.state, '', hash);
}

export const present = new PresentState();
