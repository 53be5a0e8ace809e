/**
 * Keeps the URL hash and the app state in step: state changes rewrite the hash in place (no
 * history entry per map move), and a hash typed, pasted or navigated to is applied to the state.
 */
import { parseHash } from '../core/url/hash';
import { app } from './app.svelte';

export function startUrlSync(): () => void {
  let lastWritten = '';

  const onHashChange = () => {
    if (location.hash === lastWritten) return;
    const h = parseHash(location.hash);
    app.applyHash(h);
    const m = app.map;
    if (m && h.route === 'map' && (h.center || h.zoom !== undefined)) {
      m.jumpTo({
        center: app.view.center,
        zoom: app.view.zoom,
        bearing: app.view.bearing,
        pitch: app.view.pitch,
      });
    }
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
