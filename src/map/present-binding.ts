/**
 * Every MapLibre call of the presentation: the screen scale, arrow keys taken from map panning, a
 * chapter's highlight and progressive drawing, and its camera (the subject framed clear of the
 * caption and controls). The state (src/state/present*.ts) decides which chapter and what it
 * shows; src/ui/present/Presenter.svelte measures the panels and hands both here.
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Chapter } from '../core/story/schema';
import { chapterSubject, type Bounds } from '../core/story/subject';
import {
  clearHighlight,
  clearProgressive,
  drawProgressively,
  progressiveFeatures,
  removePresentOverlays,
  showHighlight,
  sourceOfGroup,
} from './present-overlay';
import { applyScreenScale, zoomOffset } from './screen-scale';
import { frameSubject } from './frame-subject';
import { paddingAround, type Rect } from './view-padding';

const FLY_MS = 2200;
/** Space between a panel and the free part of the map, and around the subject, map pixels. */
const PANEL_GAP = 12;
const SUBJECT_MARGIN = 16;

/** The app's layers by source id (a chapter names layer groups; their source holds the data). */
export type LayersBySource = Record<string, FeatureCollection | undefined>;

export class PresentMapBinding {
  constructor(
    private readonly map: MapLibreMap,
    /** A layer group's MapLibre layer ids. */
    private readonly layerIdsOf: (group: string) => readonly string[],
  ) {
    // Arrow keys belong to the presentation, not to map panning.
    map.keyboard.disable();
  }

  /** Lines and labels scaled by k for the back of the room; returns the restore. */
  scale(k: number): () => void {
    return applyScreenScale(this.map, k);
  }

  private dataOf(group: string, layers: LayersBySource): FeatureCollection | undefined {
    const src = sourceOfGroup(this.map, this.layerIdsOf(group));
    return src ? layers[src] : undefined;
  }

  /** The chapter's subject (zone, highlighted features) as bounds, or null. */
  subject(ch: Chapter, layers: LayersBySource, boundary: FeatureCollection): Bounds | null {
    return chapterSubject(ch, (group) => this.dataOf(group, layers), boundary);
  }

  /**
   * The chapter's highlight, and its lines drawn progressively (`onDrawing` names the group hidden
   * meanwhile, then null). Returns the stop.
   */
  overlays(ch: Chapter, layers: LayersBySource, instant: boolean, onDrawing: (group: string | null) => void) {
    const m = this.map;
    clearHighlight(m);
    clearProgressive(m);
    onDrawing(null);
    if (ch.highlight) {
      const src = sourceOfGroup(m, this.layerIdsOf(ch.highlight.layer));
      if (src) showHighlight(m, src, ch.highlight);
    }
    let stop = () => {};
    const p = ch.progressive;
    const fc = p && this.dataOf(p.layer, layers);
    if (p && fc) {
      onDrawing(p.layer);
      stop = drawProgressively(m, progressiveFeatures(fc, p), p.seconds, {
        instant,
        onDone: () => onDrawing(null),
      });
    }
    return () => {
      stop();
      onDrawing(null);
    };
  }

  /**
   * Flies to the chapter's camera, its subject clear of every panel (`occluders`: client
   * rectangles of the caption, controls and labels).
   */
  frame(ch: Chapter, subject: Bounds | null, occluders: readonly DOMRect[], instant: boolean): void {
    const m = this.map;
    const box = m.getContainer();
    const r = box.getBoundingClientRect();
    const w = box.clientWidth;
    const h = box.clientHeight;
    const s = r.width / w || 1;
    const toMap = (b: DOMRect): Rect => ({
      left: (b.left - r.left) / s,
      top: (b.top - r.top) / s,
      right: (b.right - r.left) / s,
      bottom: (b.bottom - r.top) / s,
    });
    // Side by side, this map frames the subject in the right half; the second map takes the left.
    const area = { left: ch.compare?.mode === 'side-by-side' ? w / 2 : 0, top: 0, right: w, bottom: h };
    const padding = paddingAround(occluders.map(toMap), area, { width: w, height: h }, PANEL_GAP);
    const authored = { ...ch.camera, zoom: ch.camera.zoom + zoomOffset(w, h) };
    const cam = subject ? frameSubject(m, subject, authored, padding, SUBJECT_MARGIN) : authored;
    const options = { ...cam, padding };
    if (instant) m.jumpTo(options);
    else m.flyTo({ ...options, duration: FLY_MS, essential: true });
  }

  /** The map as it was before the presentation. */
  remove(): void {
    this.map.keyboard.enable();
    removePresentOverlays(this.map);
    this.map.setPadding({ top: 0, right: 0, bottom: 0, left: 0 });
  }
}
