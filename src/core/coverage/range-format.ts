/**
 * A figure with its range, as text: "33.5% (11.8% without guessed features)". Pure: the sentence
 * around the two numbers comes from the interface strings (src/i18n, keys cov.range.*), the numbers
 * from the formats here, so the statistics panel, the chart, the report and the presentation say it
 * the same way. When both ends read the same, only the figure is shown.
 */
import type { Range } from './without-guessed';

export type RangeLang = 'zh' | 'en';

const locale = (lang: RangeLang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/**
 * A share 0–1 as a percentage with one decimal.
 * @example formatShare('en', 0.335) // "33.5%"
 */
export function formatShare(lang: RangeLang, share: number): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

/**
 * People, rounded to tens (the estimate is no finer): 12345.6 → "12,350".
 * @example formatPeople('zh', 12345.6) // "12,350"
 */
export function formatPeople(lang: RangeLang, n: number): string {
  const r = Math.abs(n) >= 100 ? Math.round(n / 10) * 10 : Math.round(n);
  return new Intl.NumberFormat(locale(lang)).format(r);
}

export interface RangeTemplates {
  /** With `{value}` and `{without}`, e.g. "{value} ({without} without guessed features)". */
  without: string;
  /** With `{value}`, for a figure that has no value without the guesses (no park reachable). */
  none: string;
}

/**
 * The figure, and beside it the figure without guessed features where the two differ once formatted.
 * @example formatRange({ value: 0.335, withoutGuessed: 0.118 }, (x) => formatShare('en', x),
 *   { without: '{value} ({without} without guessed features)', none: '{value}' })
 *   // "33.5% (11.8% without guessed features)"
 */
export function formatRange(
  range: { value: number; withoutGuessed: number | null } | Range,
  format: (n: number) => string,
  templates: RangeTemplates,
): string {
  const value = format(range.value);
  if (range.withoutGuessed === null) return templates.none.replaceAll('{value}', value);
  const without = format(range.withoutGuessed);
  if (without === value) return value;
  return templates.without.replaceAll('{value}', value).replaceAll('{without}', without);
}
