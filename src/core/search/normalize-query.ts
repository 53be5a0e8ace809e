/** Query clean-up shared by every matcher. Never throws, whatever the input. */
import { compactLatin } from './romanize';

/** Longer queries are cut: no place name is this long, and it bounds the work per keystroke. */
export const MAX_QUERY_LENGTH = 64;

export interface NormalizedQuery {
  /** NFKC, lower case, whitespace removed, "交叉口"-style suffixes dropped: compared with Chinese names. */
  zh: string;
  /** a-z0-9 only: compared with pinyin keys and compacted English names. */
  latin: string;
  /** Lower case, single spaces: compared word by word with English names. */
  words: string;
  hasHan: boolean;
}

const HAN = /\p{Script=Han}/u;
// "长椿路梧桐街交叉口", "长椿路与梧桐街路口": the suffix names the crossing, it is not part of it.
const CROSSING_SUFFIX = /(十字路口|交叉口|交汇处|交会处|路口|交口)$/u;

export function normalizeQuery(raw: unknown): NormalizedQuery {
  const text = typeof raw === 'string' ? raw : '';
  const cut = text
    .slice(0, MAX_QUERY_LENGTH * 4)
    .normalize('NFKC')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .toLowerCase();
  const words = cut.replace(/\s+/g, ' ');
  let zh = words.replace(/\s+/g, '');
  const stripped = zh.replace(CROSSING_SUFFIX, '');
  if (stripped) zh = stripped;
  return { zh, latin: compactLatin(cut), words, hasHan: HAN.test(cut) };
}
