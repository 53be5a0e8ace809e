/**
 * "Where should the next parks go?" (issue 14): the site search's parameters, its URL key, the
 * search itself (progress, cancelled and re-run when a parameter or the coverage it starts from
 * changes), its result, and the plan measured against the best. Pure state: the map binding
 * (map/sites-binding.ts) draws what this decides; ui/sites/ joins them.
 *
 * URL key `st` (core/sites/sites-url.ts): present while a search is shown, so a shared link reopens
 * the same sites (recomputed, deterministically, from the same parameters and data).
 */
import type { FeatureCollection } from 'geojson';
import type { CoverageParams } from '../core/coverage/params';
import type { Areal } from '../core/coverage/types';
import type { WhatIf } from '../core/coverage/whatif';
import type { PlanComparison } from '../core/sites/plan-vs-best';
import { decodeSiteSearch, encodeSiteSearch, SITES_URL_KEY } from '../core/sites/sites-url';
import type { ResidentGroup, SiteParams, SiteRanking, SitesResult } from '../core/sites/types';
import { CancelledError } from '../worker/protocol';
import { app } from './app.svelte';
import { coverage } from './coverage.svelte';
import { markPending } from './hook';

/** Park sizes offered, hectares. */
export const SITE_SIZES_HA = [0.5, 1, 2, 5] as const;
/** The plan steps compared with the best sites: before → after scenario. */
export const PLAN_STEPS = [
  { before: '2014', after: '2015' },
  { before: '2015', after: 'today' },
] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

const isCancel = (e: unknown) =>
  e instanceof CancelledError || (e instanceof Error && e.name === 'AbortError');

class SitesState {
  /** Whether the search is shown (and kept in the URL). */
  active = $state(false);
  k = $state(3);
  areaM2 = $state(20000);
  allowCampus = $state(false);
  allowIndustrial = $state(false);
  /** Whose walk is maximised: everyone at the chosen speed, or the elderly at 0.8 m/s. */
  weighting = $state<ResidentGroup>('all');
  /** Outer rings the planner marked as available land, [lng, lat]. */
  availableLand = $state.raw<number[][][]>([]);

  result = $state.raw<SitesResult | null>(null);
  /** The coverage parameters the result started from (what-ifs applied on top of them). */
  resultFor = $state.raw<CoverageParams | null>(null);
  /** 0–1 while a search runs; null when none does. */
  progress = $state<number | null>(null);
  error = $state<string | null>(null);

  plan = $state.raw<PlanComparison | null>(null);
  planStep = $state<PlanStep>(PLAN_STEPS[0]);
  planProgress = $state<number | null>(null);
  planError = $state<string | null>(null);

  private runs = 0;
  private abort: AbortController | null = null;

  /** The ranking shown: the chosen weighting's. */
  ranking = $derived<SiteRanking | null>(
    this.result?.rankings.find((r) => r.group === this.weighting) ?? this.result?.rankings[0] ?? null,
  );
  /** The everyone-ranking when the elderly one is shown, to say how the sites change. */
  allRanking = $derived<SiteRanking | null>(this.result?.rankings.find((r) => r.group === 'all') ?? null);

  link = $derived(
    encodeSiteSearch({
      k: this.k,
      areaM2: this.areaM2,
      allowCampus: this.allowCampus,
      allowIndustrial: this.allowIndustrial,
      groups: this.weighting === 'elderly' ? ['all', 'elderly'] : ['all'],
      availableLand: this.availableLand,
    }),
  );

  /** What the worker is asked, less the coverage it starts from and the land use. */
  search = $derived({
    k: this.k,
    areaM2: this.areaM2,
    allowCampus: this.allowCampus,
    allowIndustrial: this.allowIndustrial,
    groups: (this.weighting === 'elderly' ? ['all', 'elderly'] : ['all']) as ResidentGroup[],
    availableLand: this.availableLand,
  });

  fromHash(extra: Record<string, string>) {
    const s = decodeSiteSearch(extra[SITES_URL_KEY]);
    if (!s) return;
    this.active = true;
    this.k = s.k ?? 3;
    this.areaM2 = s.areaM2 ?? 20000;
    this.allowCampus = !!s.allowCampus;
    this.allowIndustrial = !!s.allowIndustrial;
    this.weighting = s.groups?.includes('elderly') ? 'elderly' : 'all';
    this.availableLand = s.availableLand ?? [];
  }

  toHash(): Record<string, string> {
    return this.active ? { [SITES_URL_KEY]: this.link } : {};
  }

  private landUse(): FeatureCollection<Areal, { kind?: string } | null> | undefined {
    return app.data?.industry as FeatureCollection<Areal, { kind?: string } | null> | undefined;
  }

  /** Runs the search from the coverage on screen; a newer run cancels this one. */
  async run(): Promise<void> {
    const cov = $state.snapshot(coverage.params) as CoverageParams;
    const params: SiteParams = {
      ...($state.snapshot(this.search) as Omit<SiteParams, 'coverage'>),
      coverage: { ...cov, roadTimes: false, draft: false },
      landUse: this.landUse(),
    };
    this.runs++;
    markPending('sites', true);
    this.progress = 0;
    this.error = null;
    try {
      const client = await coverage.worker();
      this.abort = new AbortController();
      const r = await client.latest('sites', params, {
        signal: this.abort.signal,
        onProgress: (p) => (this.progress = p.fraction),
      });
      this.result = r;
      this.resultFor = params.coverage;
    } catch (e) {
      if (!isCancel(e)) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (--this.runs === 0) {
        this.progress = null;
        markPending('sites', false);
      }
    }
  }

  /** Stops the running search (the worker stops at its next step); the last result stays. */
  cancel() {
    this.abort?.abort();
  }

  /** The plan step's new parks against the best sites of the same number and size. */
  async comparePlan(step: PlanStep = this.planStep): Promise<void> {
    this.planStep = step;
    const cov = $state.snapshot(coverage.params) as CoverageParams;
    markPending('sites-plan', true);
    this.planProgress = 0;
    this.planError = null;
    try {
      const client = await coverage.worker();
      this.plan = await client.latest(
        'planVsBest',
        {
          coverage: { ...cov, scenario: step.after, whatIfs: [], roadTimes: false, draft: false },
          before: { scenario: step.before },
          group: this.weighting,
          allowCampus: this.allowCampus,
          allowIndustrial: this.allowIndustrial,
          landUse: this.landUse(),
        },
        { onProgress: (p) => (this.planProgress = p.fraction) },
      );
    } catch (e) {
      if (!isCancel(e)) this.planError = e instanceof Error ? e.message : String(e);
    } finally {
      this.planProgress = null;
      markPending('sites-plan', false);
    }
  }

  addLand(ring: number[][]) {
    this.availableLand = [...this.availableLand, ring];
  }

  clearLand() {
    this.availableLand = [];
  }

  /** The shown sites as what-if parks, all in one step; the search then closes (its sites are placed). */
  applyAsWhatIfs() {
    const r = this.ranking;
    if (!r) return;
    // Ids unique against the what-ifs already placed (and those decoded from the URL).
    const taken = coverage.whatIfs.map((w) => w.id);
    let n = 0;
    const next = (): string => {
      let id: string;
      do id = `site${++n}`;
      while (taken.includes(id));
      taken.push(id);
      return id;
    };
    const added: WhatIf[] = r.sites.map((s) => ({
      id: next(),
      kind: 'point',
      lng: s.lng,
      lat: s.lat,
      area_m2: Math.round(s.areaM2),
      name: app.t('sites.whatif.name', { rank: s.rank }),
    }));
    coverage.whatIfs = [...coverage.whatIfs, ...added];
    this.close();
  }

  open() {
    this.active = true;
  }

  close() {
    this.active = false;
    this.result = null;
    this.resultFor = null;
    this.error = null;
  }
}

export const sites = new SitesState();
