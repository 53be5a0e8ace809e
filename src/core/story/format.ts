/**
 * Quantities for big screens: a number and a unit, apart, so the number can be set large and the
 * unit small. Chinese keeps the report's units (亿元, 万m², 公里, 万人); English converts them into
 * units an English reader knows (1 亿 = 100 million, so 201.4 亿元 = CNY 20.14 bn).
 */

export type Lang = 'zh' | 'en';

export interface Quantity {
  /** The number as shown, e.g. "201.4", "+15", "1.72". */
  value: string;
  /** The unit as shown, e.g. "亿元", "bn yuan", "万 m²", "%"; may be "". */
  unit: string;
}

/** Dimensions the formatter converts between; anything else is shown as given. */
export type Dimension = 'yuan' | 'm2' | 'km' | 'percent' | 'pp' | 'people';

const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

/** Number with at most `digits` decimals, trailing zeros dropped, locale grouping. */
export function formatNumber(n: number, digits: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(n);
}

/** Decimals needed to show `n` the way a person wrote it, up to `max` (201.4 → 1, 94 → 0). */
export function decimalsOf(n: number, max = 3): number {
  for (let d = 0; d < max; d++) if (Math.abs(Math.round(n * 10 ** d) - n * 10 ** d) < 1e-6) return d;
  return max;
}

/** Multipliers from the report's Chinese units to base units (yuan, m², km, people, %). */
const UNIT_TABLE: Record<string, { dim: Dimension; factor: number }> = {
  亿元: { dim: 'yuan', factor: 1e8 },
  万元: { dim: 'yuan', factor: 1e4 },
  元: { dim: 'yuan', factor: 1 },
  万平方米: { dim: 'm2', factor: 1e4 },
  '万m²': { dim: 'm2', factor: 1e4 },
  万m2: { dim: 'm2', factor: 1e4 },
  平方米: { dim: 'm2', factor: 1 },
  'm²': { dim: 'm2', factor: 1 },
  m2: { dim: 'm2', factor: 1 },
  平方公里: { dim: 'm2', factor: 1e6 },
  公里: { dim: 'km', factor: 1 },
  千米: { dim: 'km', factor: 1 },
  km: { dim: 'km', factor: 1 },
  米: { dim: 'km', factor: 1e-3 },
  '%': { dim: 'percent', factor: 1 },
  百分点: { dim: 'pp', factor: 1 },
  个百分点: { dim: 'pp', factor: 1 },
  人: { dim: 'people', factor: 1 },
  万人: { dim: 'people', factor: 1e4 },
};

/** The dimension and base-unit value of a figure in one of the report's units, if known. */
export function toBase(value: number, unitZh: string): { dim: Dimension; base: number } | undefined {
  const u = UNIT_TABLE[unitZh.replace(/\s+/g, '')];
  return u && { dim: u.dim, base: value * u.factor };
}

/**
 * Format a base-unit value of a known dimension.
 * `digits` caps decimals after scaling (e.g. 1,720,000 m² → "172" 万 m² / "1.72" million m²).
 */
export function formatBase(dim: Dimension, base: number, lang: Lang, digits?: number): Quantity {
  const num = (n: number, d: number) => formatNumber(n, digits ?? d, lang);
  switch (dim) {
    case 'yuan':
      return lang === 'zh'
        ? base >= 1e8
          ? { value: num(base / 1e8, decimalsOf(base / 1e8, 2)), unit: '亿元' }
          : { value: num(base / 1e4, 0), unit: '万元' }
        : base >= 1e9
          ? { value: num(base / 1e9, decimalsOf(base / 1e9, 3)), unit: 'bn yuan' }
          : { value: num(base / 1e6, decimalsOf(base / 1e6, 1)), unit: 'm yuan' };
    case 'm2':
      if (lang === 'zh')
        return base >= 1e4
          ? { value: num(base / 1e4, 1), unit: '万 m²' }
          : { value: num(base, 0), unit: 'm²' };
      return base >= 1e6
        ? { value: num(base / 1e6, 2), unit: 'million m²' }
        : { value: num(base, 0), unit: 'm²' };
    case 'km':
      return { value: num(base, 1), unit: lang === 'zh' ? '公里' : 'km' };
    case 'percent':
      return { value: num(base, 1), unit: '%' };
    case 'pp': {
      const sign = base > 0 ? '+' : base < 0 ? '−' : '';
      return { value: sign + num(Math.abs(base), 1), unit: lang === 'zh' ? '个百分点' : 'points' };
    }
    case 'people':
      // Population figures are estimates: 万 with one decimal in Chinese, thousands (or hundreds) in English.
      if (lang === 'zh')
        return base >= 1e4
          ? { value: num(base / 1e4, 1), unit: '万人' }
          : { value: num(base, 0), unit: '人' };
      if (base >= 1e4)
        return { value: formatNumber(base / 1e3, base >= 1e5 ? 0 : 1, lang), unit: 'thousand people' };
      return { value: formatNumber(Math.round(base / 100) * 100, 0, lang), unit: 'people' };
  }
}

/**
 * Format a figure given in the report's own unit (unit_zh), falling back to the English unit the
 * data supplies where the unit is not one we convert (家, 项, 个).
 */
export function formatIndicatorValue(value: number, unitZh: string, unitEn: string, lang: Lang): Quantity {
  const b = toBase(value, unitZh);
  // Counts of people in the report (回迁群众12000人) are exact, not estimates: shown as given.
  if (b && b.dim !== 'people') return formatBase(b.dim, b.base, lang);
  return { value: formatNumber(value, decimalsOf(value), lang), unit: lang === 'zh' ? unitZh : unitEn };
}

/** A growth rate as "+15" "%" */
export function formatGrowth(pct: number, lang: Lang): Quantity {
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '';
  return { value: sign + formatNumber(Math.abs(pct), decimalsOf(pct, 1), lang), unit: '%' };
}
