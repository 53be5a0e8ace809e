/**
 * The 15-minute green-life circle's state, shared by the planners' coverage view, the residents'
 * "near me" and the presentation: one worker, one set of parameters, the latest result.
 *
 * Parameters live in the URL (s = scenario: 2014, 2015 (the plan), a year, 2015-open or today;
 * sp = speed, bd = band minutes, ma = smallest green space, gr = what counts as green when not the
 * standard, wi = what-if parks), so a link reproduces a planner's scenario.
 */
import { tick } from 'svelte';
import type { Feature, FeatureCollection } from 'geojson';
import type { CoverageClient } from '../worker/client';
import type { CoverageParams, CoverageResult, ScenarioComparison } from '../core/coverage/pipeline';
import type { AccessImageResult } from '../core/coverage/access-image';
import type { NearestRanged } from '../core/coverage/pipeline';
import type { PointInfo } from '../core/coverage/point-info';
import type { Scenario, ScenarioInfo } from '../core/coverage/types';
import { DEFAULT_GREEN_RULE, type GreenRule } from '../core/coverage/green-class';
import { fallbackTimeline, greenRuleFromUrl, scenarioFromUrl } from './scenario-choice';
import type { WhatIf } from '../core/coverage/whatif';
import { decodeWhatIfs, encodeWhatIfs } from '../core/coverage/whatif-url';
import {
  DEFAULT_BANDS_MIN as DEFAULT_BANDS,
  isValidBands,
  isValidSpeed,
  SPEEDS,
} from '../core/coverage/walking';
import { CancelledError } from '../worker/protocol';
import { spawnCoverageWorker } from '../worker/spawn';
import { app } from './app.svelte';
import type { GeoData } from './geodata';
import { coverageInput } from './coverage-input';
import { markPending } from './hook';

function parseBands(s: string | undefined): number[] | null {
  if (!s) return null;
  const b = s.split(',').map(Number);
  return isValidBands(b) ? b : null;
}

class CoverageState {
  scenario = $state<Scenario>('2015');
  speed = $state<number>(SPEEDS.adult);
  bands = $state<number[]>([...DEFAULT_BANDS]);
  minAreaM2 = $state(1000);
  /** What counts as green (core/coverage/green-class.ts): the standard CJJ/T 85-2017 by default. */
  greenRule = $state<GreenRule>(DEFAULT_GREEN_RULE);
  /** The years to step through and the latest sourced year ("today"), from the worker's init. */
  timeline = $state.raw<{ scenarios: ScenarioInfo[]; latestYear: number }>({
    scenarios: fallbackTimeline(),
    latestYear: 2015,
  });
  whatIfs = $state.raw<WhatIf[]>([]);
  result = $state.raw<CoverageResult | null>(null);
  /**
   * The band polygons and the gaps' outlines of `result` (map outlines, framing a gap, export,
   * print), traced in idle time after each result: results come without them (the map draws the
   * access image; the gaps are listed at once). Null until they arrive.
   */
  polygons = $state.raw<Pick<CoverageResult, 'bands' | 'gaps'> | null>(null);
  /** The gaps of `result`, outlined once the polygons have arrived. */
  get gaps(): CoverageResult['gaps'] {
    return this.polygons?.gaps ?? this.result?.gaps ?? [];
  }
  /**
   * The comparison of scenarios for `result` (2014, the plan, today; what the what-ifs change). A
   * result leaves it out when it needed new searches (a new smallest green space or green rule): it
   * is asked for right after, and null until it arrives, so the figures show as pending, never as
   * the previous parameters' numbers. What-ifs and speed changes find it ready in the result.
   */
  comparison = $state.raw<ScenarioComparison | null>(null);
  /** True while the comparison of the current result is being computed (show it as pending). */
  get comparisonPending(): boolean {
    return !!this.result?.comparisonDeferred && this.comparison === null;
  }
  /** The access grid as an image coloured by band (drawn first; repainted per drag frame). */
  image = $state.raw<AccessImageResult | null>(null);
  error = $state<string | null>(null);
  /** True once a request has been pending for 150 ms: show progress. */
  busy = $state(false);
  /** Which method the map shows: the network walk or the standards' straight-line radius. */
  method = $state<'network' | 'radius'>('network');
  /** Whether results carry the roads-by-walk-time lines (only when that layer is shown: it is the heaviest part). */
  roadTimes = $state(false);
  /** True while a what-if park is being dragged: frames are drafts (bands at half resolution). */
  dragging = $state(false);

  private client: CoverageClient | null = null;
  private initFor: GeoData | null = null;
  private initPromise: Promise<CoverageClient> | null = null;
  private inFlight = 0;
  private computes = 0;
  private traces = 0;
  /** The deferred comparison being asked for (cancelled by the next computation). */
  private comparing: AbortController | null = null;

  params = $derived<CoverageParams>({
    scenario: this.scenario,
    speed: this.speed,
    bands: this.bands,
    minAreaM2: this.minAreaM2,
    greenRule: this.greenRule,
    whatIfs: this.whatIfs,
    roadTimes: this.roadTimes,
    draft: this.dragging,
  });

  /** Reads the coverage keys from the URL's extra parameters. */
  fromHash(extra: Record<string, string>) {
    const s = scenarioFromUrl(extra.s);
    if (s) this.scenario = s;
    const gr = greenRuleFromUrl(extra.gr);
    if (gr) this.greenRule = gr;
    const sp = Number(extra.sp);
    if (isValidSpeed(sp)) this.speed = sp;
    const bd = parseBands(extra.bd);
    if (bd) this.bands = bd;
    const ma = Number(extra.ma);
    if (extra.ma !== undefined && Number.isFinite(ma) && ma >= 0 && ma <= 1e7) this.minAreaM2 = ma;
    if (extra.wi) this.whatIfs = decodeWhatIfs(extra.wi);
  }

  /** The URL keys for the current parameters (defaults left out to keep links short). */
  toHash(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.scenario !== '2015') out.s = this.scenario;
    if (this.speed !== SPEEDS.adult) out.sp = String(this.speed);
    if (this.bands.join(',') !== DEFAULT_BANDS.join(',')) out.bd = this.bands.join(',');
    if (this.minAreaM2 !== 1000) out.ma = String(this.minAreaM2);
    if (this.greenRule !== DEFAULT_GREEN_RULE) out.gr = this.greenRule;
    if (this.whatIfs.length) out.wi = encodeWhatIfs(this.whatIfs);
    return out;
  }

  /**
   * The one coverage worker, started and given the current data (again, when an import changed
   * the data). The presentation sends its own requests to it too.
   */
  worker(): Promise<CoverageClient> {
    const data = app.data;
    if (!data) return Promise.reject(new Error('The geodata is not loaded yet.'));
    if (this.initPromise && this.initFor === data) return this.initPromise;
    this.initFor = data;
    if (!this.client) {
      this.client = spawnCoverageWorker();
      this.client.onBusyChange = (b) => (this.busy = b);
    }
    const client = this.client;
    this.initPromise = (async () => {
      const init = await client.send('init', { layers: await coverageInput(data) });
      this.timeline = { scenarios: init.scenarios, latestYear: init.latestYear };
      return client;
    })();
    return this.initPromise;
  }

  private async track<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.inFlight++;
    markPending('coverage', true);
    try {
      return await work();
    } catch (e) {
      if (e instanceof CancelledError || (e instanceof Error && e.name === 'AbortError')) return undefined;
      throw e;
    } finally {
      if (--this.inFlight === 0) markPending('coverage', false);
    }
  }

  /** Recomputes with the current parameters; a newer call supersedes an older one. */
  async compute(): Promise<void> {
    const params = $state.snapshot(this.params) as CoverageParams;
    // A comparison still asked for belongs to an older result: do not let it hold up this one.
    this.comparing?.abort();
    // Held until the result has reached the map's sources, so settled() never resolves between
    // the worker's answer and the map drawing it.
    this.computes++;
    markPending('coverage-apply', true);
    try {
      // The image first: a drag frame stops there (the incremental search repaints only the cells
      // the park improves); otherwise the band polygons, gaps and exact statistics follow.
      const img = await this.track(async () => (await this.worker()).latest('accessImage', params));
      if (img) this.image = img;
      if (params.draft) return;
      // The comparison of scenarios comes with it unless it needs new searches; then it follows.
      const r = await this.track(async () =>
        (await this.worker()).latest('compute', { ...params, polygons: false, deferCompare: true }),
      );
      if (r) {
        this.result = r;
        this.comparison = r.comparisonDeferred ? null : comparisonOf(r);
        this.polygons = null;
        this.error = null;
        await tick();
        if (r.comparisonDeferred) this.compareAfter(r);
        this.tracePolygonsWhenIdle(r);
      }
    } catch (e) {
      // A failed computation leaves the map and the last good result usable.
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (--this.computes === 0) markPending('coverage-apply', false);
    }
  }

  /** Asks the worker for the comparison `r` deferred (see `comparison`); pending for settled() until it is in. */
  private compareAfter(r: CoverageResult): void {
    const ctrl = (this.comparing = new AbortController());
    markPending('coverage-comparison', true);
    this.track(async () => (await this.worker()).send('comparison', r.params, { signal: ctrl.signal }))
      .then((c) => {
        if (c && this.result === r) this.comparison = c;
      })
      .catch((e: unknown) => (this.error = e instanceof Error ? e.message : String(e)))
      .finally(() => {
        if (this.comparing === ctrl) {
          this.comparing = null;
          markPending('coverage-comparison', false);
        }
      });
  }

  /** Asks the worker for the band polygons of `r` once the page is idle (see `polygons`). */
  private tracePolygonsWhenIdle(r: CoverageResult): void {
    // Pending from now, so settled() waits for the outlines too.
    this.traces++;
    markPending('coverage-polygons', true);
    const idle = (run: () => void) =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(run, { timeout: 500 })
        : setTimeout(run, 50);
    const done = () => {
      if (--this.traces === 0) markPending('coverage-polygons', false);
    };
    idle(() => {
      // A newer result has traced (or will trace) its own.
      if (this.result !== r) return done();
      this.withPolygons()
        .catch((e: unknown) => (this.error = e instanceof Error ? e.message : String(e)))
        .finally(done);
    });
  }

  /** The current result with its band polygons and gap outlines, traced now if they have not arrived (exports). */
  async withPolygons(): Promise<CoverageResult | null> {
    const r = this.result;
    if (!r) return null;
    if (r.params.polygons !== false) return r;
    if (this.polygons) return { ...r, ...this.polygons };
    // With the comparison (exports and print have every figure; by now it is usually computed).
    const full = await this.track(async () =>
      (await this.worker()).latest('compute', { ...r.params, polygons: true, deferCompare: false }),
    );
    if (!full || this.result !== r) return full ?? null;
    this.polygons = { bands: full.bands, gaps: full.gaps };
    return full;
  }

  async pointInfo(lng: number, lat: number): Promise<PointInfo | undefined> {
    const params = $state.snapshot(this.params) as CoverageParams;
    return this.track(async () => (await this.worker()).latest('pointInfo', { params, lng, lat }));
  }

  /** The nearest green spaces; `scenario` overrides the tab's (the residents choose their own year). */
  async nearest(lng: number, lat: number, k = 3, scenario?: Scenario): Promise<NearestRanged | undefined> {
    const params = $state.snapshot(this.params) as CoverageParams;
    if (scenario) params.scenario = scenario;
    return this.track(async () => (await this.worker()).latest('nearest', { params, lng, lat, k }));
  }

  async suggest(count = 5, areaM2 = 10000) {
    const params = $state.snapshot(this.params) as CoverageParams;
    return this.track(async () => (await this.worker()).latest('suggest', { params, count, areaM2 }));
  }

  async radiusBuffers(): Promise<FeatureCollection | undefined> {
    const { scenario, greenRule } = this;
    return this.track(async () => (await this.worker()).latest('radiusBuffers', { scenario, greenRule }));
  }

  addWhatIf(w: WhatIf) {
    this.whatIfs = [...this.whatIfs, w];
  }

  moveWhatIf(id: string, lng: number, lat: number) {
    this.whatIfs = this.whatIfs.map((w) => (w.id === id && w.kind === 'point' ? { ...w, lng, lat } : w));
  }

  resizeWhatIf(id: string, areaM2: number) {
    this.whatIfs = this.whatIfs.map((w) =>
      w.id === id && w.kind === 'point' ? { ...w, area_m2: areaM2 } : w,
    );
  }

  removeWhatIf(id: string) {
    this.whatIfs = this.whatIfs.filter((w) => w.id !== id);
  }
}

export const coverage = new CoverageState();

/** The comparison a result carries, or null when it has none (params.compare false, or deferred). */
function comparisonOf(r: CoverageResult): ScenarioComparison | null {
  const { scenarioStats, planDelta, todayDelta, whatIfDelta } = r;
  if (!scenarioStats || !planDelta || !todayDelta) return null;
  return { scenarioStats, planDelta, todayDelta, ...(whatIfDelta ? { whatIfDelta } : {}) };
}

/** A what-if park as a GeoJSON feature, for drawing. */
export type WhatIfFeature = Feature;
