/**
 * A second map laid over the main one, for two-year comparisons (the coverage tab's compare mode
 * and the presentation's compare chapters): the same style without the features' own overlays, in
 * a box inside the main map's container, with its camera kept in step.
 *
 * Two layouts (the state decides which; src/state/compare-choice.ts):
 * - swipe: the second map covers the whole main map and is clipped right of the divider, so each
 *   side of the divider shows its own year of the same place;
 * - split: the second map fills the left pane; each pane frames the same place at its own centre.
 *
 * Camera: a pane's "anchor" is the screen x (in its own map's pixels) where both maps must show the
 * same place; the maps share zoom, bearing and pitch.
 */
import { type LngLatLike, Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import { addHatchImages, provideHatchImages } from './hatch';

/** Overlays of features (drawn again by their own bindings, or not at all), never copied. */
const FEATURE_PREFIXES = ['cov-', 'present-', 'sites-', 'find-'];

/** The main map's style without the features' overlays: base map, labels and imported layers. */
export function baseStyleOf(
  main: MapLibreMap,
  drop: readonly string[] = FEATURE_PREFIXES,
): StyleSpecification {
  const style = main.getStyle() as StyleSpecification;
  const dropped = (id: string) => drop.some((p) => id.startsWith(p));
  const sources = Object.fromEntries(Object.entries(style.sources).filter(([id]) => !dropped(id)));
  const layers = style.layers.filter(
    (l) => !dropped(l.id) && (!('source' in l) || typeof l.source !== 'string' || l.source in sources),
  );
  return { ...style, sources, layers };
}

export interface SecondMapOptions {
  style: StyleSpecification;
  /** Whether people can move the second map themselves (split); swiping, it follows the main map only. */
  interactive: boolean;
  /** The main map's screen scale (the presentation enlarges the whole map). */
  scale?: number;
  /** Called once the second map has loaded (its style images and layers may be added then). */
  onLoad?: (map: MapLibreMap) => void;
  /** Called with true while the second map has not yet drawn its first frame, false after. */
  onPending?: (pending: boolean) => void;
}

/** Where each map anchors the shared place, in its own pixels (see the header). */
export interface Anchors {
  main: number;
  second: number;
}

/** The screen y of a map's padded centre. */
function centreY(m: MapLibreMap): number {
  const p = m.getPadding();
  return ((p.top ?? 0) + m.getContainer().clientHeight - (p.bottom ?? 0)) / 2;
}

/** Moves `map` so that `place` shows at screen x `x` (its padded centre's height), with `camera`. */
function placeAt(
  map: MapLibreMap,
  place: LngLatLike,
  x: number,
  camera: { zoom?: number; bearing?: number; pitch?: number } = {},
): void {
  map.jumpTo({ ...camera, center: place });
  // The place now sits at the padded centre; shift it sideways to x.
  const p = map.getPadding();
  const cx = ((p.left ?? 0) + map.getContainer().clientWidth - (p.right ?? 0)) / 2;
  map.jumpTo({ center: map.unproject([2 * cx - x, centreY(map)]) });
}

/**
 * Moves the place at screen x `from` to x `to` and zooms by `dz`: going side by side, the main
 * map's view moves into the right pane, at half the scale (a pane is half as wide), and back.
 */
export function shiftView(map: MapLibreMap, from: number, to: number, dz: number): void {
  placeAt(map, map.unproject([from, centreY(map)]), to, { zoom: map.getZoom() + dz });
}

export class SecondMap {
  readonly map: MapLibreMap;
  readonly host: HTMLDivElement;
  private anchors: Anchors | (() => Anchors) = { main: 0, second: 0 };
  /** True while one map is being moved to follow the other (their move events must not echo). */
  private following = false;

  constructor(
    private readonly main: MapLibreMap,
    o: SecondMapOptions,
  ) {
    // Inside the main map's container, so it shares its size and screen scale.
    this.host = document.createElement('div');
    this.host.className = 'second-map';
    Object.assign(this.host.style, {
      position: 'absolute',
      top: '0',
      bottom: '0',
      left: '0',
      width: '100%',
      pointerEvents: o.interactive ? 'auto' : 'none',
      zIndex: '1',
    });
    main.getContainer().appendChild(this.host);
    o.onPending?.(true);
    this.map = new MapLibreMap({
      container: this.host,
      style: o.style,
      interactive: o.interactive,
      attributionControl: false,
      pixelRatio: (window.devicePixelRatio || 1) * (o.scale ?? 1),
      center: main.getCenter(),
      zoom: main.getZoom(),
      bearing: main.getBearing(),
      pitch: main.getPitch(),
      minZoom: main.getMinZoom(),
      maxZoom: main.getMaxZoom(),
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    const m = this.map;
    provideHatchImages(m);
    m.once('load', () => {
      addHatchImages(m);
      o.onLoad?.(m);
      this.follow();
      m.once('idle', () => o.onPending?.(false));
    });
    main.on('move', this.follow);
    if (o.interactive) m.on('move', this.lead);
  }

  /** The left pane's width as a share of the main map's (1 swiping: the clip does the rest). */
  setWidth(share: number): void {
    this.host.style.width = `${share * 100}%`;
    this.map.resize();
    this.follow();
  }

  /** Swiping: shows the second map only left of `x` (a share of the width), the main map right of it. */
  setClip(x: number | null): void {
    this.host.style.clipPath = x === null ? '' : `inset(0 ${(1 - x) * 100}% 0 0)`;
  }

  /** Fixed anchors, or a function for anchors that follow the main map's padding (the presentation). */
  setAnchors(a: Anchors | (() => Anchors)): void {
    this.anchors = a;
    this.follow();
  }

  private anchorsNow(): Anchors {
    return typeof this.anchors === 'function' ? this.anchors() : this.anchors;
  }

  /** The second map follows the main one. */
  readonly follow = (): void => {
    if (this.following) return;
    const main = this.main;
    const a = this.anchorsNow();
    const p = main.getPadding();
    const cy = centreY(main);
    const w = this.host.clientWidth;
    const x = a.second;
    this.following = true;
    this.map.jumpTo({
      center: main.unproject([a.main, cy]),
      zoom: main.getZoom(),
      bearing: main.getBearing(),
      pitch: main.getPitch(),
      // The same vertical padding (a tilted view keeps its horizon); the horizontal padding puts
      // the second map's centre at its anchor.
      padding: {
        top: p.top ?? 0,
        bottom: p.bottom ?? 0,
        left: Math.max(0, 2 * x - w),
        right: Math.max(0, w - 2 * x),
      },
    });
    this.following = false;
  };

  /** The main map follows the second one (split: people move either pane), when a person moves it. */
  private readonly lead = (e: { originalEvent?: unknown }): void => {
    // Programmatic moves of the second map (its own resize, following) never lead.
    if (this.following || !e.originalEvent) return;
    const a = this.anchorsNow();
    const place = this.map.unproject([a.second, centreY(this.map)]);
    this.following = true;
    placeAt(this.main, place, a.main, {
      zoom: this.map.getZoom(),
      bearing: this.map.getBearing(),
      pitch: this.map.getPitch(),
    });
    this.following = false;
  };

  /** Shows the same layer groups as the main map. */
  setGroups(groups: readonly { layerIds: readonly string[]; on: boolean }[]): void {
    for (const g of groups)
      for (const id of g.layerIds)
        if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', g.on ? 'visible' : 'none');
  }

  remove(): void {
    this.main.off('move', this.follow);
    this.map.off('move', this.lead);
    this.map.remove();
    this.host.remove();
  }
}
