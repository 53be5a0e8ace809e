/**
 * Interface strings. zh-CN is the default language, en a full second language. Each feature keeps
 * its strings in its own file (`{ zh, en }` with the same keys) and is registered here once.
 */
import common from './common';
import present from './present';
import data from './data';
import coverage from './coverage';
import find from './find';
import sites from './sites';
import compare from './compare';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

type Dict = Record<string, string>;
type Bundle = { zh: Dict; en: Dict };

// Register feature bundles here (one line each).
const bundles: Bundle[] = [common, present, data, coverage, find, sites, compare];

const merged: Record<Lang, Dict> = { zh: {}, en: {} };
for (const b of bundles) {
  Object.assign(merged.zh, b.zh);
  Object.assign(merged.en, b.en);
}

/** All keys known in both languages; tests check that neither language misses one. */
export function dictionaries(): Record<Lang, Dict> {
  return merged;
}

/**
 * Translate `key`, filling `{name}` placeholders from `params`. Falls back to the key itself so a
 * missing string is visible rather than blank.
 */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  // English singular: a key's ".one" form when the count is 1 ("1 result", not "1 results").
  const one = params?.n === 1 && merged[lang][`${key}.one`];
  let s = one || (merged[lang][key] ?? merged.zh[key] ?? key);
  if (params) for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
