/**
 * The coverage view's own state and actions, shared by its panel components and its map wiring
 * (src/ui/coverage/CoverageMap.svelte): method switch, what-if placing and drawing, suggestions,
 * the clicked place, and where the camera should go. No MapLibre here: src/map/coverage-binding.ts
 * draws and moves the map.
 */
import type { PointInfo } from '../core/coverage/point-info';
import type { Suggestion } from '../core/coverage/results';
import { type Gap, gapBounds } from '../core/coverage/gaps';
import { app } from './app.svelte';
import { coverage } from './coverage.svelte';
import { COVERAGE_GROUP } from '../map/coverage-groups';

/** The click tool id while a what-if park is being placed. */
export const WHATIF_TOOL = 'whatif';
/** The click tool id while a what-if park is being drawn as a polygon, corner by corner. */
export const WHATIF_DRAW_TOOL = 'whatif-draw';
/** The click tool id while the coverage tab is open: a click asks how far the nearest green space is. */
export const POINT_TOOL = 'coverage-point';
/** What-if park sizes offered, hectares (1 ha = a neighbourhood park). */
export const WHATIF_AREAS_HA = [0.3, 0.5, 1, 2, 5, 10];

class CoverageView {
  /** Area of the next what-if park, hectares. */
  areaHa = $state(1);
  suggestions = $state.raw<Suggestion[] | null>(null);
  suggesting = $state(false);
  /** The place last clicked on the map and what the worker said about it. */
  point = $state.raw<{ lng: number; lat: number; info: PointInfo | null } | null>(null);
  /** Corners of the polygon park being drawn, [lng, lat]. */
  draft = $state.raw<[number, number][]>([]);
  /** Where the ring being drawn goes when finished, instead of a what-if park (the site search's available land). */
  onRing = $state.raw<((ring: number[][]) => void) | null>(null);
  private counter = 0;

  /** A fresh what-if id, unique within this page and against ids decoded from the URL. */
  nextId(): string {
    const taken = new Set(coverage.whatIfs.map((w) => w.id));
    let id: string;
    do id = `wi${++this.counter}`;
    while (taken.has(id));
    return id;
  }

  placeAt(lng: number, lat: number, areaM2 = this.areaHa * 10000) {
    coverage.addWhatIf({ id: this.nextId(), kind: 'point', lng, lat, area_m2: Math.round(areaM2) });
    this.suggestions = null;
  }

  startPlacing() {
    app.clickTool = WHATIF_TOOL;
  }

  stopPlacing() {
    this.draft = [];
    this.onRing = null;
    if (app.clickTool === WHATIF_TOOL || app.clickTool === WHATIF_DRAW_TOOL)
      app.clickTool = app.tab === 'coverage' ? POINT_TOOL : null;
  }

  startDrawing(onRing: ((ring: number[][]) => void) | null = null) {
    this.draft = [];
    this.onRing = onRing;
    app.clickTool = WHATIF_DRAW_TOOL;
  }

  addCorner(lng: number, lat: number) {
    this.draft = [...this.draft, [lng, lat]];
  }

  /** Closes the drawn corners into a polygon park (three corners at least) and ends drawing. */
  finishDrawing() {
    const ring = this.draft;
    if (ring.length < 3) return;
    if (this.onRing) {
      this.onRing([...ring, ring[0]]);
      this.stopPlacing();
      return;
    }
    coverage.addWhatIf({ id: this.nextId(), kind: 'polygon', coordinates: [[...ring, ring[0]]] });
    this.suggestions = null;
    this.stopPlacing();
  }

  /**
   * Asks the worker where one more park helps most. The answer is a preview (the map draws the
   * sites dashed, with rank and gain, and frames them); nothing counts until `placeSuggestion`.
   */
  async suggest() {
    this.suggesting = true;
    try {
      const s = await coverage.suggest(5, this.areaHa * 10000);
      if (s) {
        this.suggestions = s;
        if (s.length > 0) this.frameAll(s.map((x) => [x.lng, x.lat] as [number, number]));
      }
    } catch (e) {
      coverage.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.suggesting = false;
    }
  }

  /** Places one previewed site as a what-if park; the preview goes (its gains assumed no other park). */
  placeSuggestion(s: Suggestion) {
    this.placeAt(s.lng, s.lat, s.areaM2);
    this.flyTo([s.lng, s.lat], 14);
  }

  /** Drops the preview: nothing was placed. */
  cancelSuggestions() {
    this.suggestions = null;
  }

  /** Network walk or straight-line radius: shows one method's layer and hides the other's. */
  setMethod(m: 'network' | 'radius') {
    coverage.method = m;
    app.setVisible(COVERAGE_GROUP.bands, m === 'network');
    app.setVisible(COVERAGE_GROUP.radius, m === 'radius');
  }

  /**
   * A map click with the coverage tools: places a what-if park, adds a corner to the one being
   * drawn (`sameAsLast` tells the two clicks of a finishing double-click apart), or asks how far
   * the nearest green space is from there.
   */
  mapClick(lng: number, lat: number, sameAsLast: (a: [number, number], b: [number, number]) => boolean) {
    if (app.route !== 'map') return;
    const tool = app.clickTool;
    if (tool === WHATIF_TOOL) {
      this.placeAt(lng, lat);
      this.stopPlacing();
    } else if (tool === WHATIF_DRAW_TOOL) {
      const last = this.draft.at(-1);
      if (!last || !sameAsLast(last, [lng, lat])) this.addCorner(lng, lat);
    } else if (
      tool === POINT_TOOL ||
      (!tool && (app.visible[COVERAGE_GROUP.bands] || app.visible[COVERAGE_GROUP.radius]))
    ) {
      void this.ask(lng, lat);
    }
  }

  /** A double-click finishes the polygon being drawn; true when it did (the map must not zoom). */
  mapDblClick(): boolean {
    if (app.clickTool !== WHATIF_DRAW_TOOL) return false;
    this.finishDrawing();
    return true;
  }

  /** How far the nearest green space is from a place: the answer lands in `point`. */
  async ask(lng: number, lat: number) {
    this.point = { lng, lat, info: null };
    try {
      const info = await coverage.pointInfo(lng, lat);
      if (!info || this.point?.lng !== lng || this.point?.lat !== lat) return;
      this.point = { lng, lat, info };
    } catch (e) {
      coverage.error = e instanceof Error ? e.message : String(e);
    }
  }

  /**
   * Where the camera should go next: fly to `center` (never zooming out past `zoom`), or, with
   * `bounds`, fit that whole extent (no closer than `zoom`). A new `seq` asks again.
   */
  camera = $state.raw<{
    seq: number;
    center: [number, number];
    zoom: number;
    bounds?: [[number, number], [number, number]];
  } | null>(null);

  flyTo(center: [number, number], zoom = 15) {
    this.camera = { seq: (this.camera?.seq ?? 0) + 1, center, zoom };
  }

  /** Frames a whole gap (its outline's extent); a gap listed without an outline is flown to. */
  frameGap(g: Pick<Gap, 'outline' | 'centroid'>) {
    const bounds = gapBounds(g);
    if (!bounds) return this.flyTo(g.centroid);
    this.camera = { seq: (this.camera?.seq ?? 0) + 1, center: g.centroid, zoom: 16, bounds };
  }

  /** Frames a set of places together (the suggested sites), no closer than a neighbourhood. */
  private frameAll(points: [number, number][]) {
    const lngs = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    const bounds: [[number, number], [number, number]] = [
      [Math.min(...lngs), Math.min(...lats)],
      [Math.max(...lngs), Math.max(...lats)],
    ];
    this.camera = { seq: (this.camera?.seq ?? 0) + 1, center: points[0], zoom: 15, bounds };
  }
}

export const view = new CoverageView();
