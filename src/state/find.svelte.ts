/**
 * The residents' state: place search (index built lazily from the loaded geodata) and "near me"
 * (an origin from a tap, the browser's position, a search result or a shared link, and the three
 * nearest parks by walking time from the shared coverage worker).
 *
 * URL keys owned here (in app.extra): `o=lng,lat` the walk's origin, `og=<green id>` the park
 * selected in the answer, `fs=<scenario>` the year the answer is for when not today (residents ask
 * "where can I walk now": today by default, whatever year the coverage tab shows). A link with them
 * reopens the same answer.
 *
 * No MapLibre and no DOM here: the camera is asked for through `camera`, and
 * src/map/find-binding.ts (wired by src/ui/find/FindMap.svelte) draws routes, markers and views.
 */
import { untrack } from 'svelte';
import type { PlaceIndex, SearchResult } from '../core/search';
import type { NearestRanged } from '../core/coverage/pipeline';
import type { Scenario } from '../core/coverage/types';
import { scenarioFromUrl } from './scenario-choice';
import { formatOrigin, inStudyArea, parseOrigin, type LngLat } from '../core/find/origin';
import { nearestWalkableRoadMetres } from '../core/find/road-distance';
import { MAX_OFF_NETWORK_M } from '../core/coverage/constants';
import { type FindCamera, parkLabelPoint } from '../core/find/camera';
import { app } from './app.svelte';
import { coverage } from './coverage.svelte';
import type { GeoData } from './geodata';
import { markPending } from './hook';
import turfBbox from '@turf/bbox';

/** The map tool name while "tap the map" is armed. */
export const NEAR_ME_TOOL = 'nearme';

export type OriginSource = 'tap' | 'gps' | 'place' | 'link' | 'drag';

/** A message shown in the find tab; kept as an i18n key so it follows a language switch. */
export interface FindMessage {
  kind: 'info' | 'warn' | 'error';
  key: string;
  params?: Record<string, string | number>;
}

/** Same place as far as a link can tell (the URL keeps five decimals, about a metre). */
const sameOrigin = (a: LngLat | null, b: LngLat | null) => !!a && !!b && formatOrigin(a) === formatOrigin(b);

function boundsOf(points: readonly LngLat[]): [LngLat, LngLat] {
  const [w, s, e, n] = turfBbox({ type: 'MultiPoint', coordinates: points as LngLat[] });
  return [
    [w, s],
    [e, n],
  ];
}

class FindState {
  // --- search ---
  query = $state('');
  /** True while the index is being built (first focus). */
  indexing = $state(false);
  /** Bumped when the index is (re)built, so results recompute. */
  private indexVersion = $state(0);
  private index: PlaceIndex | null = null;
  private indexFor: GeoData | null = null;
  /** The place the resident chose from the results (marked on the map). */
  chosen = $state.raw<SearchResult | null>(null);

  results = $derived.by<SearchResult[]>(() => {
    void this.indexVersion;
    const q = this.query.trim();
    if (!q || !this.index) return [];
    return this.index.search(q, { limit: 8 });
  });

  // --- near me ---
  origin = $state.raw<LngLat | null>(null);
  originSource = $state<OriginSource | null>(null);
  /** The name of the search result the walk starts from (originSource 'place'). */
  originName = $state.raw<{ zh: string; en: string } | null>(null);
  answer = $state.raw<NearestRanged | null>(null);
  /** The year the answer is for (URL `fs`): today unless the resident picks 2014 or the plan. */
  scenario = $state<Scenario>('today');
  /** Index into answer.greens. */
  selected = $state(0);
  status = $state<'idle' | 'locating' | 'computing' | 'done' | 'error'>('idle');
  message = $state.raw<FindMessage | null>(null);

  armed = $derived(app.clickTool === NEAR_ME_TOOL);

  private seq = 0;
  /** The park to select when the next answer arrives (from a link's `og`). */
  private wantGreen: string | null = null;
  /** Frame the routes when the next answer arrives (not for a link with a camera: that is the view). */
  private frameNext = false;
  /** The view the map should show next (read by the map binding). */
  camera = $state.raw<FindCamera | null>(null);
  private cameraSeq = 0;

  /** The greenery feature the map highlights: the selected park, unless it is a what-if. */
  highlight = $derived.by(() => {
    const g = this.origin && this.answer ? this.answer.greens[this.selected] : undefined;
    return g && !g.whatIf ? g.id : null;
  });

  /** Builds the search index from the loaded geodata, once per dataset (the code loaded on demand). */
  async ensureIndex(): Promise<void> {
    const data = app.data;
    if (!data || this.indexFor === data || this.indexing) return;
    this.indexing = true;
    try {
      // Loaded on the first search (pinyin-pro's dictionary and Fuse stay out of the first load).
      const { createPlaceIndex } = await import('../core/search');
      if (app.data !== data) return;
      this.index = createPlaceIndex({
        greenery: data.greenery,
        roads: data.roads,
        crossings: data.crossings,
        industrialParks: data.industry,
        landmarks: data.landmarks,
        residential: data.residential,
      });
      this.indexFor = data;
      this.indexVersion++;
    } finally {
      this.indexing = false;
    }
  }

  /** Flies to a search result and marks it. */
  choose(r: SearchResult): void {
    this.chosen = r;
    this.query = app.lang === 'zh' ? r.name_zh : r.name_en;
    if (r.bbox) {
      const [w, south, e, n] = r.bbox;
      this.camera = {
        seq: ++this.cameraSeq,
        bounds: [
          [w, south],
          [e, n],
        ],
        maxZoom: 16.5,
        ms: 900,
      };
    } else {
      this.camera = { seq: ++this.cameraSeq, center: r.center, minZoom: 16, maxZoom: 16.5, ms: 900 };
    }
  }

  clearChosen(): void {
    this.chosen = null;
  }

  arm(): void {
    app.clickTool = NEAR_ME_TOOL;
    this.message = null;
  }

  disarm(): void {
    if (app.clickTool === NEAR_ME_TOOL) app.clickTool = null;
  }

  /** Starts a walk from `p`; taps outside the study area are refused with a message. */
  setOrigin(p: LngLat, source: OriginSource, name: { zh: string; en: string } | null = null): void {
    if (!inStudyArea(p[0], p[1])) {
      this.message = { kind: 'warn', key: 'find.msg.outsideTap' };
      return;
    }
    this.disarm();
    // One origin on the map: a tap or the GPS replaces the searched place's pin.
    if (source !== 'place') this.chosen = null;
    this.originSource = source;
    this.originName = name;
    this.wantGreen = null;
    this.frameNext = true;
    this.origin = p;
    app.extra.o = formatOrigin(p);
    delete app.extra.og;
  }

  fromChosen(): void {
    const c = this.chosen;
    if (c) this.setOrigin(c.center, 'place', { zh: c.name_zh, en: c.name_en });
  }

  /** The browser is looking for the position (src/ui/find/geolocate.ts asks it). */
  locating(): void {
    this.message = null;
    this.disarm();
    this.status = 'locating';
  }

  /** The browser's position: a walk from there, or (outside the study area) tapping instead. */
  located(p: LngLat): void {
    if (!inStudyArea(p[0], p[1]))
      return this.locateFailed('find.geo.outside', { lng: p[0].toFixed(4), lat: p[1].toFixed(4) });
    this.setOrigin(p, 'gps');
  }

  /** No position (unsupported, denied, timed out): say why and arm tapping instead. */
  locateFailed(key: string, params?: Record<string, string | number>): void {
    this.status = 'idle';
    this.arm();
    this.message = { kind: 'warn', key, params };
  }

  /** A map tap: sets the origin while the tool is armed, and is ignored otherwise. */
  tapped(p: LngLat): void {
    if (this.armed) this.setOrigin(p, 'tap');
  }

  /** Selects the i-th park of the answer: highlighted, its route on top, the view framed. */
  select(i: number): void {
    const g = this.answer?.greens[i];
    if (!g) return;
    this.selected = i;
    app.extra.og = g.id;
    this.frame([
      ...(g.route.coordinates as LngLat[]),
      ...(this.origin ? [this.origin] : []),
      ...this.labelPointOf(g.id),
    ]);
  }

  /** Where the map writes a compact park's name, so framing keeps it whole on screen ([] if unknown). */
  private labelPointOf(id: string): LngLat[] {
    const f = app.data?.greenery.features.find((x) => x.properties?.id === id);
    const p = parkLabelPoint(f?.geometry ?? null);
    return p ? [p] : [];
  }

  clear(): void {
    this.seq++;
    markPending('find', false);
    this.origin = null;
    this.originSource = null;
    this.originName = null;
    this.answer = null;
    this.message = null;
    this.status = 'idle';
    this.selected = 0;
    this.disarm();
    delete app.extra.o;
    delete app.extra.og;
  }

  private frame(points: readonly LngLat[]): void {
    if (points.length === 0) return;
    this.camera = { seq: ++this.cameraSeq, bounds: boundsOf(points), maxZoom: 17, ms: 700 };
  }

  /** Picks the year the answer is for; kept in the URL (fs=) unless today. */
  setScenario(s: Scenario): void {
    this.scenario = s;
    if (s === 'today') delete app.extra.fs;
    else app.extra.fs = s;
  }

  /** Asks the worker for the nearest parks from the current origin. */
  private async run(o: LngLat, data: GeoData): Promise<void> {
    const seq = ++this.seq;
    this.status = 'computing';
    this.message = null;
    // Counts as pending for window.greenCircle.settled() until the answer is drawn.
    markPending('find', true);
    try {
      const r = await coverage.nearest(o[0], o[1], 3, this.scenario);
      if (seq !== this.seq) return;
      if (!r) {
        this.status = 'idle';
        return;
      }
      const keep = this.wantGreen ?? this.answer?.greens[this.selected]?.id ?? null;
      this.wantGreen = null;
      this.answer = r;
      const at = keep ? r.greens.findIndex((g) => g.id === keep) : -1;
      this.selected = Math.max(0, at);
      if (r.inWater) this.message = { kind: 'warn', key: 'find.msg.inWater' };
      else if (r.greens.length === 0) {
        const d = nearestWalkableRoadMetres(data.roads, o[0], o[1], this.scenario);
        this.message = {
          kind: 'warn',
          key: d > MAX_OFF_NETWORK_M ? 'find.msg.farFromRoad' : 'find.msg.noPark',
        };
      } else if (r.greens.length < 3) {
        this.message = { kind: 'info', key: 'find.near.fewer', params: { n: r.greens.length } };
      }
      this.status = 'done';
      if (this.frameNext && r.greens.length) {
        this.frameNext = false;
        const names = r.greens.flatMap((g) => this.labelPointOf(g.id));
        this.frame([o, ...r.greens.flatMap((g) => g.route.coordinates as LngLat[]), ...names]);
      }
    } catch (e) {
      if (seq !== this.seq) return;
      this.status = 'error';
      this.message = {
        kind: 'error',
        key: 'find.msg.error',
        params: { message: e instanceof Error ? e.message : String(e) },
      };
    } finally {
      if (seq === this.seq) markPending('find', false);
    }
  }

  /**
   * Wires the state to the URL and the worker; started once by the shell, for the app's lifetime.
   * @param linkHasCamera whether the address the app was opened with carries a camera (c=, z=)
   */
  start(linkHasCamera: () => boolean): () => void {
    return $effect.root(() => {
      // The year of the answer from the URL (fs=), today when absent or not a scenario.
      $effect(() => {
        const fs = scenarioFromUrl(app.extra.fs) ?? 'today';
        untrack(() => {
          if (fs !== this.scenario) this.scenario = fs;
        });
      });

      // A link (or a hash typed or navigated to) with o= opens its answer.
      $effect(() => {
        const text = app.extra.o;
        const og = app.extra.og;
        untrack(() => {
          const p = parseOrigin(text);
          if (p && !sameOrigin(p, this.origin)) {
            this.originSource = 'link';
            this.originName = null;
            this.wantGreen = og ?? null;
            // A link made here carries its camera (c=, z=); a hand-made one gets the routes framed.
            this.frameNext = !linkHasCamera();
            this.origin = p;
            app.tab = 'find';
          } else if (text === undefined && this.origin) {
            this.clear();
          }
        });
      });

      // Recompute when the origin, the data or the walking parameters change.
      $effect(() => {
        const o = this.origin;
        const data = app.data;
        void [this.scenario, coverage.speed, coverage.minAreaM2, coverage.whatIfs];
        if (!o || !data) return;
        untrack(() => void this.run(o, data));
      });
    });
  }
}

export const find = new FindState();
