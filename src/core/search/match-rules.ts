/**
 * The exact, prefix and substring rules of place search, one function per script. Scores are the
 * tiers documented in place-index.ts; fuzzy matching lives there, as it needs the whole index.
 */
import type { MatchedBy, Place } from './types';
import { compactLatin, type Romanization } from './romanize';
import type { NormalizedQuery } from './normalize-query';
import { syllablePrefixMatch } from './match-pinyin';

export interface IndexedName {
  /** NFKC, lower case, no whitespace. */
  zh: string;
  readings: Romanization[];
}

export interface Entry {
  place: Place;
  names: IndexedName[];
  /** English name, lower case, single spaces. */
  en: string;
  enCompact: string;
}

export const cleanZh = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export interface Match {
  score: number;
  matchedBy: MatchedBy;
}

export const better = (a: Match | undefined, b: Match | undefined) =>
  !a || (b && b.score > a.score) ? b : a;

export function matchChinese(q: NormalizedQuery, entry: Entry): Match | undefined {
  let best: Match | undefined;
  for (const name of entry.names) {
    if (name.zh === q.zh) return { score: 100, matchedBy: 'exact' };
    if (name.zh.startsWith(q.zh)) best = better(best, { score: 90, matchedBy: 'prefix' });
    else if (name.zh.includes(q.zh)) best = better(best, { score: 60, matchedBy: 'substring' });
  }
  return best;
}

export function matchPinyin(latin: string, entry: Entry): Match | undefined {
  let best: Match | undefined;
  for (const name of entry.names) {
    for (const r of name.readings) {
      if (r.full === latin) return { score: 80, matchedBy: 'pinyin' };
      if (latin.length >= 2 && r.initials === latin)
        best = better(best, { score: 80, matchedBy: 'initials' });
      else if (r.full.startsWith(latin)) best = better(best, { score: 75, matchedBy: 'pinyin' });
      else if (r.initials.startsWith(latin)) best = better(best, { score: 75, matchedBy: 'initials' });
      else if (latin[0] === r.full[0] && syllablePrefixMatch(latin, r.syllables)) {
        best = better(best, { score: 75, matchedBy: 'pinyin' });
      } else if (latin.length >= 2 && !best) {
        // Substring only from a syllable start: "songlu" finds 雪松路, "onglu" does not.
        for (let s = 1; s < r.syllables.length; s++) {
          if (r.syllables[s][0] === latin[0] && syllablePrefixMatch(latin, r.syllables, s)) {
            best = { score: 55, matchedBy: 'substring' };
            break;
          }
        }
      }
    }
  }
  return best;
}

export function matchEnglish(q: NormalizedQuery, entry: Entry): Match | undefined {
  if (!entry.enCompact || !q.latin) return undefined;
  if (entry.enCompact === q.latin) return { score: 80, matchedBy: 'english' };
  if (entry.enCompact.startsWith(q.latin)) return { score: 75, matchedBy: 'english' };
  // A later word of the English name: "park" in "Tianjianhu Park".
  if (q.latin.length >= 2) {
    for (let i = entry.en.indexOf(' '); i >= 0; i = entry.en.indexOf(' ', i + 1)) {
      if (compactLatin(entry.en.slice(i + 1)).startsWith(q.latin))
        return { score: 55, matchedBy: 'substring' };
    }
  }
  return undefined;
}
