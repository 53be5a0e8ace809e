/**
 * Asks the browser for the resident's position and hands the answer (or why there is none) to the
 * find state, which decides what follows.
 */
import { find } from '../../state/find.svelte';

/** How long the browser may look for a position before we fall back to tapping, ms. */
const GEO_TIMEOUT_MS = 12_000;

export function locate(): void {
  if (typeof navigator === 'undefined' || !navigator.geolocation)
    return find.locateFailed('find.geo.unsupported');
  find.locating();
  navigator.geolocation.getCurrentPosition(
    (pos) => find.located([pos.coords.longitude, pos.coords.latitude]),
    (err) =>
      find.locateFailed(
        err.code === err.PERMISSION_DENIED
          ? 'find.geo.denied'
          : err.code === err.TIMEOUT
            ? 'find.geo.timeout'
            : 'find.geo.unavailable',
      ),
    { enableHighAccuracy: true, timeout: GEO_TIMEOUT_MS, maximumAge: 60_000 },
  );
}
