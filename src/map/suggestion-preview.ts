/**
 * "Suggest" previews its sites before anything is placed: each as a dashed ring of the park's
 * area and a dashed badge with its rank and expected gain. Dashed and white, unlike a placed
 * what-if park (solid green, draggable) and the site search's purple badges, so a preview is never
 * mistaken for a park that counts. Placing is the panel's separate step; an empty list removes all.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { type GeoJSONSource, type Map as MapLibreMap, Marker } from 'maplibre-gl';
import { parkRadiusM } from '../core/coverage/park-radius';
import { WHATIF_LINE } from './coverage-groups';

export const PREVIEW_SOURCE = 'cov-suggest';
export const PREVIEW_LAYERS = ['cov-suggest-fill', 'cov-suggest-line'] as const;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** The rank disc's diameter, px: the marker is anchored on its centre. */
const DISC_PX = 30;

export interface PreviewSite {
  rank: number;
  lng: number;
  lat: number;
  areaM2: number;
  /** People newly within the largest band (for tests and screen readers). */
  gain: number;
  /** The badge's text: the expected gain, in the interface's language. */
  label: string;
}

function ring(s: PreviewSite): Feature<Polygon> {
  // At least 120 m across, so a 0.3 ha suggestion stays visible at the zone's zoom.
  const r = Math.max(60, parkRadiusM(s.areaM2));
  const dLat = r / 111_320;
  const dLng = dLat / Math.cos((s.lat * Math.PI) / 180);
  const coords: number[][] = [];
  for (let i = 0; i <= 40; i++) {
    const a = (2 * Math.PI * (i % 40)) / 40;
    coords.push([s.lng + dLng * Math.cos(a), s.lat + dLat * Math.sin(a)]);
  }
  return {
    type: 'Feature',
    properties: { rank: s.rank },
    geometry: { type: 'Polygon', coordinates: [coords] },
  };
}

function badge(s: PreviewSite): HTMLElement {
  const el = document.createElement('div');
  el.className = 'suggest-preview';
  el.dataset.testid = 'cov-suggestion-marker';
  el.dataset.rank = String(s.rank);
  el.dataset.gain = String(Math.round(s.gain));
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', s.label);
  Object.assign(el.style, { display: 'flex', alignItems: 'center', gap: '4px', pointerEvents: 'none' });
  const disc = document.createElement('span');
  disc.textContent = String(s.rank);
  Object.assign(disc.style, {
    width: `${DISC_PX}px`,
    height: `${DISC_PX}px`,
    boxSizing: 'border-box',
    borderRadius: '50%',
    border: `3px dashed ${WHATIF_LINE}`,
    background: 'rgba(255,255,255,.92)',
    color: WHATIF_LINE,
    font: '700 14px/24px system-ui, sans-serif',
    textAlign: 'center',
  });
  const text = document.createElement('span');
  text.textContent = s.label;
  Object.assign(text.style, {
    padding: '2px 7px',
    borderRadius: '10px',
    border: `1.5px dashed ${WHATIF_LINE}`,
    background: 'rgba(255,255,255,.92)',
    color: '#1b4d2a',
    font: '600 12px/1.3 system-ui, sans-serif',
    whiteSpace: 'nowrap',
  });
  el.append(disc, text);
  return el;
}

export class SuggestionPreview {
  private markers: Marker[] = [];

  constructor(private readonly map: MapLibreMap) {}

  private ensure(): boolean {
    const m = this.map;
    if (!m.style || !m.isStyleLoaded()) return false;
    if (!m.getSource(PREVIEW_SOURCE)) m.addSource(PREVIEW_SOURCE, { type: 'geojson', data: EMPTY });
    if (!m.getLayer(PREVIEW_LAYERS[0]))
      m.addLayer({
        id: PREVIEW_LAYERS[0],
        type: 'fill',
        source: PREVIEW_SOURCE,
        paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.35 },
      });
    if (!m.getLayer(PREVIEW_LAYERS[1]))
      m.addLayer({
        id: PREVIEW_LAYERS[1],
        type: 'line',
        source: PREVIEW_SOURCE,
        paint: { 'line-color': WHATIF_LINE, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
      });
    return true;
  }

  show(list: readonly PreviewSite[]): void {
    for (const mk of this.markers) mk.remove();
    this.markers = list.map((s) =>
      new Marker({ element: badge(s), anchor: 'left', offset: [-DISC_PX / 2, 0] })
        .setLngLat([s.lng, s.lat])
        .addTo(this.map),
    );
    if (list.length === 0 && !this.map.getSource(PREVIEW_SOURCE)) return;
    if (!this.ensure()) return;
    (this.map.getSource(PREVIEW_SOURCE) as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: list.map(ring),
    });
  }

  remove(): void {
    for (const mk of this.markers) mk.remove();
    this.markers = [];
  }
}
