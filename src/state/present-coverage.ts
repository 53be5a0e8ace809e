/**
 * The coverage the presentation needs, computed once in its own coverage worker: both scenarios'
 * statistics (2014 as built, 2015 plan) for the slide's figures, and both scenarios' 15-minute
 * bands for the side-by-side map. The worker is stopped when done; the app's own coverage view is
 * left untouched. It gets the same layers and default parameters as the coverage view, so the
 * slide's figures are the ones a planner sees there.
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { BandProps } from '../core/coverage/bands';
import type { ReportScenario as Scenario } from '../core/coverage/types';
import { coverageFigures } from '../core/story/geodata-figures';
import type { ComputedFigures } from '../core/story/figures';
import { spawnCoverageWorker } from '../worker/spawn';
import type { GeoData } from './geodata';
import { coverageInput } from './coverage-input';

export type Bands = FeatureCollection<MultiPolygon, BandProps>;

export interface PresentCoverage {
  figures: ComputedFigures;
  bands: Record<Scenario, Bands>;
}

/** The circle the story speaks of: 15 minutes. */
const LIMIT_MIN = 15;

/** @param data the app's loaded (and possibly imported) geodata, as the coverage view uses it */
export async function computePresentCoverage(data: GeoData): Promise<PresentCoverage> {
  const layers = await coverageInput(data);
  const client = spawnCoverageWorker();
  try {
    await client.send('init', { layers });
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
  } finally {
    client.terminate();
  }
}
