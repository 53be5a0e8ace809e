import { describe, expect, it } from 'vitest';
import {
  fallbackTimeline,
  FIND_SCENARIOS,
  greenRuleFromUrl,
  scenarioFromUrl,
  scenarioLabel,
  stepScenario,
} from '../../../src/state/scenario-choice';
import { scenarioList } from '../../../src/core/coverage/scenarios';
import { translate } from '../../../src/i18n';

const t = (key: string, p?: Record<string, string | number>) => translate('zh', key, p);
const en = (key: string, p?: Record<string, string | number>) => translate('en', key, p);

describe('scenario choice', () => {
  it('accepts every scenario id from a URL and refuses anything else', () => {
    for (const s of ['2014', '2015', 'today', '2018', '2015-open']) expect(scenarioFromUrl(s)).toBe(s);
    for (const s of [undefined, '', '2013', '2015-plan', 'now', '20180'])
      expect(scenarioFromUrl(s)).toBeNull();
  });

  it('accepts the two green rules only', () => {
    expect(greenRuleFromUrl('all')).toBe('all');
    expect(greenRuleFromUrl('standard')).toBe('standard');
    expect(greenRuleFromUrl('G1')).toBeNull();
  });

  it('names today with the latest sourced year, and year steps as the end of that year', () => {
    expect(scenarioLabel(t, 'today', 2023)).toContain('2023');
    expect(scenarioLabel(en, 'today', 2023)).toBe('Today (2023 data)');
    expect(scenarioLabel(en, '2018', 2023)).toBe('End of 2018');
    expect(scenarioLabel(en, '2015-open', 2023)).toBe('End of 2015');
    expect(scenarioLabel(en, '2014', 2023)).not.toBe(scenarioLabel(en, '2015', 2023));
  });

  it('steps through a data set’s timeline and stops at both ends', () => {
    const { scenarios } = scenarioList([
      [{ properties: { status: 'later', opened: 2018 } }, { properties: { status: 'later', opened: 2021 } }],
    ]);
    expect(scenarios.map((s) => s.id)).toEqual(['2014', '2015', '2018', 'today']);
    expect(stepScenario(scenarios, '2015', 1)).toBe('2018');
    expect(stepScenario(scenarios, '2018', -1)).toBe('2015');
    expect(stepScenario(scenarios, 'today', 1)).toBeNull();
    expect(stepScenario(scenarios, '2014', -1)).toBeNull();
    expect(stepScenario(scenarios, '2030', 1)).toBe('2014');
  });

  it('offers residents today first, and every data set has the fallback scenarios', () => {
    expect(FIND_SCENARIOS[0]).toBe('today');
    expect(fallbackTimeline().map((s) => s.id)).toEqual(['2014', '2015', 'today']);
  });
});
