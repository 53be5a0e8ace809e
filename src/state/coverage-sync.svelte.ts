/**
 * The coverage feature's app-wide decisions, started once by the shell whichever tab is open: its
 * URL keys, when to compute (only when someone looks: the tab is open, a coverage layer is shown,
 * or what-if parks exist), its layer groups and legend, and which click tool the tab arms.
 */
import { untrack } from 'svelte';
import { app } from './app.svelte';
import { coverage } from './coverage.svelte';
import { markPending } from './hook';
import { POINT_TOOL, view, WHATIF_DRAW_TOOL, WHATIF_TOOL } from './coverage-view.svelte';
import { COVERAGE_GROUP, coverageGroups } from '../map/coverage-groups';

/** The URL keys this feature owns (scenario, speed, bands, smallest park, what-ifs). */
export const COVERAGE_KEYS = ['s', 'sp', 'bd', 'ma', 'wi'];
/** Debounce of parameter changes (the speed slider fires on every step). */
const DEBOUNCE_MS = 70;
const MAP_GROUPS = [COVERAGE_GROUP.bands, COVERAGE_GROUP.gaps, COVERAGE_GROUP.radius, COVERAGE_GROUP.roads];

/** Whether a coverage layer is on the map. */
export const coverageShown = () => MAP_GROUPS.some((id) => app.visible[id]);

export function startCoverageSync(): () => void {
  // The URL's coverage keys, once at start (the URL wins over defaults).
  coverage.fromHash(app.extra);
  for (const g of coverageGroups(coverage.bands)) app.registerGroup(g);
  if (app.visible[COVERAGE_GROUP.radius] && !app.visible[COVERAGE_GROUP.bands]) coverage.method = 'radius';

  return $effect.root(() => {
    const active = $derived(
      app.route === 'map' && (app.tab === 'coverage' || coverageShown() || coverage.whatIfs.length > 0),
    );

    // The first time the tab opens with no coverage layer on, show the bands and gaps.
    let opened = false;
    $effect(() => {
      if (app.tab !== 'coverage' || opened) return;
      opened = true;
      untrack(() => {
        if (coverageShown()) return;
        app.setVisible(coverage.method === 'radius' ? COVERAGE_GROUP.radius : COVERAGE_GROUP.bands, true);
        app.setVisible(COVERAGE_GROUP.gaps, true);
      });
    });

    // Parameters into the URL (other features' keys are left alone).
    $effect(() => {
      const mine = coverage.toHash();
      untrack(() => {
        const next: Record<string, string> = { ...app.extra };
        for (const k of COVERAGE_KEYS) delete next[k];
        Object.assign(next, mine);
        if (JSON.stringify(next) !== JSON.stringify(app.extra)) app.extra = next;
      });
    });

    // The roads-by-walk-time lines are computed only while that layer is on.
    $effect(() => {
      coverage.roadTimes = !!app.visible[COVERAGE_GROUP.roads];
    });

    // Recompute on any parameter change, lightly debounced; pending until it starts so settled() waits.
    $effect(() => {
      void coverage.params;
      if (!active || !app.data) return;
      markPending('coverage-queued', true);
      const timer = setTimeout(() => {
        void coverage.compute();
        markPending('coverage-queued', false);
      }, DEBOUNCE_MS);
      return () => {
        clearTimeout(timer);
        markPending('coverage-queued', false);
      };
    });

    // Legend rows follow the band minutes.
    $effect(() => {
      const groups = coverageGroups(coverage.bands);
      untrack(() => {
        app.groups = app.groups.map((g) => groups.find((x) => x.id === g.id) ?? g);
      });
    });

    // On the coverage tab a map click asks "how far from here?" (feature picking pauses); leaving
    // the tab ends placing and gives clicks back.
    $effect(() => {
      const onTab = app.tab === 'coverage' && app.route === 'map';
      const tool = app.clickTool;
      if (onTab && tool === null) app.clickTool = POINT_TOOL;
      else if (!onTab && (tool === POINT_TOOL || tool === WHATIF_TOOL || tool === WHATIF_DRAW_TOOL)) {
        view.draft = [];
        app.clickTool = null;
      }
    });
  });
}
