import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import type { CoverageLayers, GreenInput, RoadInput } from '../../../src/core/coverage/types';
import { statsRanges } from '../../../src/core/coverage/without-guessed';
import { mulberry32 } from '../../../bench/synthetic-random';
import {
  EXTENT_RIVER,
  EXTENT_SIMPLE,
  EXTENT_TOWN,
  green,
  ll,
  riverLayers,
  simpleLayers,
  townLayers,
} from '../../fixtures/coverage/build';

/**
 * The simple fixture (park P by block A, 1000 people; block B, 3000 people, beyond 15 min) plus a
 * guessed park Q beside B, placed as P is beside A. With Q everyone is within 5 minutes (by the
 * fixture's symmetry); without it the fixture's own hand-computed answer holds: 25 % of the people
 * and 50 % of the land, and B's 3000 people in a gap.
 */
function simpleWithGuess(q: Partial<GreenInput>): CoverageLayers {
  const l = simpleLayers();
  l.green.features.push(green('Q', -200, 1100, -20, 1300, q));
  return l;
}

describe('the range without guessed features on a tiny fixture, by hand', () => {
  for (const [what, q] of [
    ['illustrative', { illustrative: true }],
    ['low confidence', { confidence: 'low' as const }],
  ] as const) {
    it(`takes out a ${what} park: 100 % with it, 25 % of people and 50 % of land without`, () => {
      const r = new CoverageEngine(simpleWithGuess(q), EXTENT_SIMPLE).compute({ scenario: '2014' });
      const ranges = statsRanges(r.stats);
      for (const b of ranges.bands) {
        expect(b.populationShare.value).toBeCloseTo(1, 9);
        expect(b.populationShare.withoutGuessed).toBeCloseTo(0.25, 9);
        expect(b.residentialShare.value).toBeCloseTo(1, 9);
        expect(b.residentialShare.withoutGuessed).toBeCloseTo(0.5, 9);
      }
      expect(ranges.gapPopulation.value).toBeCloseTo(0, 6);
      expect(ranges.gapPopulation.withoutGuessed).toBeCloseTo(3000, 6);
      expect(ranges.restsOnGuesses).toBe(true);
      expect(r.stats.guesses).toEqual({
        greens: 1,
        greenIds: ['Q'],
        roads: 0,
        assumedOpen: { greens: 0, roads: 0 },
      });
      expect(r.greens.map((g) => [g.id, g.guessed])).toEqual([
        ['P', false],
        ['Q', true],
      ]);
      // The comparison carries the same range per scenario.
      expect(r.scenarioStats!['2014'].withoutGuessed!.bands[2].populationShare).toBeCloseTo(0.25, 9);
    });
  }

  it('gives equal ends when nothing is guessed', () => {
    const r = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE).compute({ scenario: '2014' });
    const ranges = statsRanges(r.stats);
    expect(ranges.restsOnGuesses).toBe(false);
    expect(ranges.bands[2].populationShare.withoutGuessed).toBeCloseTo(0.25, 9);
    expect(r.stats.guesses).toEqual({
      greens: 0,
      greenIds: [],
      roads: 0,
      assumedOpen: { greens: 0, roads: 0 },
    });
  });

  it('keeps what-if parks in both ends (a proposal, not a guess)', () => {
    const engine = new CoverageEngine(simpleWithGuess({ illustrative: true }), EXTENT_SIMPLE);
    const r = engine.compute({
      scenario: '2014',
      whatIfs: [{ id: 'w', kind: 'point', lng: ll(-110, 1200)[0], lat: ll(-110, 1200)[1], area_m2: 32400 }],
    });
    expect(r.stats.withoutGuessed!.bands[2].populationShare).toBeCloseTo(1, 9);
  });

  it('puts each gap beside the people of its gap without guesses', () => {
    // Within 3 minutes Q reaches B's southern cells only: a gap remains with it and grows without it.
    const l = simpleLayers();
    l.green.features.push(green('Q', -200, 1000, -20, 1100, { illustrative: true }));
    const r = new CoverageEngine(l, EXTENT_SIMPLE).compute({ scenario: '2014', bands: [3] });
    expect(r.gaps.length).toBeGreaterThan(0);
    const gapB = r.gaps.find((g) => g.blocks.includes(1))!;
    expect(gapB.population).toBeLessThan(3000);
    expect(gapB.populationWithoutGuessed).toBeCloseTo(3000, 6);
  });
});

describe('guessed roads and the assumption of today', () => {
  /** The river fixture: block E (2000 people) reaches park W only over the bridge (hand-checked in coverage.test.ts). */
  const river = (bridge: Partial<RoadInput>): CoverageLayers => {
    const l = riverLayers();
    Object.assign(l.roads.features.find((f) => f.properties.id === 'bridge')!.properties, bridge);
    return l;
  };
  const at15 = (engine: CoverageEngine, scenario: '2015' | 'today' | '2015-open' | '2016') => {
    const r = engine.compute({ scenario, compare: false, roadTimes: false });
    return [r.stats.bands[2].populationShare, r.stats.withoutGuessed!.bands[2].populationShare];
  };

  it('takes out an illustrative bridge: the plan reaches everyone with it, nobody without', () => {
    const engine = new CoverageEngine(river({ illustrative: true }), EXTENT_RIVER);
    expect(at15(engine, '2015')).toEqual([1, 0]);
    expect(engine.compute({ scenario: '2015' }).stats.guesses!.roads).toBe(1);
  });

  it('counts a bridge under construction with no opening year in today only as a guess', () => {
    const engine = new CoverageEngine(river({ status: 'under_construction' }), EXTENT_RIVER);
    expect(at15(engine, 'today')).toEqual([1, 0]);
    expect(engine.compute({ scenario: 'today' }).stats.guesses!.assumedOpen).toEqual({ greens: 0, roads: 1 });
    expect(at15(engine, '2015')).toEqual([1, 1]); // the plan includes it without assuming anything
  });

  it('counts it as sourced once it has an opening year, from that year on', () => {
    const engine = new CoverageEngine(river({ status: 'under_construction', opened: 2016 }), EXTENT_RIVER);
    expect(at15(engine, 'today')).toEqual([1, 1]);
    expect(at15(engine, '2016')).toEqual([1, 1]);
    expect(at15(engine, '2015-open')).toEqual([0, 0]);
    expect(engine.timeline.latestYear).toBe(2016);
  });

  it('gives the nearest park without guesses where the walk uses a guessed road', () => {
    const l = river({ status: 'under_construction' });
    // A sure park far up the east bank.
    l.green.features.push(green('F', 320, 900, 500, 1000));
    const engine = new CoverageEngine(l, EXTENT_RIVER);
    const from = ll(350, 0);
    const near = engine.nearest({ scenario: 'today' }, ...from, 2);
    expect(near.greens[0].id).toBe('W');
    expect(near.greens[0].guessed).toBe(false); // the park is sure; the bridge to it is not
    expect(near.withoutGuessed?.id).toBe('F');
    expect(near.withoutGuessed!.seconds).toBeGreaterThan(near.greens[0].seconds);
    const info = engine.pointInfo({ scenario: 'today' }, ...from);
    expect(info.green?.id).toBe('W');
    expect(info.withoutGuessed?.green?.id).toBe('F');
    expect(info.withoutGuessed!.seconds!).toBeGreaterThan(info.seconds!);
    // In the plan the bridge is sourced (planned), so nothing there rests on a guess.
    expect(engine.nearest({ scenario: '2015' }, ...from).withoutGuessed).toBeUndefined();
  });

  it('says when no park is reachable at all without the guesses', () => {
    const engine = new CoverageEngine(river({ status: 'under_construction' }), EXTENT_RIVER);
    const near = engine.nearest({ scenario: 'today' }, ...ll(350, 0));
    expect(near.greens[0].id).toBe('W');
    expect(near.withoutGuessed).toBeNull();
  });
});

describe('without guessed features never covers more (seeded towns)', () => {
  for (const seed of [3, 4, 5]) {
    it(`town ${seed}: every band's share and the gaps`, () => {
      const rnd = mulberry32(seed);
      const layers = townLayers(rnd, 12);
      for (const f of layers.green.features) if (rnd() < 0.5) f.properties.confidence = 'low';
      for (const f of layers.roads.features) if (rnd() < 0.15) f.properties.illustrative = true;
      const engine = new CoverageEngine(layers, EXTENT_TOWN);
      const r = engine.compute({ scenario: '2014', bands: [3, 6, 10] });
      const ranges = statsRanges(r.stats);
      expect(ranges.restsOnGuesses).toBe(true);
      for (const b of ranges.bands) {
        expect(b.populationShare.withoutGuessed).toBeLessThanOrEqual(b.populationShare.value + 1e-12);
        expect(b.residentialShare.withoutGuessed).toBeLessThanOrEqual(b.residentialShare.value + 1e-12);
      }
      expect(ranges.gapPopulation.withoutGuessed).toBeGreaterThanOrEqual(ranges.gapPopulation.value - 1e-6);
      for (const g of r.gaps) expect(g.populationWithoutGuessed!).toBeGreaterThanOrEqual(g.population);
    });
  }
});

describe('what is a guess (guesses.ts)', () => {
  it('takes a green space as guessed when its existence or place is, not when only its outline is', async () => {
    const { greenGuessed, roadGuessed } = await import('../../../src/core/coverage/guesses');
    const rows: [Record<string, unknown>, boolean][] = [
      [{ status: 'existing', confidence: 'high' }, false],
      [{ status: 'existing', confidence: 'low' }, true],
      [{ status: 'existing', confidence: 'medium', illustrative: true }, true],
      [{ status: 'existing', confidence: 'medium', illustrative: true, outline_confidence: 'low' }, false],
      [{ status: 'existing', confidence: 'low', illustrative: true, outline_confidence: 'low' }, true],
      [{ status: 'under_construction', confidence: 'high' }, true], // today only by assumption
      [{ status: 'under_construction', confidence: 'high', opened: 2016 }, false],
    ];
    for (const [p, guessed] of rows) expect(greenGuessed(p, 'today'), JSON.stringify(p)).toBe(guessed);
    expect(greenGuessed({ status: 'under_construction', confidence: 'high' }, '2015')).toBe(false);
    // Roads: a rough position (low) is no guess; a guessed course (illustrative) is.
    expect(roadGuessed({ status: 'existing', confidence: 'low' }, '2014')).toBe(false);
    expect(roadGuessed({ status: 'existing', illustrative: true }, '2014')).toBe(true);
  });
});
