/**
 * The DOM markers of "near me" and search: the walk's origin (draggable, to fine-tune where "here"
 * is), a pin on the chosen place, and numbered badges at the end of each route that match the list.
 * DOM markers rather than symbol layers: they stay crisp, take taps and need no glyphs.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { ROUTE_COLOR } from './route-layers';

export interface FindMarkers {
  setOrigin(p: [number, number] | null, label: string): void;
  setPlace(p: [number, number] | null, label: string): void;
  setParks(ends: readonly { at: [number, number]; label: string }[], selected: number): void;
  remove(): void;
}

export interface FindMarkerHandlers {
  onOriginDragged: (p: [number, number]) => void;
  onParkClicked: (index: number) => void;
}

function originElement(): HTMLElement {
  const el = document.createElement('div');
  el.className = 'find-origin';
  el.dataset.testid = 'find-origin';
  // A 44 px target around a 20 px dot: easy to grab with a finger.
  Object.assign(el.style, {
    width: '44px',
    height: '44px',
    display: 'grid',
    placeItems: 'center',
    cursor: 'grab',
  });
  const dot = document.createElement('div');
  Object.assign(dot.style, {
    width: '20px',
    height: '20px',
    borderRadius: '50%',
    background: ROUTE_COLOR,
    border: '3px solid #fff',
    boxShadow: '0 0 0 2px rgba(21,101,192,.35), 0 1px 4px rgba(0,0,0,.4)',
  });
  el.append(dot);
  return el;
}

function parkElement(n: number, onClick: () => void): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = 'find-park-badge';
  el.dataset.rank = String(n);
  el.textContent = String(n);
  // A 28 px badge inside a 44 px touch target: the transparent border takes taps, the fill and the
  // white ring (inset shadow) stay within the badge.
  Object.assign(el.style, {
    width: '44px',
    height: '44px',
    boxSizing: 'border-box',
    borderRadius: '50%',
    border: '8px solid transparent',
    backgroundClip: 'padding-box',
    color: '#fff',
    font: '700 15px/1 system-ui, sans-serif',
    boxShadow: 'inset 0 0 0 2px #fff',
    filter: 'drop-shadow(0 1px 2px rgba(0,0,0,.45))',
    cursor: 'pointer',
    padding: '0',
  });
  el.addEventListener('click', (e) => {
    e.stopPropagation();
    onClick();
  });
  return el;
}

export function createFindMarkers(map: MapLibreMap, h: FindMarkerHandlers): FindMarkers {
  let origin: Marker | null = null;
  let place: Marker | null = null;
  let parks: Marker[] = [];

  return {
    setOrigin(p, label) {
      if (!p) {
        origin?.remove();
        origin = null;
        return;
      }
      if (!origin) {
        origin = new Marker({ element: originElement(), draggable: true }).setLngLat(p).addTo(map);
        origin.on('dragend', () => {
          const ll = origin!.getLngLat();
          h.onOriginDragged([ll.lng, ll.lat]);
        });
      } else origin.setLngLat(p);
      origin.getElement().setAttribute('aria-label', label);
      origin.getElement().title = label;
    },
    setPlace(p, label) {
      if (!p) {
        place?.remove();
        place = null;
        return;
      }
      if (!place) {
        place = new Marker({ color: '#e8730c' }).setLngLat(p).addTo(map);
        place.getElement().dataset.testid = 'find-place-pin';
      } else place.setLngLat(p);
      place.getElement().setAttribute('aria-label', label);
      place.getElement().title = label;
    },
    setParks(ends, selected) {
      for (const m of parks) m.remove();
      parks = ends.map((e, i) => {
        const el = parkElement(i + 1, () => h.onParkClicked(i));
        el.style.backgroundColor = i === selected ? ROUTE_COLOR : '#5c7fa8';
        el.style.zIndex = i === selected ? '2' : '1';
        el.setAttribute('aria-label', e.label);
        el.title = e.label;
        return new Marker({ element: el }).setLngLat(e.at).addTo(map);
      });
    },
    remove() {
      origin?.remove();
      place?.remove();
      for (const m of parks) m.remove();
      origin = place = null;
      parks = [];
    },
  };
}
