/**
 * The site search on the map (issue 14): each ranked site as its park's disc (a fill layer) and a
 * DOM badge with its rank and marginal gain, and the land the planner marked as available. DOM
 * badges rather than symbol layers, as find-markers.ts: crisp, clickable, no glyphs needed.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { type GeoJSONSource, type Map as MapLibreMap, Marker } from 'maplibre-gl';
import { parkRadiusM } from '../core/coverage/park-radius';
import type { RankedSite } from '../core/sites/types';
import { paddingClearOf } from './panel-padding';
import type { Rect } from './view-padding';

export const SITES_FILL = 'sites-disc-fill';
export const SITES_LINE = 'sites-disc-line';
export const SITES_LAND = 'sites-land-fill';
const SRC_DISC = 'sites-disc';
const SRC_LAND = 'sites-land';
const COLOR = '#7048e8';
const GUESS_COLOR = '#e8590c';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** A circle of the park's area around [lng, lat] (equirectangular: parks are a few hundred metres). */
function disc(s: RankedSite): Feature<Polygon> {
  const r = parkRadiusM(s.areaM2);
  const dLat = r / 111_320;
  const dLng = dLat / Math.cos((s.lat * Math.PI) / 180);
  const ring: number[][] = [];
  for (let i = 0; i <= 32; i++) {
    const a = (2 * Math.PI * (i % 32)) / 32;
    ring.push([s.lng + dLng * Math.cos(a), s.lat + dLat * Math.sin(a)]);
  }
  return {
    type: 'Feature',
    properties: { rank: s.rank, guess: s.restsOnGuesses },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}

function badge(s: RankedSite, label: string, onClick: () => void): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = 'site-badge';
  el.dataset.testid = 'site-marker';
  el.dataset.rank = String(s.rank);
  el.dataset.gain = String(Math.round(s.gain));
  el.textContent = label;
  Object.assign(el.style, {
    padding: '3px 8px',
    borderRadius: '12px',
    border: '2px solid #fff',
    background: s.restsOnGuesses ? GUESS_COLOR : COLOR,
    color: '#fff',
    font: '700 12px/1.2 system-ui, sans-serif',
    whiteSpace: 'nowrap',
    boxShadow: '0 1px 4px rgba(0,0,0,.4)',
    cursor: 'pointer',
  });
  el.addEventListener('click', (e) => {
    e.stopPropagation();
    onClick();
  });
  return el;
}

export class SitesMapBinding {
  private markers: Marker[] = [];

  constructor(
    private readonly map: MapLibreMap,
    private readonly onSiteClicked: (rank: number) => void,
  ) {}

  /**
   * Sources and layers, added on first use (the style has loaded by the time there is anything to
   * draw). Nothing to draw adds nothing: empty sources at load are tiles to cut before the first idle.
   */
  private ensure(empty: boolean) {
    const m = this.map;
    if (empty && !m.getSource(SRC_DISC)) return;
    // Before the style's first load nothing can be added; the next call adds it.
    if (!m.style || !m.isStyleLoaded()) return;
    if (!m.getSource(SRC_DISC)) m.addSource(SRC_DISC, { type: 'geojson', data: EMPTY });
    if (!m.getSource(SRC_LAND)) m.addSource(SRC_LAND, { type: 'geojson', data: EMPTY });
    if (!m.getLayer(SITES_LAND))
      m.addLayer({
        id: SITES_LAND,
        type: 'fill',
        source: SRC_LAND,
        paint: { 'fill-color': '#74c0fc', 'fill-opacity': 0.35, 'fill-outline-color': '#1971c2' },
      });
    if (!m.getLayer(SITES_FILL))
      m.addLayer({
        id: SITES_FILL,
        type: 'fill',
        source: SRC_DISC,
        paint: {
          'fill-color': ['case', ['get', 'guess'], GUESS_COLOR, COLOR],
          'fill-opacity': 0.3,
        },
      });
    if (!m.getLayer(SITES_LINE))
      m.addLayer({
        id: SITES_LINE,
        type: 'line',
        source: SRC_DISC,
        paint: { 'line-color': COLOR, 'line-width': 2, 'line-dasharray': [2, 1] },
      });
  }

  /** The ranked sites, each labelled by `label(site)` (rank and marginal gain). */
  showSites(list: readonly RankedSite[], label: (s: RankedSite) => string) {
    this.ensure(list.length === 0);
    for (const m of this.markers) m.remove();
    this.markers = list.map((s) =>
      new Marker({ element: badge(s, label(s), () => this.onSiteClicked(s.rank)), anchor: 'bottom' })
        .setLngLat([s.lng, s.lat])
        .addTo(this.map),
    );
    (this.map.getSource(SRC_DISC) as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: list.map(disc),
    });
  }

  showLand(rings: readonly number[][][]) {
    this.ensure(rings.length === 0);
    (this.map.getSource(SRC_LAND) as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: rings.map((ring) => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [ring] },
      })),
    });
  }

  flyTo(lng: number, lat: number, panel: Rect | null) {
    this.map.easeTo({
      center: [lng, lat],
      zoom: Math.max(this.map.getZoom(), 14),
      padding: this.padding(panel),
    });
  }

  private padding(panel: Rect | null) {
    // Badges stand above their site: a larger margin keeps them whole.
    return paddingClearOf(this.map, panel, { phone: 40, wide: 70 });
  }

  /** Frames all sites clear of the side panel (its client rectangle, or null). */
  fit(list: readonly RankedSite[], panel: Rect | null) {
    if (list.length === 0) return;
    const lngs = list.map((s) => s.lng),
      lats = list.map((s) => s.lat);
    this.map.fitBounds(
      [
        [Math.min(...lngs), Math.min(...lats)],
        [Math.max(...lngs), Math.max(...lats)],
      ],
      { padding: this.padding(panel), maxZoom: 14, duration: 0 },
    );
  }

  remove() {
    for (const m of this.markers) m.remove();
    this.markers = [];
    for (const id of [SITES_LINE, SITES_FILL, SITES_LAND])
      if (this.map.getLayer(id)) this.map.removeLayer(id);
    for (const id of [SRC_DISC, SRC_LAND]) if (this.map.getSource(id)) this.map.removeSource(id);
  }
}
