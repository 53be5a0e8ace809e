/**
 * Brings an extent into view at once: an import's features, so the planner sees what arrived.
 * The camera jumps (no animation), so the next settled() already reports the framed view.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function frameExtent(map: MapLibreMap, bbox: readonly [number, number, number, number]): void {
  if (!bbox.every(Number.isFinite)) return;
  map.fitBounds(
    [
      [bbox[0], bbox[1]],
      [bbox[2], bbox[3]],
    ],
    { padding: 60, maxZoom: 16, duration: 0 },
  );
}
