/**
 * Scenarios are years: the one rule saying which roads and green spaces exist in which scenario.
 *
 * - `'2014'`: as built at the end of 2014 (status `existing`).
 * - `'2015'`: the 2015 plan: existing + under construction + planned at the end of 2014. Never a
 *   feature with status `later` (neither built nor planned then).
 * - `'today'`: everything sourced as open now: existing, plus every feature with an `opened` year
 *   (the latest such year is "today", see scenarioList), plus features with status `later`.
 *   ASSUMPTION (marked, see assumedOpen): works `under_construction` at the end of 2014 with no
 *   `opened` year count as open today — ten years on, works under way are taken as finished — and
 *   every figure that rests on such a feature is a guess (guesses.ts), so "without guessed features"
 *   leaves them out. A plan alone is no source of opening: `planned` with no `opened` never counts.
 * - a year step `'<year>'` (2016 on) and `'2015-open'` (the year 2015, whose plain id is the plan):
 *   the state at the end of that year: existing, plus every feature with `opened` ≤ year. No
 *   assumption: a feature with no `opened` year only ever joins in `today`.
 *
 * So a later year never has fewer features than an earlier one (no source gives a closure), and
 * `today` contains every year step. URL `s=` carries these ids unchanged.
 */

/** Status at the end of 2014 (the schema's statuses, plus `later`: opened after 2014, not in the plan). */
export type Status2014 = 'existing' | 'under_construction' | 'planned' | 'later';

/** The properties the rule reads; all optional, so data without `opened` still works. */
export interface Dated {
  status?: string;
  /** Year opened to the public, where a source gives it. */
  opened?: number;
}

export type Scenario = '2014' | '2015' | 'today' | `${number}` | `${number}-open`;

/** The scenarios every data set has, whatever its `opened` years. */
export const SCENARIOS: readonly Scenario[] = ['2014', '2015', 'today'];

/** The year the status describes: the end of 2014. */
export const BASE_YEAR = 2014;
/** Year steps beyond this are refused (a typo, not a year a source could give). */
const MAX_YEAR = 2100;

export type ScenarioKind = 'built' | 'plan' | 'year' | 'today';

export interface ScenarioInfo {
  id: Scenario;
  kind: ScenarioKind;
  /** The year the scenario stands for (the plan: 2015; today: the latest year sourced). */
  year: number;
}

/** The id of the state at the end of `year` (2015's own id is taken by the plan). */
export function yearScenario(year: number): Scenario {
  if (year === BASE_YEAR) return '2014';
  return year === 2015 ? '2015-open' : (String(year) as Scenario);
}

/** What an id means; null for an id that is no scenario. */
export function parseScenario(id: string): { kind: ScenarioKind; year: number | null } | null {
  if (id === '2014') return { kind: 'built', year: BASE_YEAR };
  if (id === '2015') return { kind: 'plan', year: 2015 };
  if (id === 'today') return { kind: 'today', year: null };
  if (id === '2015-open') return { kind: 'year', year: 2015 };
  const m = /^(\d{4})$/.exec(id);
  if (m && Number(m[1]) > 2015 && Number(m[1]) <= MAX_YEAR) return { kind: 'year', year: Number(m[1]) };
  return null;
}

export function isScenario(id: unknown): id is Scenario {
  return typeof id === 'string' && parseScenario(id) !== null;
}

const opened = (p: Dated): number | null =>
  typeof p.opened === 'number' && Number.isFinite(p.opened) ? p.opened : null;

/**
 * Whether a feature counts in `scenario` only by the assumption that works under construction at
 * the end of 2014 are open today (no `opened` year sourced). Such a feature is a guess in `today`.
 */
export function assumedOpen(p: Dated, scenario: Scenario): boolean {
  return scenario === 'today' && p.status === 'under_construction' && opened(p) === null;
}

/** Whether a road or green space with these properties exists in `scenario` (the one rule). */
export function inScenario(p: Dated, scenario: Scenario): boolean {
  if (p.status === 'existing') return true;
  const s = parseScenario(scenario);
  if (!s) return false;
  switch (s.kind) {
    case 'built':
      return false;
    case 'plan':
      return p.status === 'under_construction' || p.status === 'planned';
    case 'today':
      return opened(p) !== null || p.status === 'later' || assumedOpen(p, scenario);
    case 'year': {
      const y = opened(p);
      return y !== null && y <= s.year!;
    }
  }
}

/**
 * The scenarios of a data set, in the order a planner steps through them: 2014 as built, the 2015
 * plan, each year after 2014 in which a feature opened (roads or green spaces), and today. `today`
 * stands for the latest `opened` year (at least 2015: the plan's year), the "2025 data" of a label.
 */
export function scenarioList(layers: Iterable<Iterable<{ properties?: Dated | null }>>): {
  scenarios: ScenarioInfo[];
  latestYear: number;
} {
  const years = new Set<number>();
  for (const features of layers)
    for (const f of features) {
      const y = f.properties ? opened(f.properties) : null;
      if (y !== null && y > BASE_YEAR && y <= MAX_YEAR) years.add(Math.floor(y));
    }
  const latestYear = Math.max(2015, ...years);
  const steps = [...years].filter((y) => y < latestYear).sort((a, b) => a - b);
  return {
    latestYear,
    scenarios: [
      { id: '2014', kind: 'built', year: BASE_YEAR },
      { id: '2015', kind: 'plan', year: 2015 },
      ...steps.map((year): ScenarioInfo => ({ id: yearScenario(year), kind: 'year', year })),
      { id: 'today', kind: 'today', year: latestYear },
    ],
  };
}

/** scenarioList of the coverage layers (roads and green spaces). */
export function scenariosOf(layers: {
  roads: { features: Iterable<{ properties?: Dated | null }> };
  green: { features: Iterable<{ properties?: Dated | null }> };
}): { scenarios: ScenarioInfo[]; latestYear: number } {
  return scenarioList([layers.roads.features, layers.green.features]);
}

/** The two scenarios of the 2015 report, compared side by side (2014 as built, the 2015 plan). */
export type ReportScenario = '2014' | '2015';

/** inScenario for a bare status (a feature with no `opened` year): kept for callers that hold only the status. */
export function statusInScenario(status: string | undefined, scenario: Scenario): boolean {
  return inScenario({ status }, scenario);
}
