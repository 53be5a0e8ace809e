/**
 * Keeps the URL hash and the app state in step: state changes rewrite the hash in place (no
 * history entry per map move), and a hash typed, pasted or navigated to is applied to the state.
 */
import { parseHash } from '../core/url/hash';
import { app } from './app.svelte';

/** Counts hashes typed, pasted or navigated to that carry a camera: the map then jumps to app.view. */
export const urlCamera = $state({ seq: 0 });

export function startUrlSync(): () => void {
  let lastWritten = '';

  const onHashChange = () => {
    if (location.hash === lastWritten) return;
    const h = parseHash(location.hash);
    app.applyHash(h);
    if (h.route === 'map' && (h.center || h.zoom !== undefined)) urlCamera.seq++;
  };
  window.addEventListener('hashchange', onHashChange);

  const stop = $effect.root(() => {
    $effect(() => {
      const next = app.toHash();
      if (next === location.hash) return;
      lastWritten = next;
      history.replaceState(history.state, '', next);
    });
  });

  return () => {
    window.removeEventListener('hashchange', onHashChange);
    stop();
  };
}
