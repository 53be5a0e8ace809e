/**
 * The service worker (built by vite-plugin-pwa, registered here with workbox-window): after one
 * visit the whole app, fonts and geodata included, loads with no network. A new version waits
 * until the user accepts it; it is never applied on its own, and never announced during a
 * presentation (the prompt checks the route).
 */
import { Workbox } from 'workbox-window';
import { hook } from './hook';

class OfflineState {
  /** A new version is installed and waiting for the user's go-ahead. */
  updateWaiting = $state(false);
  /** The app is cached for offline use. */
  cached = $state(false);
}

export const offline = new OfflineState();

let wb: Workbox | null = null;
let accepted = false;

/**
 * Registers the service worker once the map has first become idle (or failed to load), in the
 * page's next idle moment. Installing it precaches the whole app, about 20 MB (fonts, geodata, the
 * walk graphs): begun at the first paint, that download and its storage competed with the map's
 * first draw for the CPU and the disk (as Workbox advises, registration waits for the page's load).
 */
export function registerServiceWorker(): void {
  // Development serves modules from Vite; only the production build has a service worker.
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const idle = (run: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(run, { timeout: 2000 })
      : setTimeout(run, 200);
  hook.ready.then(
    () => idle(register),
    () => idle(register),
  );
}

function register(): void {
  wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  wb.addEventListener('waiting', () => (offline.updateWaiting = true));
  wb.addEventListener('activated', (e) => {
    if (!e.isUpdate) offline.cached = true;
  });
  wb.addEventListener('controlling', (e) => {
    // Reload only for an update the user asked for; the first install just takes control.
    if (e.isUpdate && accepted) location.reload();
  });
  wb.register().then(
    (reg) => {
      if (reg?.active) offline.cached = true;
    },
    (e: unknown) => console.warn('service worker not registered', e),
  );
}

/** Applies the waiting version: the new worker takes over and the page reloads once. */
export function applyUpdate(): void {
  if (!wb) return;
  accepted = true;
  offline.updateWaiting = false;
  wb.messageSkipWaiting();
}

/** Hides the prompt for now; the new version then applies at the next start. */
export function postponeUpdate(): void {
  offline.updateWaiting = false;
}
