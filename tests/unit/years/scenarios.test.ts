import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../../src/core/coverage/params';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import {
  type Scenario,
  assumedOpen,
  inScenario,
  isScenario,
  parseScenario,
  scenarioList,
  yearScenario,
} from '../../../src/core/coverage/scenarios';
import { mulberry32 } from '../../../bench/synthetic-random';
import { EXTENT_SIMPLE, green, simpleLayers } from '../../fixtures/coverage/build';

const STATUSES = ['existing', 'under_construction', 'planned', 'later'] as const;

describe('scenario membership: each status × opened × scenario', () => {
  // Rows: [status, opened] → scenarios the feature is in (of 2014, 2015 plan, 2015-open, 2018, today).
  const COLS: Scenario[] = ['2014', '2015', '2015-open', '2018', 'today'];
  const TABLE: [string, number | undefined, string][] = [
    ['existing', undefined, '2014 2015 2015-open 2018 today'],
    ['existing', 2010, '2014 2015 2015-open 2018 today'],
    ['under_construction', undefined, '2015 today'], // today only by the assumption
    ['under_construction', 2015, '2015 2015-open 2018 today'],
    ['under_construction', 2019, '2015 today'],
    ['planned', undefined, '2015'], // a plan alone is no source of opening
    ['planned', 2017, '2015 2018 today'],
    ['planned', 2020, '2015 today'],
    ['later', undefined, 'today'], // opened after 2014, year unknown: never in the plan
    ['later', 2016, '2018 today'],
    ['later', 2019, 'today'],
  ];
  for (const [status, opened, expected] of TABLE) {
    it(`${status}, opened ${opened ?? 'unknown'}: ${expected}`, () => {
      const p = { status, opened };
      expect(COLS.filter((s) => inScenario(p, s)).join(' ')).toBe(expected);
    });
  }

  it('marks only under-construction features with no opening year as assumed, and only in today', () => {
    for (const status of STATUSES)
      for (const opened of [undefined, 2016])
        for (const s of ['2014', '2015', '2016', 'today'] as Scenario[])
          expect(assumedOpen({ status, opened }, s)).toBe(
            status === 'under_construction' && opened === undefined && s === 'today',
          );
  });

  it('counts nothing with a missing or unknown status in 2014 or the plan', () => {
    for (const s of ['2014', '2015'] as Scenario[]) {
      expect(inScenario({}, s)).toBe(false);
      expect(inScenario({ status: 'demolished' }, s)).toBe(false);
    }
  });
});

describe('scenario ids (URL s=)', () => {
  it('keeps 2014 and 2015 meaning as built and the plan, and names the year 2015 "2015-open"', () => {
    expect(parseScenario('2014')).toEqual({ kind: 'built', year: 2014 });
    expect(parseScenario('2015')).toEqual({ kind: 'plan', year: 2015 });
    expect(parseScenario('today')).toEqual({ kind: 'today', year: null });
    expect(parseScenario('2015-open')).toEqual({ kind: 'year', year: 2015 });
    expect(parseScenario('2021')).toEqual({ kind: 'year', year: 2021 });
    expect([2014, 2015, 2016].map(yearScenario)).toEqual(['2014', '2015-open', '2016']);
    for (const bad of ['2013', '2016-open', '15', 'now', '2101', ''])
      expect(isScenario(bad), bad).toBe(false);
  });

  it('refuses an unknown scenario with a message naming the valid ones', () => {
    expect(() => resolveParams({ scenario: '2013' as Scenario })).toThrow(/"2014", "2015".*"today"/);
  });
});

describe('scenario list of a data set', () => {
  const f = (status: string, opened?: number) => ({ properties: { status, opened } });

  it('steps through each year a feature opened, with today standing for the latest', () => {
    const { scenarios, latestYear } = scenarioList([
      [f('existing', 2012), f('under_construction', 2015), f('later', 2018)],
      [f('planned', 2021), f('later'), f('later', 2018)],
    ]);
    expect(latestYear).toBe(2021);
    expect(scenarios.map((s) => `${s.id}:${s.kind}:${s.year}`)).toEqual([
      '2014:built:2014',
      '2015:plan:2015',
      '2015-open:year:2015',
      '2018:year:2018',
      'today:today:2021',
    ]);
  });

  it('has 2014, the plan and today (2015) for data with no opening years', () => {
    const { scenarios, latestYear } = scenarioList([[f('existing'), f('planned')]]);
    expect(latestYear).toBe(2015);
    expect(scenarios.map((s) => s.id)).toEqual(['2014', '2015', 'today']);
  });
});

describe('monotonicity: a later year never has fewer open features', () => {
  const rnd = mulberry32(10);
  const features = Array.from({ length: 400 }, () => ({
    status: STATUSES[Math.floor(rnd() * 4)],
    opened: rnd() < 0.3 ? undefined : 2005 + Math.floor(rnd() * 21),
  }));
  const { scenarios } = scenarioList([features.map((p) => ({ properties: p }))]);
  const chain = scenarios.filter((s) => s.kind !== 'plan').map((s) => s.id);

  it('has year steps between 2014 and today on this data', () => {
    expect(chain.length).toBeGreaterThan(5);
  });

  it('keeps every feature of a year in every later year and in today', () => {
    for (let k = 1; k < chain.length; k++)
      for (const p of features)
        if (inScenario(p, chain[k - 1]))
          expect(inScenario(p, chain[k]), `${chain[k - 1]}→${chain[k]}`).toBe(true);
  });

  it('gives the engine at least as many destinations in each later scenario', () => {
    const base = simpleLayers();
    const layers = {
      ...base,
      green: {
        type: 'FeatureCollection' as const,
        features: features.slice(0, 40).map((p, k) =>
          green(`g${k}`, -200 + (k % 4) * 5, -900 + k * 40, -100 + (k % 4) * 5, -880 + k * 40, {
            status: p.status,
            opened: p.opened,
          }),
        ),
      },
    };
    const engine = new CoverageEngine(layers, EXTENT_SIMPLE);
    const steps = engine.timeline.scenarios.filter((s) => s.kind !== 'plan');
    const counts = steps.map(
      (s) => engine.compute({ scenario: s.id, minAreaM2: 0, compare: false, roadTimes: false }).greens.length,
    );
    for (let k = 1; k < counts.length; k++) expect(counts[k]).toBeGreaterThanOrEqual(counts[k - 1]);
    expect(counts.at(-1)!).toBeGreaterThan(counts[0]);
  });
});

describe('the worker tells the interface which years there are', () => {
  it('answers init with the scenario list and the latest sourced year', async () => {
    const { createCoverageHandler } = await import('../../../src/worker/handler');
    const posted: { data?: { scenarios: { id: string }[]; latestYear: number } }[] = [];
    const handler = createCoverageHandler(
      { postMessage: (m) => posted.push(m as (typeof posted)[number]) },
      { schedule: (run) => run() },
    );
    const layers = simpleLayers();
    layers.green.features.push(green('N', -200, 500, -20, 600, { status: 'later', opened: 2019 }));
    handler.receive({ kind: 'request', id: '1', type: 'init', data: { layers, extent: EXTENT_SIMPLE } });
    await new Promise((r) => setTimeout(r, 0));
    expect(posted[0].data?.latestYear).toBe(2019);
    expect(posted[0].data?.scenarios.map((s) => s.id)).toEqual(['2014', '2015', 'today']);
  });
});
