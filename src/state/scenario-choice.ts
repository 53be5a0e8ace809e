/**
 * Which scenario (year) a planner or resident picks, and what it is called: pure, so the coverage
 * tab's year control, the residents' switch, the report and the presentation name the years the
 * same way. The rule of which features exist in which year is core/coverage/scenarios.ts.
 */
import { isScenario, parseScenario, type Scenario, type ScenarioInfo } from '../core/coverage/scenarios';
import { GREEN_RULES, type GreenRule } from '../core/coverage/green-class';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The years the residents choose from: today first (where can I walk now), then 2014 and the plan. */
export const FIND_SCENARIOS: readonly Scenario[] = ['today', '2014', '2015'];

/** A scenario id from a URL value, or null when the value is no scenario (the caller keeps its default). */
export function scenarioFromUrl(value: string | undefined): Scenario | null {
  return value !== undefined && isScenario(value) ? value : null;
}

/** A green rule from a URL value, or null. */
export function greenRuleFromUrl(value: string | undefined): GreenRule | null {
  return GREEN_RULES.find((r) => r === value) ?? null;
}

/**
 * The label of a scenario: "2014 现状", "2015 规划", "2018 年底", "今天（2023 年数据）".
 * @param latestYear the latest year a source gives an opening for (what today stands for)
 */
export function scenarioLabel(t: Translate, id: Scenario, latestYear: number): string {
  const s = parseScenario(id);
  if (!s) return id;
  switch (s.kind) {
    case 'built':
      return t('cov.scenario.2014');
    case 'plan':
      return t('cov.scenario.2015');
    case 'today':
      return t('cov.scenario.today', { year: latestYear });
    case 'year':
      return t('cov.scenario.year', { year: s.year! });
  }
}

/**
 * The scenario one step before (-1) or after (+1) `current` in the timeline, or null at either end.
 * A scenario missing from the timeline (a link from other data) steps from the start.
 */
export function stepScenario(
  timeline: readonly ScenarioInfo[],
  current: Scenario,
  dir: -1 | 1,
): Scenario | null {
  const at = timeline.findIndex((s) => s.id === current);
  const next = at < 0 ? (dir > 0 ? 0 : -1) : at + dir;
  return next >= 0 && next < timeline.length ? timeline[next].id : null;
}

/** The timeline before the worker answered: the three scenarios every data set has. */
export function fallbackTimeline(latestYear = 2015): ScenarioInfo[] {
  return [
    { id: '2014', kind: 'built', year: 2014 },
    { id: '2015', kind: 'plan', year: 2015 },
    { id: 'today', kind: 'today', year: latestYear },
  ];
}
