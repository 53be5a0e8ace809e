/**
 * The ranked sites' badges (map/sites-binding.ts) at the presentation's size. While presenting,
 * the map's container is scaled up by k (screen-scale.ts), and the badges inside it with it: their
 * type is set to `screenPx` ÷ k, so on screen it is `screenPx` (labels ≥ 1/40 of the height).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function sizeSiteBadges(map: MapLibreMap, screenPx: number): void {
  const el = map.getContainer();
  const k = el.clientWidth ? el.getBoundingClientRect().width / el.clientWidth : 1;
  const px = screenPx / (k || 1);
  for (const b of el.querySelectorAll<HTMLElement>('.site-badge'))
    Object.assign(b.style, {
      fontSize: `${px}px`,
      padding: `${px * 0.15}px ${px * 0.4}px`,
      borderRadius: `${px * 0.6}px`,
      borderWidth: `${Math.max(2, px * 0.1)}px`,
    });
}
