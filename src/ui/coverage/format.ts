/** Number formats of the coverage view, by interface language. */
import type { Lang } from '../../i18n';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** A share 0–1 as a percentage with one decimal: 0.8234 → "82.3%". */
export function pct(lang: Lang, share: number): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(share);
}

/** A change of share in percentage points, signed: 0.031 → "+3.1 pt" ("+3.1 个百分点" in Chinese). */
export function pointsDelta(lang: Lang, delta: number): string {
  const n = new Intl.NumberFormat(locale(lang), {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(delta * 100);
  return lang === 'zh' ? `${n} 个百分点` : `${n} pt`;
}

/** People, rounded to tens (the estimate is no finer than that): 12345.6 → "12,350". */
export function people(lang: Lang, n: number, signed = false): string {
  const r = Math.abs(n) >= 100 ? Math.round(n / 10) * 10 : Math.round(n);
  return new Intl.NumberFormat(locale(lang), { signDisplay: signed ? 'exceptZero' : 'auto' }).format(r);
}

/** Square metres as hectares with one decimal. */
export function hectares(lang: Lang, m2: number): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(m2 / 10000);
}
