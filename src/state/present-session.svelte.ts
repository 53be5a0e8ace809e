/**
 * While presenting: what the shown chapter needs (its figures, chart, titles, missing layers) and
 * the decisions that follow the chapter (which layer groups are visible, when the figures are
 * settled, autoplay, the URL). Started by the presenter for as long as it is on screen; the map
 * side is src/map/present-binding.ts.
 */
import { untrack } from 'svelte';
import { app } from './app.svelte';
import { markPending } from './hook';
import { present, writeHash } from './present.svelte';
import { resolveChapterFigures, chapterFiguresSettled } from '../core/story/figures';
import { chartData } from '../core/story/chart-data';
import { geodataFigures } from '../core/story/geodata-figures';

/** How long a toast stays, ms. */
const TOAST_MS = 4000;

class PresentSession {
  /** The layer group hidden while its lines are being drawn, shown again when done. */
  drawing = $state<string | null>(null);

  figures = $derived(
    present.chapter
      ? resolveChapterFigures(present.chapter, {
          lang: app.lang,
          indicators: present.indicators,
          computed: present.computed,
        })
      : [],
  );

  chart = $derived.by(() => {
    const ch = present.chapter;
    if (!ch?.chart) return { data: null, error: null };
    try {
      return { data: chartData(ch.chart, present.indicators, app.lang), error: null };
    } catch (e) {
      return { data: null, error: e instanceof Error ? e.message : String(e) };
    }
  });

  figuresSettled = $derived(
    present.chapter ? chapterFiguresSettled(present.chapter, present.computed) : true,
  );
  titles = $derived(present.story?.chapters.map((c) => c.title[app.lang]) ?? []);
  missingLayers = $derived(
    present.chapter ? present.chapter.layers.filter((id) => !app.groups.some((g) => g.id === id)) : [],
  );

  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  toast(text: string) {
    present.toast = text;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => (present.toast = null), TOAST_MS);
  }

  /** Wires the chapter's decisions for as long as the presentation is shown; returns the stop. */
  start(): () => void {
    present.load();
    this.drawing = null;
    const saved = { ...app.visible };
    const stop = $effect.root(() => {
      // Figures that come straight from geodata are computed once the data is loaded.
      $effect(() => {
        const d = app.data;
        if (!d) return;
        present.setComputed(
          geodataFigures({
            roads: d.roads,
            greenery: d.greenery,
            residential: d.residential,
            industrial: d.industry,
          }),
        );
      });

      // Coverage figures and bands take a worker computation: start it as soon as the story asks.
      $effect(() => {
        if (app.data && present.status === 'ready' && present.needsCoverage) void present.loadCoverage();
      });

      // Tests and automation wait on window.greenCircle.settled(): include the chapter's figures.
      $effect(() => {
        markPending('present-figures', !this.figuresSettled);
      });

      // The URL keeps the interface language, so a shared link opens the slides as shown.
      $effect(() => {
        void app.lang;
        untrack(writeHash);
      });

      // A deep link past the end opens the last chapter, and the URL says so.
      $effect(() => {
        if (present.status === 'ready' && app.chapter !== present.number) present.goTo(present.number);
      });

      // Layer groups of the chapter; everything else hidden. Also re-applied if something else (a
      // hash typed into the address bar) changes visibility while presenting; writes only differences.
      $effect(() => {
        const ch = present.chapter;
        const hidden = this.drawing;
        if (!ch) return;
        for (const g of app.groups) {
          const want = ch.layers.includes(g.id) && g.id !== hidden;
          if (app.visible[g.id] !== want) app.visible[g.id] = want;
        }
      });

      // Autoplay (kiosk): advance every N seconds once the chapter's figures are there, looping.
      $effect(() => {
        const s = present.autoplay;
        void present.number;
        if (!s || !this.figuresSettled || present.status !== 'ready') return;
        const t = setTimeout(() => present.act({ type: 'next' }, true), s * 1000);
        return () => clearTimeout(t);
      });
    });
    return () => {
      stop();
      clearTimeout(this.toastTimer);
      markPending('present-figures', false);
      for (const [id, v] of Object.entries(saved)) app.visible[id] = v;
    };
  }
}

export const session = new PresentSession();
