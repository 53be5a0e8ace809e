/**
 * Everything one search needs from the coverage engine, gathered once: the scenario model, the
 * starting source set and access grid, the residents, the candidate sites and their parks (prepared
 * on first use, shared by every ranking of the request), and the guess flags of roads and blocks.
 * Only the engine's public methods are used, so a faster search there is a faster search here.
 */
import type { AccessGrid } from '../coverage/grid';
import type { ScenarioModel } from '../coverage/model';
import type { CoverageEngine } from '../coverage/pipeline';
import type { ResidentialRaster } from '../coverage/residential';
import type { SourceSet } from '../coverage/source-set';
import { prepareWhatIf } from '../coverage/whatif';
import { type Candidate, candidateSites } from './candidates';
import { type GuessFlags, type SitePark, sitePark } from './coverage-gain';
import { guessedBlocks, guessedRoads } from './guessed';
import { type LandRules, landMask } from './land-mask';

export interface SiteContext {
  model: ScenarioModel;
  residential: ResidentialRaster;
  flags: GuessFlags;
  candidates: Candidate[];
  areaM2: number;
  radius: number;
  park(i: number): SitePark;
  /** Candidates whose parks would overlap candidate i's. */
  conflicts(i: number): number[];
}

export interface StartingCoverage {
  set: SourceSet;
  grid: AccessGrid;
}

type SiteRules = LandRules & { areaM2: number; spacingM: number; availableLand: readonly number[][][] };

/**
 * Contexts of recent requests per scenario model: changing k or adding the elderly ranking reuses
 * the candidates and their prepared parks. A few entries only (each holds thousands of parks).
 */
const recent = new WeakMap<ScenarioModel, Map<string, SiteContext>>();
const RECENT_CONTEXTS = 3;

export function siteContext(
  engine: CoverageEngine,
  model: ScenarioModel,
  cellM: number,
  extraGreens: SourceSet['greens'],
  rules: SiteRules,
): SiteContext {
  const key = JSON.stringify([
    cellM,
    rules.areaM2,
    rules.spacingM,
    rules.allowCampus,
    rules.allowIndustrial,
    rules.availableLand,
    rules.landUse ?? null,
    extraGreens.map((g) => [g.ref.id, g.ref.area_m2, Array.from(g.polys[0][0].subarray(0, 2))]),
  ]);
  let byKey = recent.get(model);
  if (!byKey) recent.set(model, (byKey = new Map()));
  let ctx = byKey.get(key);
  if (!ctx) {
    ctx = buildContext(engine, model, cellM, extraGreens, rules);
    if (byKey.size >= RECENT_CONTEXTS) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, ctx);
  }
  return ctx;
}

function buildContext(
  engine: CoverageEngine,
  model: ScenarioModel,
  cellM: number,
  extraGreens: SourceSet['greens'],
  rules: SiteRules,
): SiteContext {
  const { residential } = engine.gridFor(cellM);
  const mask = landMask({ ...model, greens: [...model.greens, ...extraGreens] }, residential, rules);
  const candidates = candidateSites(
    model.grid,
    model.links,
    mask,
    rules.areaM2,
    rules.spacingM,
    rules.availableLand,
  );
  const radius = Math.sqrt(rules.areaM2 / Math.PI);
  const parks = new Map<number, SitePark>();
  // A candidate's park needs only what its walk reaches: direct walks end at the off-network limit,
  // so its cell field is built to that limit, not to the service radii of the straight-line method.
  const walkOnly = { ...model, standard: { tiers: [], targets: model.standard.targets } };
  return {
    model,
    residential,
    flags: {
      roads: guessedRoads(engine.layers.roads.features, model.scenario),
      blocks: guessedBlocks(engine.layers.residential.features),
    },
    candidates,
    areaM2: rules.areaM2,
    radius,
    park(i) {
      let p = parks.get(i);
      if (!p) {
        const c = candidates[i];
        const green = prepareWhatIf(walkOnly, {
          id: `site-${c.cell}`,
          kind: 'point',
          lng: c.lng,
          lat: c.lat,
          area_m2: rules.areaM2,
        });
        p = sitePark(model.graph, green);
        parks.set(i, p);
      }
      return p;
    },
    conflicts(i) {
      const a = candidates[i];
      const out: number[] = [];
      const d = 2 * radius;
      candidates.forEach((b, j) => {
        if (j !== i && Math.hypot(a.x - b.x, a.y - b.y) < d) out.push(j);
      });
      return out;
    },
  };
}
