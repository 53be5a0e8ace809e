/**
 * The app's shared state (Svelte 5 runes). One instance, `app`, read by the UI components and the
 * map; the URL hash and the remembered settings are kept in step with it here.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { translate, type Lang } from '../i18n';
import { formatHash, parseHash, type HashState, type Route } from '../core/url/hash';
import type { GeoData } from './geodata';
import { MISSION_LAYER_GROUPS, type LayerGroup } from '../map/layer-groups';
import { readSettings, writeSettings } from './settings';

/** The zone's centre and a zoom that shows it whole on a laptop. */
export const HOME_VIEW = { center: [113.545, 34.812] as [number, number], zoom: 12.4 };

export interface Selection {
  /** Which layer group the feature came from: roads, greenery, industry, landmarks, … */
  layer: string;
  feature: Feature;
}

class AppState {
  lang = $state<Lang>('zh');
  route = $state<Route>('map');
  chapter = $state(1);
  /** Extra hash keys owned by features (e.g. the coverage view's parameters). */
  extra = $state<Record<string, string>>({});
  groups = $state<LayerGroup[]>([...MISSION_LAYER_GROUPS]);
  visible = $state<Record<string, boolean>>({});
  selection = $state.raw<Selection | null>(null);
  map = $state.raw<MapLibreMap | null>(null);
  data = $state.raw<GeoData | null>(null);
  /** Last camera from the URL or the map; written back to the URL. */
  view = $state.raw<{ center: [number, number]; zoom: number; bearing: number; pitch: number }>({
    ...HOME_VIEW,
    bearing: 0,
    pitch: 0,
  });
  /** Whether the URL gave a camera; otherwise the map opens fitted to the zone. */
  viewFromUrl = false;
  /** A tool that owns map clicks for now (e.g. placing a what-if park); feature picking pauses. */
  clickTool = $state<string | null>(null);
  /** The side panel's (or phone sheet's) open tab. */
  tab = $state('layers');
  /** A message the whole app should show (data failed to load, storage reset, …). */
  notice = $state<{ kind: 'error' | 'info'; text: string } | null>(null);

  t = (key: string, params?: Record<string, string | number>) => translate(this.lang, key, params);

  constructor() {
    for (const g of this.groups) this.visible[g.id] = g.defaultVisible;
  }

  /** Adds a feature's layer group (idempotent), visible by default unless the URL said otherwise. */
  registerGroup(group: LayerGroup) {
    if (this.groups.some((g) => g.id === group.id)) return;
    this.groups = [...this.groups, group];
    if (!(group.id in this.visible)) {
      this.visible[group.id] = this.urlLayers ? this.urlLayers.includes(group.id) : group.defaultVisible;
    }
  }

  setVisible(id: string, on: boolean) {
    this.visible[id] = on;
    writeSettings({ layers: this.visibleIds() });
  }

  visibleIds(): string[] {
    return Object.entries(this.visible)
      .filter(([, v]) => v)
      .map(([k]) => k);
  }

  setLang(lang: Lang) {
    this.lang = lang;
    writeSettings({ lang });
  }

  private urlLayers: string[] | undefined;

  /** URL wins over stored settings, stored settings over defaults. */
  initFromLocation(hash: string) {
    const stored = readSettings();
    const h = parseHash(hash);
    this.applyHash(h, stored.layers);
    this.lang = h.lang ?? stored.lang ?? 'zh';
  }

  applyHash(h: HashState, storedLayers?: string[]) {
    this.route = h.route;
    if (h.chapter) this.chapter = h.chapter;
    if (h.center && h.zoom !== undefined) this.viewFromUrl = true;
    const layers = h.layers ?? storedLayers;
    this.urlLayers = layers;
    if (layers) for (const g of this.groups) this.visible[g.id] = layers.includes(g.id);
    if (h.lang) this.lang = h.lang;
    this.view = {
      center: h.center ?? this.view.center,
      zoom: h.zoom ?? this.view.zoom,
      bearing: h.bearing ?? 0,
      pitch: h.pitch ?? 0,
    };
    const extra: Record<string, string> = { ...h.extra };
    if (h.scenario) extra.s = h.scenario;
    if (h.whatIf) extra.wi = h.whatIf;
    if (h.feature) extra.f = h.feature;
    this.extra = extra;
  }

  /** The hash that reproduces the current view. */
  toHash(): string {
    const { s, wi, f, ...rest } = this.extra;
    return formatHash({
      route: this.route,
      chapter: this.chapter,
      center: this.view.center,
      zoom: this.view.zoom,
      bearing: this.view.bearing,
      pitch: this.view.pitch,
      layers: this.route === 'map' ? this.visibleIds() : undefined,
      lang: this.lang,
      scenario: s,
      whatIf: wi,
      feature: f,
      extra: rest,
    });
  }
}

export const app = new AppState();
