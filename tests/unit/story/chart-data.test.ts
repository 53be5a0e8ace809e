import { describe, expect, it } from 'vitest';
import { chartData, ChartDataError } from '../../../src/core/story/chart-data';
import type { IndicatorLike } from '../../../src/core/story/figures';

const ind = (
  id: string,
  value: number,
  unit: string,
  year: number,
  kind: 'result' | 'target',
  growth?: number,
): IndicatorLike => ({
  id,
  label_zh: id.toUpperCase(),
  label_en: id,
  value,
  unit_zh: unit,
  unit_en: unit,
  year,
  kind,
  growth_pct: growth,
});
const indicators = new Map(
  [
    ind('gdp14', 201.4, '亿元', 2014, 'result'),
    ind('gdp15', 230, '亿元', 2015, 'target', 15),
    ind('fai14', 266, '亿元', 2014, 'result', 20.8),
    ind('fai15', 360, '亿元', 2015, 'target', 34),
    ind('cover', 40, '%', 2015, 'target'),
  ].map((i) => [i.id, i]),
);
const title = { zh: '对比', en: 'Compare' };

describe('chartData', () => {
  it('pairs results with targets in 亿元, or in bn yuan in English', () => {
    const chart = {
      type: 'paired' as const,
      pairs: [
        ['gdp14', 'gdp15'],
        ['fai14', 'fai15'],
      ] as [string, string][],
      title,
    };
    const zh = chartData(chart, indicators, 'zh');
    expect(zh.unit).toBe('亿元');
    expect(zh.categories).toEqual(['GDP14', 'FAI14']);
    expect(zh.series.map((s) => s.label)).toEqual(['2014 年完成', '2015 年目标']);
    expect(zh.series[0].values).toEqual([201.4, 266]);
    expect(zh.series[1].texts).toEqual(['230', '360']);
    const en = chartData(chart, indicators, 'en');
    expect(en.unit).toBe('bn yuan');
    expect(en.series[0].values[0]).toBeCloseTo(20.14, 9);
    expect(en.series[0].texts).toEqual(['20.14', '26.6']);
  });

  it('charts growth rates with their text on the bar', () => {
    const d = chartData(
      { type: 'bar', measure: 'growth', indicators: ['fai14', 'gdp15'], title },
      indicators,
      'en',
    );
    expect(d.unit).toBe('%');
    expect(d.series[0].values).toEqual([20.8, 15]);
    expect(d.series[0].texts).toEqual(['+20.8%', '+15%']);
  });

  it('refuses mixed units, missing growth and unknown ids with a message naming the indicator', () => {
    expect(() =>
      chartData({ type: 'bar', measure: 'value', indicators: ['gdp14', 'cover'], title }, indicators, 'zh'),
    ).toThrow(/"cover"/);
    expect(() =>
      chartData({ type: 'bar', measure: 'growth', indicators: ['gdp14'], title }, indicators, 'zh'),
    ).toThrow(ChartDataError);
    expect(() =>
      chartData({ type: 'bar', measure: 'value', indicators: ['nope'], title }, indicators, 'zh'),
    ).toThrow(/unknown indicator "nope"/);
  });
});

describe('the real story and indicators', () => {
  it('draws every chapter chart and resolves every indicator figure, in both languages', async () => {
    const { readFileSync } = await import('node:fs');
    const { validateStory } = await import('../../../src/core/story/schema');
    const { resolveChapterFigures } = await import('../../../src/core/story/figures');
    const read = (f: string) =>
      JSON.parse(readFileSync(new URL(`../../../geodata/${f}`, import.meta.url), 'utf8'));
    const real = new Map<string, IndicatorLike>(
      read('indicators.json').indicators.map((i: IndicatorLike) => [i.id, i]),
    );
    const r = validateStory(read('story.json'));
    if (!r.ok) throw new Error('story invalid');
    let charts = 0;
    for (const ch of r.story.chapters) {
      for (const lang of ['zh', 'en'] as const) {
        if (ch.chart) {
          const d = chartData(ch.chart, real, lang);
          expect(d.series.every((s) => s.values.every(Number.isFinite))).toBe(true);
          charts++;
        }
        const figs = resolveChapterFigures(ch, { lang, indicators: real, computed: {} });
        for (const f of figs.filter((x) => x.kind !== 'computed'))
          expect(f.state, `${ch.id} ${f.label}`).toBe('ready');
      }
    }
    expect(charts).toBeGreaterThan(0);
  });
});
