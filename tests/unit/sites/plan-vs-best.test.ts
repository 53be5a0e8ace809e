import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import { comparePlan, verdictOf } from '../../../src/core/sites/plan-vs-best';
import { EXTENT_PLAN, planLayers } from '../../fixtures/sites/build';

const STEP = { coverage: { scenario: '2015' as const, bands: [5] }, before: { scenario: '2014' as const } };

describe('the plan against the best sites', () => {
  it('matches the hand-computed plan step', () => {
    const c = comparePlan(new CoverageEngine(planLayers(), EXTENT_PLAN), STEP);
    expect(c.after).toBe('2015');
    expect(c.limitM).toBe(300);
    expect(c.basePopulation).toBe(0);
    expect(c.totalPopulation).toBe(4000);
    // N: Q1 brings block X, Q2 nobody.
    expect(c.planGain).toBeCloseTo(1000, 6);
    const byId = Object.fromEntries(c.planParks.map((p) => [p.id, p]));
    expect(Object.keys(byId).sort()).toEqual(['Q1', 'Q2']);
    expect(byId.Q1.gainAlone).toBeCloseTo(1000, 6);
    expect(byId.Q1.gainUnique).toBeCloseTo(1000, 6);
    expect(byId.Q2.gainAlone).toBe(0);
    // M: the best two sites of the same number and size bring Y, then X.
    expect(c.siteAreaM2).toBeCloseTo((80 * 80 + 80 * 80) / 2, 6);
    expect(c.best.map((s) => Math.round(s.gain))).toEqual([3000, 1000]);
    expect(c.bestGain).toBeCloseTo(4000, 6);
    expect(c.bestSingleGain).toBeCloseTo(3000, 6);
    expect(byId.Q1.shareOfBest).toBeCloseTo(1 / 3, 6);
    expect(byId.Q1.verdict).toBe('partial');
    expect(byId.Q2.verdict).toBe('few');
    // Block X has confidence 'low': all of Q1's gain rests on a guess.
    expect(byId.Q1.guessed.residential).toBeCloseTo(1000, 6);
    expect(byId.Q1.restsOnGuesses).toBe(true);
    expect(c.best[0].restsOnGuesses).toBe(false);
  });

  it('takes the before park set as ids as well as a scenario', () => {
    const engine = new CoverageEngine(planLayers(), EXTENT_PLAN);
    const byIds = comparePlan(engine, { ...STEP, before: { greenIds: ['P', 'Q2'] } });
    expect(byIds.planParks.map((p) => p.id)).toEqual(['Q1']);
    expect(byIds.planGain).toBeCloseTo(1000, 6);
    expect(byIds.best).toHaveLength(1);
  });

  it('says the rule: near-optimal from 80 % of the best single site, few below 20 %', () => {
    expect(verdictOf(0.8)).toBe('near-optimal');
    expect(verdictOf(0.79)).toBe('partial');
    expect(verdictOf(0.2)).toBe('partial');
    expect(verdictOf(0.19)).toBe('few');
  });
});
