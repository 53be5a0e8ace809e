/**
 * The public automation hook, `window.greenCircle`. Other people's tests and scripts use it:
 * it grows, it never breaks.
 *
 * - `map`: the MapLibre map (set once created).
 * - `ready`: resolves when the data is loaded and the map first becomes idle.
 * - `settled()`: resolves when no computation is pending and the map is idle.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface GreenCircleHook {
  map: MapLibreMap | null;
  ready: Promise<void>;
  settled: () => Promise<void>;
  /** Pending computations by name; features add and remove entries. */
  pending: Set<string>;
  /** The coverage tab's compare mode: the second (left-year) map while it is open, else null. */
  compareMap: MapLibreMap | null;
}

declare global {
  interface Window {
    greenCircle: GreenCircleHook;
  }
}

let resolveReady!: () => void;
let rejectReady!: (e: unknown) => void;
const ready = new Promise<void>((res, rej) => {
  resolveReady = res;
  rejectReady = rej;
});
// A load failure is shown on screen; don't also report it as an unhandled rejection.
ready.catch(() => undefined);

const waiters = new Set<() => void>();

function isSettled(h: GreenCircleHook): boolean {
  const m = h.map;
  const c = h.compareMap;
  const secondIdle = !c || (c.loaded() && !c.isMoving() && c.areTilesLoaded());
  return h.pending.size === 0 && !!m && m.loaded() && !m.isMoving() && m.areTilesLoaded() && secondIdle;
}

export const hook: GreenCircleHook = {
  map: null,
  compareMap: null,
  ready,
  pending: new Set(),
  settled() {
    return ready.then(
      () =>
        new Promise<void>((resolve) => {
          if (isSettled(hook)) return resolve();
          waiters.add(resolve);
          hook.map?.triggerRepaint();
        }),
    );
  },
};

/** Called by features when their pending set or the map's idleness may have changed. */
export function checkSettled(): void {
  if (!isSettled(hook)) return;
  for (const w of [...waiters]) {
    waiters.delete(w);
    w();
  }
}

export function markPending(name: string, on: boolean): void {
  if (on) hook.pending.add(name);
  else hook.pending.delete(name);
  if (!on) hook.map?.triggerRepaint();
  checkSettled();
}

export function attachMap(map: MapLibreMap): void {
  hook.map = map;
  map.on('idle', checkSettled);
}

/** The compare mode's second map (or null when it closes); settled() waits for it to be idle too. */
export function attachCompareMap(map: MapLibreMap | null): void {
  hook.compareMap = map;
  map?.on('idle', checkSettled);
  checkSettled();
}

export { resolveReady, rejectReady };

if (typeof window !== 'undefined') window.greenCircle = hook;
