/**
 * The presentation's "where should the next parks go" chapter (issue 14): the k best sites for new
 * parks from today's coverage (default parameters), and a plan step's new parks measured against
 * the best sites of the same number and size. Both computed live, once, by the app's one coverage
 * worker with plain `send`s (the coverage tab's own searches are not cancelled); settled() waits
 * for them ('present-sites').
 */
import type { FeatureCollection } from 'geojson';
import type { Scenario, Areal } from '../core/coverage/types';
import type { PlanComparison } from '../core/sites/plan-vs-best';
import type { SiteRanking } from '../core/sites/types';
import type { Sites } from '../core/story/schema';
import { app } from './app.svelte';
import { coverage } from './coverage.svelte';
import { markPending } from './hook';

/** The coverage the best sites start from: today, what residents have now. */
const FROM: Scenario = 'today';

class PresentSites {
  ranking = $state.raw<SiteRanking | null>(null);
  plan = $state.raw<PlanComparison | null>(null);
  error = $state<string | null>(null);
  /** 0–1 while the search runs. */
  progress = $state<number | null>(null);
  private started = new Map<string, Promise<void>>();

  /** Starts the search and the comparison for these parameters once. */
  load(p: Sites): Promise<void> {
    const key = JSON.stringify(p);
    let run = this.started.get(key);
    if (!run) {
      run = this.compute(p);
      this.started.set(key, run);
    }
    return run;
  }

  private async compute(p: Sites) {
    markPending('present-sites', true);
    this.progress = 0;
    try {
      const client = await coverage.worker();
      const landUse = app.data?.industry as FeatureCollection<Areal, { kind?: string } | null> | undefined;
      const r = await client.send(
        'sites',
        {
          coverage: { scenario: FROM, roadTimes: false, draft: false, compare: false },
          k: p.k,
          areaM2: p.area_ha * 10_000,
          landUse,
        },
        { onProgress: (x) => (this.progress = x.fraction) },
      );
      this.ranking = r.rankings.find((x) => x.group === 'all') ?? r.rankings[0] ?? null;
      this.plan = await client.send('planVsBest', {
        coverage: { scenario: p.plan.after as Scenario, roadTimes: false, draft: false, compare: false },
        before: { scenario: p.plan.before as Scenario },
        landUse,
      });
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.progress = null;
      markPending('present-sites', false);
    }
  }
}

export const presentSites = new PresentSites();
