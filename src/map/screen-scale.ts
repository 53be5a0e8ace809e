/**
 * Makes the map look the same from the back of the room on any screen. The story's cameras are
 * framed for a 1920×1080 view; the map's lines and labels are sized in CSS pixels, which are tiny
 * on a 4K screen at 100 % scaling and too thin for a projector. So while presenting, the map's
 * container is laid out at 1/k of the screen and scaled up by k with a CSS transform, and MapLibre
 * renders at k × devicePixelRatio so the result stays sharp. Lines and labels grow by k; the
 * camera's zoom is shifted so the same area stays in view.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The design frame of story.json cameras, in CSS pixels. */
export const FRAME = { width: 1920, height: 1080 };
/** Map type and lines are this much larger than on a desk at 1080p, for reading at ~5 m. */
export const DISTANCE_BOOST = 1.35;

/** The factor k for a screen of `w` × `h` CSS pixels (never below 1: no shrinking). */
export function screenScale(w: number, h: number): number {
  return Math.max(1, DISTANCE_BOOST * Math.min(w / FRAME.width, h / FRAME.height));
}

/** Zoom shift so a map of `w` × `h` (its own CSS pixels, after scaling) shows the frame's area. */
export function zoomOffset(w: number, h: number): number {
  return Math.log2(Math.min(w / FRAME.width, h / FRAME.height));
}

/** Applies the scale k to the map and returns a function restoring it. */
export function applyScreenScale(map: MapLibreMap, k: number): () => void {
  const el = map.getContainer();
  const before = el.getAttribute('style');
  const dpr = window.devicePixelRatio || 1;
  if (k !== 1) {
    Object.assign(el.style, {
      right: 'auto',
      bottom: 'auto',
      width: `${100 / k}%`,
      height: `${100 / k}%`,
      transform: `scale(${k})`,
      transformOrigin: '0 0',
    });
  }
  map.setPixelRatio(dpr * k);
  map.resize();
  return () => {
    if (before === null) el.removeAttribute('style');
    else el.setAttribute('style', before);
    map.setPixelRatio(dpr);
    map.resize();
  };
}
