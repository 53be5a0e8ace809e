/**
 * Every MapLibre call of the coverage feature: its sources and layers, the result drawn (bands
 * coloured by minutes, gaps, roads by walk time), the straight-line radius discs, the what-if parks
 * (areas, the polygon being drawn, a draggable marker per point park), the access image, the clicked place's popup and
 * route, map clicks and double-clicks, and the camera. The state decides (src/state/coverage*.ts);
 * src/ui/coverage/CoverageMap.svelte hands its decisions here and the events back.
 */
import { Marker, Popup, type Map as MapLibreMap, type MapMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { CoverageResult } from '../core/coverage/pipeline';
import type { WhatIf } from '../core/coverage/whatif';
import { gapFeatures } from '../core/coverage/gaps';
import { whatIfRadiusDiscs, whatIfShapes } from '../core/coverage/whatif-shapes';
import type { ServiceRadiusStandard } from '../core/coverage/radius';
import type { AccessImageResult } from '../core/coverage/access-image';
import {
  addCoverageLayers,
  bandColor,
  BANDS_IMAGE,
  COVERAGE_SOURCES,
  setCoverageData,
  setCoverageImage,
  setRoadBands,
  WHATIF_LINE,
} from './coverage-layers';
import { gapRankPoints } from './gap-ranks';
import { SuggestionPreview, type PreviewSite } from './suggestion-preview';
import { paddingClearOf } from './panel-padding';
import type { Rect } from './view-padding';
import { prefersReducedMotion } from './motion';

type LngLat = [number, number];
/** Where the coverage state asks the camera to go (src/state/coverage-view.svelte.ts). */
export interface CoverageCamera {
  center: LngLat;
  /** Fly: the closest zoom to reach (never zooming out). Fit: the closest zoom allowed. */
  zoom: number;
  /** A whole extent to fit, [[west, south], [east, north]]. */
  bounds?: [LngLat, LngLat];
}
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** Two clicks closer than this (px) are one double-click, not two corners. */
const SAME_CLICK_PX = 4;

export interface CoverageMapHandlers {
  /** A click on the map itself (not on a what-if marker). */
  onClick: (p: LngLat) => void;
  /** A double-click; return true to keep the map from zooming (it finished a drawn park). */
  onDblClick: () => boolean;
  onDrag: (id: string, p: LngLat, phase: 'start' | 'move' | 'end') => void;
  /** The clicked place's popup was closed by its button. */
  onPopupClosed: () => void;
}

export class CoverageMapBinding {
  private readonly markers = new Map<string, Marker>();
  private dragging: string | null = null;
  private popup: Popup | null = null;
  private readonly preview: SuggestionPreview;
  /** The access image's pixels (the canvas source reads them). */
  private readonly canvas = document.createElement('canvas');

  private readonly click = (e: MapMouseEvent) => {
    // A click on a what-if marker is a drag handle, not a question.
    if ((e.originalEvent.target as HTMLElement | null)?.closest?.('.maplibregl-marker')) return;
    this.h.onClick([e.lngLat.lng, e.lngLat.lat]);
  };
  private readonly dblclick = (e: MapMouseEvent) => {
    if (this.h.onDblClick()) e.preventDefault();
  };

  constructor(
    private readonly map: MapLibreMap,
    private readonly bands: readonly number[],
    private readonly visible: (layerId: string) => boolean,
    private readonly h: CoverageMapHandlers,
  ) {
    this.preview = new SuggestionPreview(map);
    map.on('click', this.click);
    map.on('dblclick', this.dblclick);
  }

  /**
   * The sources and layers, added with the first thing to draw rather than with the map: seven
   * empty sources and fifteen layers at load were tiles to cut and lay out before the first idle.
   */
  private ensureLayers(): void {
    addCoverageLayers(this.map, this.bands, this.visible);
  }

  /** Whether two map positions are one click apart on screen (a double-click's two clicks). */
  sameClick(a: LngLat, b: LngLat): boolean {
    return this.map.project(a).dist(this.map.project(b)) <= SAME_CLICK_PX;
  }

  showResult(r: CoverageResult): void {
    this.ensureLayers();
    const bands = {
      ...r.bands,
      features: r.bands.features.map((f) => ({
        ...f,
        properties: {
          ...f.properties,
          color: bandColor(Math.max(0, r.params.bands.indexOf(f.properties.minutes))),
        },
      })),
    };
    setCoverageData(this.map, 'bands', bands);
    const gaps = gapFeatures(r.gaps, Math.max(...r.params.bands));
    setCoverageData(this.map, 'gaps', gaps);
    setCoverageData(this.map, 'gapRanks', gapRankPoints(gaps));
    setCoverageData(this.map, 'roads', r.roadTimes ?? EMPTY);
    setRoadBands(this.map, r.params.bands);
  }

  /** The access grid as an image coloured by band: per update and per drag frame. */
  showImage(img: AccessImageResult): void {
    this.ensureLayers();
    setCoverageImage(this.map, this.canvas, img, this.visible(BANDS_IMAGE));
  }

  /** The green spaces' radius buffers plus each point what-if park's disc. */
  showRadius(base: FeatureCollection, whatIfs: readonly WhatIf[], std: ServiceRadiusStandard): void {
    const features = [...base.features, ...whatIfRadiusDiscs(whatIfs, std)];
    this.ensureLayers();
    setCoverageData(this.map, 'radius', { type: 'FeatureCollection', features });
  }

  /** What-if parks' areas, and the polygon being drawn as its corners and outline. */
  showWhatIfs(list: readonly WhatIf[], draft: readonly LngLat[]): void {
    if (!list.length && !draft.length && !this.map.getSource(COVERAGE_SOURCES.whatIf)) return;
    this.ensureLayers();
    setCoverageData(this.map, 'whatIf', whatIfShapes(list, draft));
  }

  /** A draggable marker on each point park (none when the what-if group is hidden). */
  syncMarkers(list: readonly WhatIf[], shown: boolean, label: string): void {
    const keep = new Set<string>();
    for (const w of shown ? list : []) {
      if (w.kind !== 'point') continue;
      keep.add(w.id);
      let mk = this.markers.get(w.id);
      if (!mk) mk = this.addMarker(w.id, [w.lng, w.lat]);
      else if (this.dragging !== w.id) mk.setLngLat([w.lng, w.lat]);
      mk.getElement().setAttribute('aria-label', label);
      mk.getElement().title = label;
    }
    for (const [id, mk] of this.markers) {
      if (keep.has(id)) continue;
      mk.remove();
      this.markers.delete(id);
    }
  }

  private addMarker(id: string, at: LngLat): Marker {
    const mk = new Marker({ draggable: true, color: WHATIF_LINE }).setLngLat(at).addTo(this.map);
    mk.getElement().dataset.whatif = id;
    const here = (): LngLat => {
      const p = mk.getLngLat();
      return [p.lng, p.lat];
    };
    let frameAsked = false;
    mk.on('dragstart', () => {
      this.dragging = id;
      this.h.onDrag(id, here(), 'start');
    });
    mk.on('drag', () => {
      // Live updates while dragging, at most one per displayed frame, with the marker's latest
      // place: each one redraws the park's shape and repaints the access image, and where a frame
      // takes longer than the pointer's moves (software WebGL: 150 ms and more) updates per move
      // would queue up behind it. The worker drops superseded requests.
      if (frameAsked) return;
      frameAsked = true;
      requestAnimationFrame(() => {
        frameAsked = false;
        if (this.dragging === id) this.h.onDrag(id, here(), 'move');
      });
    });
    mk.on('dragend', () => {
      this.dragging = null;
      this.h.onDrag(id, here(), 'end');
    });
    this.markers.set(id, mk);
    return mk;
  }

  /** The clicked place: a popup holding `card`, the place marked and, once known, its route. */
  showPoint(p: LngLat, route: readonly LngLat[] | null, card: HTMLElement): void {
    const features: Feature[] = [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } },
    ];
    if (route && route.length > 1)
      features.push({
        type: 'Feature',
        properties: {},
        geometry: { type: 'LineString', coordinates: [...route] },
      });
    this.ensureLayers();
    setCoverageData(this.map, 'route', { type: 'FeatureCollection', features });
    if (!this.popup) {
      this.popup = new Popup({ closeOnClick: false, maxWidth: '280px', offset: 10, className: 'cov-popup' });
      this.popup.on('close', () => {
        if (this.popup && !this.popup.isOpen()) this.h.onPopupClosed();
      });
    }
    this.popup.setLngLat(p).setDOMContent(card);
    if (!this.popup.isOpen()) this.popup.addTo(this.map);
  }

  clearPoint(): void {
    setCoverageData(this.map, 'route', EMPTY);
  }

  /** Removes the clicked place: its marker, route and popup (a compared map follows the tab's place). */
  closePoint(): void {
    this.clearPoint();
    this.popup?.remove();
  }

  get pointOpen(): boolean {
    return !!this.popup?.isOpen();
  }

  /**
   * Moves the camera as the state asked, clear of the side panel or bottom sheet (its client
   * rectangle, or null): a whole extent fitted (a gap, the suggestions), or a place flown to,
   * never zooming out past `zoom`.
   */
  frame(cam: CoverageCamera, panel: Rect | null): void {
    const m = this.map;
    const padding = paddingClearOf(m, panel, { phone: 32, wide: 56 });
    const duration = prefersReducedMotion() ? 0 : 700;
    if (cam.bounds) m.fitBounds(cam.bounds, { padding, maxZoom: cam.zoom, duration, essential: true });
    else
      m.flyTo({
        center: cam.center,
        zoom: Math.max(cam.zoom, m.getZoom()),
        padding,
        duration,
        essential: true,
      });
  }

  /** Suggested sites shown before they are placed (an empty list removes them). */
  showSuggestions(list: readonly PreviewSite[]): void {
    this.preview.show(list);
  }

  remove(): void {
    this.map.off('click', this.click);
    this.map.off('dblclick', this.dblclick);
    for (const mk of this.markers.values()) mk.remove();
    this.markers.clear();
    this.popup?.remove();
    this.preview.remove();
  }
}
