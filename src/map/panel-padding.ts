/**
 * Camera padding clear of a panel given in client coordinates (as the UI measures it): the panel is
 * moved into the map container's own pixels, then the pure solver (./view-padding.ts) does the rest.
 * Phones (a container under 500 px wide) get their own margin.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { viewPadding, type Padding, type Rect } from './view-padding';

export function paddingClearOf(
  map: MapLibreMap,
  panel: Rect | null,
  margin: { phone: number; wide: number },
): Padding {
  const box = map.getContainer().getBoundingClientRect();
  const rel: Rect | null = panel && {
    left: panel.left - box.left,
    top: panel.top - box.top,
    right: panel.right - box.left,
    bottom: panel.bottom - box.top,
  };
  return viewPadding(
    rel,
    { width: box.width, height: box.height },
    box.width < 500 ? margin.phone : margin.wide,
  );
}
