/**
 * Hover kept in step between two compared maps: the place under the pointer on one map is marked
 * on the other with a ring (side by side, the pointer is only ever over one of them).
 */
import { Marker, type Map as MapLibreMap, type MapMouseEvent } from 'maplibre-gl';

type LngLat = { lng: number; lat: number };

/** Calls `on` with the place under the pointer, and null when it leaves the map. */
export function watchHover(map: MapLibreMap, on: (p: LngLat | null) => void): () => void {
  const move = (e: MapMouseEvent) => on({ lng: e.lngLat.lng, lat: e.lngLat.lat });
  const out = () => on(null);
  map.on('mousemove', move);
  map.on('mouseout', out);
  return () => {
    map.off('mousemove', move);
    map.off('mouseout', out);
  };
}

/** A ring marking a place hovered on the other map. */
export class HoverRing {
  private readonly marker: Marker;
  private shown = false;

  constructor(private readonly map: MapLibreMap) {
    const el = document.createElement('div');
    el.className = 'hover-ring';
    el.dataset.testid = 'cmp-hover-ring';
    Object.assign(el.style, {
      width: '18px',
      height: '18px',
      borderRadius: '50%',
      border: '3px solid #111',
      boxShadow: '0 0 0 2px #fff',
      pointerEvents: 'none',
    });
    this.marker = new Marker({ element: el });
  }

  show(p: LngLat | null): void {
    if (!p) {
      if (this.shown) this.marker.remove();
      this.shown = false;
      return;
    }
    this.marker.setLngLat([p.lng, p.lat]);
    if (!this.shown) this.marker.addTo(this.map);
    this.shown = true;
  }

  remove(): void {
    this.marker.remove();
  }
}
