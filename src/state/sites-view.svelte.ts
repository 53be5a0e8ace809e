/**
 * The site search's map interactions: drawing "available land" (with the coverage view's polygon
 * tool, its finished ring handed to the search instead of becoming a what-if park) and where the
 * camera should go when a site in the list is chosen.
 */
import { app } from './app.svelte';
import { view, WHATIF_DRAW_TOOL } from './coverage-view.svelte';
import { sites } from './sites.svelte';

class SitesView {
  /** A camera request: a site to go to (n makes a repeated request for the same site a new one). */
  camera = $state.raw<{ lng: number; lat: number; n: number } | null>(null);
  private requests = 0;

  drawing = $derived(app.clickTool === WHATIF_DRAW_TOOL && view.onRing !== null);

  startLand() {
    view.startDrawing((ring) => sites.addLand(ring));
  }

  finishLand() {
    view.finishDrawing();
  }

  stopLand() {
    view.stopPlacing();
  }

  focus(rank: number) {
    const s = sites.ranking?.sites.find((x) => x.rank === rank);
    if (s) this.camera = { lng: s.lng, lat: s.lat, n: ++this.requests };
  }
}

export const sitesView = new SitesView();
