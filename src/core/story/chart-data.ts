/**
 * The numbers behind a chapter's small chart, in the display unit of the interface language (亿元
 * in Chinese, bn yuan in English), with the text drawn on each bar so nothing is shown only on
 * hover. The chart library only draws what this returns.
 */
import type { Chart } from './schema';
import type { IndicatorLike } from './figures';
import { formatGrowth, formatIndicatorValue, toBase, type Lang } from './format';

export interface ChartSeries {
  label: string;
  /** 'result' bars and 'target' bars are styled apart. */
  kind: 'result' | 'target' | 'growth';
  values: number[];
  /** Text on each bar, e.g. "201.4". */
  texts: string[];
}

export interface ChartData {
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Unit of the axis, e.g. "亿元", "bn yuan", "%". */
  unit: string;
}

export class ChartDataError extends Error {}

/** Number in the unit formatIndicatorValue shows (so bars and their labels agree). */
function displayNumber(ind: IndicatorLike, lang: Lang): { n: number; text: string; unit: string } {
  const q = formatIndicatorValue(ind.value, ind.unit_zh, ind.unit_en, lang);
  const b = toBase(ind.value, ind.unit_zh);
  let n = ind.value;
  if (b?.dim === 'yuan') n = lang === 'zh' ? b.base / 1e8 : b.base / 1e9;
  return { n, text: q.value, unit: q.unit };
}

/**
 * Build the chart's series. Throws ChartDataError naming the indicator when one is missing or
 * when bars of different units would share an axis.
 */
export function chartData(
  chart: Chart,
  indicators: ReadonlyMap<string, IndicatorLike>,
  lang: Lang,
): ChartData {
  const get = (id: string) => {
    const ind = indicators.get(id);
    if (!ind) throw new ChartDataError(`chart: unknown indicator "${id}"`);
    return ind;
  };
  const label = (i: IndicatorLike) => (lang === 'zh' ? i.label_zh : i.label_en);
  const title = chart.title[lang];

  if (chart.type === 'bar') {
    const inds = chart.indicators.map(get);
    if (chart.measure === 'growth') {
      const missing = inds.find((i) => i.growth_pct === undefined);
      if (missing) throw new ChartDataError(`chart: indicator "${missing.id}" has no growth rate`);
      return {
        title,
        categories: inds.map(label),
        unit: '%',
        series: [
          {
            label: title,
            kind: 'growth',
            values: inds.map((i) => i.growth_pct!),
            texts: inds.map((i) => {
              const g = formatGrowth(i.growth_pct!, lang);
              return g.value + g.unit;
            }),
          },
        ],
      };
    }
    const nums = inds.map((i) => displayNumber(i, lang));
    const unit = sameUnit(
      nums.map((x) => x.unit),
      inds,
    );
    return {
      title,
      categories: inds.map(label),
      unit,
      series: [
        { label: title, kind: 'result', values: nums.map((x) => x.n), texts: nums.map((x) => x.text) },
      ],
    };
  }

  const results = chart.pairs.map(([r]) => get(r));
  const targets = chart.pairs.map(([, t]) => get(t));
  const rn = results.map((i) => displayNumber(i, lang));
  const tn = targets.map((i) => displayNumber(i, lang));
  const unit = sameUnit(
    [...rn, ...tn].map((x) => x.unit),
    [...results, ...targets],
  );
  const yearLabel = (i: IndicatorLike) =>
    i.kind === 'target'
      ? lang === 'zh'
        ? `${i.year} 年目标`
        : `${i.year} target`
      : lang === 'zh'
        ? `${i.year} 年完成`
        : `${i.year} result`;
  return {
    title,
    categories: results.map(label),
    unit,
    series: [
      {
        label: yearLabel(results[0]),
        kind: 'result',
        values: rn.map((x) => x.n),
        texts: rn.map((x) => x.text),
      },
      {
        label: yearLabel(targets[0]),
        kind: 'target',
        values: tn.map((x) => x.n),
        texts: tn.map((x) => x.text),
      },
    ],
  };
}

function sameUnit(units: string[], inds: IndicatorLike[]): string {
  const first = units[0];
  const other = units.findIndex((u) => u !== first);
  if (other >= 0) {
    throw new ChartDataError(
      `chart: "${inds[other].id}" is in ${units[other]}, "${inds[0].id}" in ${first}; one axis needs one unit`,
    );
  }
  return first;
}
