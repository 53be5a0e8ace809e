/**
 * When the map counts as idle for window.greenCircle.settled() (state/hook.ts): loaded, not
 * moving, and every tile in. The hook takes it as its `MapIdleness` (map/ never imports state/).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function mapIdleness(map: MapLibreMap): {
  idle: () => boolean;
  repaint: () => void;
  onIdle: (listener: () => void) => void;
} {
  return {
    idle: () => map.loaded() && !map.isMoving() && map.areTilesLoaded(),
    repaint: () => map.triggerRepaint(),
    onIdle: (listener) => map.on('idle', listener),
  };
}
