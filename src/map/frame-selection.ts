/**
 * Frames a selection (a plan project's pieces) clear of the side panel or bottom sheet, and only
 * when part of it is off-screen: a click on a road that is already in full view does not move the map.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bounds } from '../core/geodata/plan-extent';
import { paddingClearOf } from './panel-padding';
import { prefersReducedMotion } from './motion';

export function frameSelection(map: MapLibreMap, bounds: Bounds, panel: DOMRect | null): void {
  const box = map.getContainer().getBoundingClientRect();
  const padding = paddingClearOf(map, panel, { phone: 24, wide: 48 });
  const [[w, s], [e, n]] = bounds;
  const sw = map.project([w, s]);
  const ne = map.project([e, n]);
  const inView =
    Math.min(sw.x, ne.x) >= padding.left &&
    Math.max(sw.x, ne.x) <= box.width - padding.right &&
    Math.min(sw.y, ne.y) >= padding.top &&
    Math.max(sw.y, ne.y) <= box.height - padding.bottom;
  if (inView) return;
  map.fitBounds(bounds, {
    padding,
    // Never closer than now: framing a project zooms out to show it, it does not dive in.
    maxZoom: Math.max(map.getZoom(), 13),
    duration: prefersReducedMotion() ? 0 : 600,
  });
}
