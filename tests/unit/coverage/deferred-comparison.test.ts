/**
 * The comparison of scenarios a result may defer (params.deferCompare): left out, and said so, only
 * when it needs searches not done yet; asked for apart (the engine's `comparison`, the worker's
 * 'comparison' message) it equals what a result carries when it does not defer.
 */
import { describe, expect, it } from 'vitest';
import { CoverageEngine, resolveParams } from '../../../src/core/coverage/pipeline';
import type { CoverageParams, CoverageResult } from '../../../src/core/coverage/pipeline';
import { createCoverageHandler } from '../../../src/worker/handler';
import type { ResponseEnvelope, ToWorker } from '../../../src/worker/protocol';
import { EXTENT_TOWN, townLayers } from '../../fixtures/coverage/build';
import { mulberry32 } from './random';

const layers = townLayers(mulberry32(31), 8);
const pick = (r: CoverageResult) => ({
  scenarioStats: r.scenarioStats,
  planDelta: r.planDelta,
  todayDelta: r.todayDelta,
  ...(r.whatIfDelta ? { whatIfDelta: r.whatIfDelta } : {}),
});

describe('a deferred comparison of scenarios', () => {
  it('is left out when it needs new searches, and asked for apart equals the one a result carries', () => {
    const engine = new CoverageEngine(layers, EXTENT_TOWN);
    const p: CoverageParams = { scenario: '2015', minAreaM2: 0, polygons: false, deferCompare: true };
    const first = engine.compute(p);
    expect(first.comparisonDeferred).toBe(true);
    expect(first.scenarioStats).toBeUndefined();
    expect(first.planDelta).toBeUndefined();
    // This scenario's own figures are all there, with their range without guesses.
    expect(first.stats.withoutGuessed).toBeDefined();

    const apart = engine.comparison(p);
    const whole = new CoverageEngine(layers, EXTENT_TOWN).compute({ ...p, deferCompare: false });
    expect(whole.comparisonDeferred).toBeUndefined();
    expect(apart).toEqual(pick(whole));

    // Once it is computed, the same parameters carry it again.
    const again = engine.compute(p);
    expect(again.comparisonDeferred).toBeUndefined();
    expect(pick(again)).toEqual(pick(whole));
  });

  it('comes with the result after a what-if or a new speed (nothing new to search), and not after a new smallest green space', () => {
    const engine = new CoverageEngine(layers, EXTENT_TOWN);
    const ext = engine.extent;
    const p: CoverageParams = { scenario: '2014', minAreaM2: 0, polygons: false, deferCompare: true };
    engine.compute(p);
    engine.comparison(p);
    const whatIfs = [
      {
        id: 'w',
        kind: 'point' as const,
        lng: (ext[0] + ext[2]) / 2,
        lat: (ext[1] + ext[3]) / 2,
        area_m2: 30000,
      },
    ];
    for (const q of [
      { ...p, whatIfs },
      { ...p, speed: 0.8 },
    ]) {
      const r = engine.compute(q);
      expect(r.comparisonDeferred).toBeUndefined();
      const fresh = new CoverageEngine(layers, EXTENT_TOWN).compute({ ...q, deferCompare: false });
      expect(pick(r)).toEqual(pick(fresh));
    }
    expect(pick(engine.compute({ ...p, whatIfs }))).toHaveProperty('whatIfDelta');
    expect(engine.compute({ ...p, minAreaM2: 1e9 }).comparisonDeferred).toBe(true);
  });

  it('a smallest green space that selects the same green spaces reuses their search, with the same figures', () => {
    const engine = new CoverageEngine(layers, EXTENT_TOWN);
    const p = resolveParams({ scenario: '2015', minAreaM2: 0, polygons: false });
    const areas = engine
      .model('2015', p.cellM)
      .greens.map((g) => g.ref.area_m2)
      .sort((a, b) => a - b);
    // Just below the smallest green space: the same selection as 0 m²; just above it: one fewer.
    const same = { ...p, minAreaM2: areas[0] - 1 };
    const fewer = { ...p, minAreaM2: areas[0] + 1 };
    const set = engine.sourceSet(p);
    expect(engine.sourceSet(same)).toBe(set);
    expect(engine.sourceSet(fewer)).not.toBe(set);
    for (const q of [same, fewer]) {
      const { timings: _a, params: _b, ...got } = engine.compute(q);
      const { timings: _c, params: _d, ...want } = new CoverageEngine(layers, EXTENT_TOWN).compute(q);
      expect(got).toEqual(want);
    }
  });

  it("is answered by the worker's 'comparison' message", async () => {
    const posted: ResponseEnvelope[] = [];
    const jobs: (() => void)[] = [];
    const handler = createCoverageHandler(
      { postMessage: (m) => posted.push(m as ResponseEnvelope) },
      { schedule: (run) => jobs.push(run) },
    );
    const req = (id: string, type: string, data: unknown) =>
      ({ kind: 'request', id, type, data }) as ToWorker;
    const p: CoverageParams = { scenario: '2015', minAreaM2: 0, polygons: false, deferCompare: true };
    handler.receive(req('1', 'init', { layers, extent: EXTENT_TOWN }));
    handler.receive(req('2', 'compute', p));
    handler.receive(req('3', 'comparison', p));
    while (jobs.length) {
      jobs.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(posted.map((m) => [m.id, m.error?.message])).toEqual([
      ['1', undefined],
      ['2', undefined],
      ['3', undefined],
    ]);
    expect((posted[1].data as CoverageResult).comparisonDeferred).toBe(true);
    const whole = new CoverageEngine(layers, EXTENT_TOWN).compute({ ...p, deferCompare: false });
    expect(posted[2].data).toEqual(pick(whole));
  });
});
