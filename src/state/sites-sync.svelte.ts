/**
 * The site search's app-wide decisions, started once by the shell: its URL key, and when to search
 * (while the search is shown; again, cancelling the running one, whenever its parameters or the
 * coverage it starts from change).
 */
import { untrack } from 'svelte';
import { SITES_URL_KEY } from '../core/sites/sites-url';
import { app } from './app.svelte';
import { coverage } from './coverage.svelte';
import { markPending } from './hook';
import { sites } from './sites.svelte';

/** Debounce of parameter changes (k and size buttons may be pressed in quick succession). */
const DEBOUNCE_MS = 120;

export function startSitesSync(): () => void {
  sites.fromHash(app.extra);

  return $effect.root(() => {
    $effect(() => {
      const mine = sites.toHash();
      untrack(() => {
        const next: Record<string, string> = { ...app.extra };
        delete next[SITES_URL_KEY];
        Object.assign(next, mine);
        if (JSON.stringify(next) !== JSON.stringify(app.extra)) app.extra = next;
      });
    });

    $effect(() => {
      void sites.search;
      const cov = coverage.params;
      // Frames of a what-if being dragged are drafts: search once it is dropped.
      if (!sites.active || !app.data || cov.draft) return;
      markPending('sites-queued', true);
      const timer = setTimeout(() => {
        void sites.run();
        markPending('sites-queued', false);
      }, DEBOUNCE_MS);
      return () => {
        clearTimeout(timer);
        markPending('sites-queued', false);
      };
    });

    // Closing the search stops a running one.
    $effect(() => {
      if (!sites.active) untrack(() => sites.cancel());
    });
  });
}
