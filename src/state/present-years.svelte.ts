/**
 * The presentation's circle through the years (issue 10): each scenario of the data (2014 as built,
 * the 2015 plan, each year a green space or road opened, today) computed once by the app's one
 * coverage worker at the default parameters, with its 15-minute share and the same share without
 * guessed features (the range), and its bands for the map. Plain `send`s, in order, so the
 * coverage tab's own latest request is not cancelled. Which year is on screen is chosen here.
 */
import type { ScenarioInfo, Scenario } from '../core/coverage/types';
import { statsRanges, type Range } from '../core/coverage/without-guessed';
import { coverage } from './coverage.svelte';
import { markPending } from './hook';
import type { Bands } from './present-coverage';

/** The circle the story speaks of: 15 minutes. */
const LIMIT_MIN = 15;

export interface YearFigure {
  info: ScenarioInfo;
  /** Share of residents within 15 minutes (0–1), with and without guessed features. */
  share: Range;
  /** People within 15 minutes, with and without guessed features. */
  people: Range;
  restsOnGuesses: boolean;
  bands: Bands;
}

class PresentYears {
  /** Every scenario in order, filled in as each computation finishes. */
  list = $state.raw<ScenarioInfo[]>([]);
  figures = $state.raw<Partial<Record<Scenario, YearFigure>>>({});
  latestYear = $state(2015);
  shown = $state<Scenario>('today');
  error = $state<string | null>(null);
  private started: Promise<void> | null = null;

  current = $derived<YearFigure | null>(this.figures[this.shown] ?? null);
  done = $derived(this.list.length > 0 && this.list.every((s) => this.figures[s.id]));

  /** Starts the computations once; later calls return the same promise. */
  load(): Promise<void> {
    this.started ??= this.compute();
    return this.started;
  }

  private async compute() {
    markPending('present-years', true);
    try {
      const client = await coverage.worker();
      const { scenarios, latestYear } = coverage.timeline;
      this.list = scenarios;
      this.latestYear = latestYear;
      for (const info of scenarios) {
        const r = await client.send('compute', { scenario: info.id, roadTimes: false, compare: false });
        const ranges = statsRanges(r.stats);
        const band = ranges.bands.find((b) => b.minutes === LIMIT_MIN) ?? ranges.bands.at(-1)!;
        this.figures = {
          ...this.figures,
          [info.id]: {
            info,
            share: band.populationShare,
            people: band.population,
            restsOnGuesses: ranges.restsOnGuesses,
            bands: r.bands,
          },
        };
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      markPending('present-years', false);
    }
  }

  /** Shows the scenario `step` places before (−1) or after (+1) the shown one; false at an end. */
  step(step: -1 | 1): boolean {
    const i = this.list.findIndex((s) => s.id === this.shown);
    const next = this.list[i + step];
    if (!next) return false;
    this.shown = next.id;
    return true;
  }

  show(id: Scenario) {
    this.shown = id;
  }
}

export const presentYears = new PresentYears();
