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

/** What settling asks of the map (map/idleness.ts answers with MapLibre's calls). */
export interface MapIdleness {
  /** Loaded, not moving, every tile in. */
  idle(): boolean;
  /** Asks for a frame, so an idle event follows even when nothing else changes. */
  repaint(): void;
  onIdle(listener: () => void): void;
}

const waiters = new Set<() => void>();
let idleness: MapIdleness | null = null;
/** The compare mode's second map, while it is open: settled() waits for it too. */
let compareIdleness: MapIdleness | null = null;

function isSettled(h: GreenCircleHook): boolean {
  return h.pending.size === 0 && !!idleness?.idle() && (!compareIdleness || compareIdleness.idle());
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
          idleness?.repaint();
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
  if (!on) idleness?.repaint();
  checkSettled();
}

export function attachMap(map: MapLibreMap, mapIdleness: MapIdleness): void {
  hook.map = map;
  idleness = mapIdleness;
  idleness.onIdle(checkSettled);
}

/** The compare mode's second map (or null when it closes); settled() waits for it to be idle too. */
export function attachCompareMap(map: MapLibreMap | null, mapIdleness: MapIdleness | null): void {
  hook.compareMap = map;
  compareIdleness = mapIdleness;
  compareIdleness?.onIdle(checkSettled);
  checkSettled();
}

export { resolveReady, rejectReady };

if (typeof window !== 'undefined') window.greenCircle = hook;
