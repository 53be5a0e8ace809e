/**
 * The coverage the presentation needs, computed once by the app's one coverage worker (the one the
 * coverage view uses, given the same layers): both scenarios' statistics (2014 as built, 2015 plan)
 * at the default parameters for the slide's figures, and both scenarios' 15-minute bands for the
 * side-by-side map. Plain `send`s, so the coverage view's own latest request is not cancelled, and
 * its result and parameters are left untouched.
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { BandProps } from '../core/coverage/bands';
import type { ReportScenario as Scenario } from '../core/coverage/types';
import { coverageFigures } from '../core/story/geodata-figures';
import type { ComputedFigures } from '../core/story/figures';
import type { CoverageClient } from '../worker/client';

export type Bands = FeatureCollection<MultiPolygon, BandProps>;

export interface PresentCoverage {
  figures: ComputedFigures;
  bands: Record<Scenario, Bands>;
}

/** The circle the story speaks of: 15 minutes. */
const LIMIT_MIN = 15;

/** @param client the coverage worker, initialised with the app's layers */
export async function computePresentCoverage(client: Pick<CoverageClient, 'send'>): Promise<PresentCoverage> {
  const plan = await client.send('compute', { scenario: '2015', roadTimes: false, compare: true });
  const built = await client.send('compute', { scenario: '2014', roadTimes: false, compare: false });
  const s = plan.scenarioStats;
  const band = (scenario: Scenario) => s?.[scenario].bands.find((b) => b.minutes === LIMIT_MIN);
  const b14 = band('2014');
  const b15 = band('2015');
  const delta = plan.planDelta?.bands.find((b) => b.minutes === LIMIT_MIN);
  const figures =
    s && b14 && b15 && delta
      ? coverageFigures({
          covered2014: b14.population,
          covered2015: b15.population,
          population: s['2015'].totalPopulation,
          // The plan only adds roads and green spaces, so nobody loses access: the net gain is
          // the number of people newly within 15 minutes.
          newlyCovered: Math.max(0, delta.population),
        })
      : coverageFigures({ covered2014: 0, covered2015: 0, population: 0, newlyCovered: 0 });
  return { figures, bands: { '2014': built.bands, '2015': plan.bands } };
}
