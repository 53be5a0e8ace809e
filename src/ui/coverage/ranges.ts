/**
 * Figures with their range without guessed features, as the coverage view writes them: the
 * sentence from the interface strings (cov.range.*), the numbers from core/coverage/range-format.ts,
 * so the statistics, the gap list, the chart and the presentation say it the same way.
 */
import { formatPeople, formatRange, formatShare } from '../../core/coverage/range-format';
import type { Lang } from '../../i18n';

type Translate = (key: string, params?: Record<string, string | number>) => string;
type R = { value: number; withoutGuessed: number | null };

const templates = (t: Translate) => ({ without: t('cov.range.without'), none: t('cov.range.none') });

/** "33.5 %（不计推测要素：11.8 %）", or the figure alone when nothing guessed changes it. */
export const shareRange = (t: Translate, lang: Lang, r: R) =>
  formatRange(r, (x) => formatShare(lang, x), templates(t));

/** People with their range, rounded to tens. */
export const peopleRange = (t: Translate, lang: Lang, r: R) =>
  formatRange(r, (x) => formatPeople(lang, x), templates(t));

/** Whether the two ends differ once formatted as a share (one decimal). */
export const shareDiffers = (lang: Lang, r: R) =>
  r.withoutGuessed !== null && formatShare(lang, r.value) !== formatShare(lang, r.withoutGuessed);
