/**
 * The search index: every place with its pinyin and English keys precomputed, queried per keystroke.
 *
 * Ranking tiers (score): exact Chinese 100 > Chinese prefix 90 > exact pinyin / initials / English 80
 * > their prefixes 75 > Chinese substring 60 > pinyin / English substring 55 > fuzzy (fuse.js) < 50.
 * Ties: kind priority (parks first), then the shorter name, then importance, then name order.
 */
import Fuse, { type FuseResult } from 'fuse.js';
import type { Place, SearchOptions, SearchResult } from './types';
import { PLACE_KIND_PRIORITY } from './types';
import { compactLatin, romanize } from './romanize';
import { normalizeQuery } from './normalize-query';
import {
  better,
  cleanZh,
  matchChinese,
  matchEnglish,
  matchPinyin,
  type Entry,
  type Match,
} from './match-rules';

/**
 * What fuse.js searches: one record per key (each pinyin reading of each name, and the compacted
 * English name). One key per record, because fuse.js rewards a record for matching many values,
 * which would favour crossings (six aliases) over the road itself.
 */
interface FuzzyRecord {
  entry: number;
  key: string;
}

const DEFAULT_LIMIT = 10;
// Fuzzy matching only for Latin queries at least this long: "xs" would fuzzily match everything.
const FUZZY_MIN_LENGTH = 3;
// fuse.js score 0 = perfect, 1 = anything. 0.3 admits two typos in a 3-syllable name.
const FUZZY_THRESHOLD = 0.3;

export class PlaceIndex {
  private readonly entries: Entry[];
  /** One fuse.js index per first letter: typos rarely hit the first letter, and it makes fuzzy
   * search ~20 times cheaper (a few thousand places stay within a few ms per keystroke). */
  private readonly fuseByInitial = new Map<string, Fuse<FuzzyRecord>>();

  /** Precomputes every key: ~110 ms for 4,000 places (pinyin dominates; bench/place-search.bench.ts). */
  constructor(places: readonly Place[]) {
    this.entries = places.map((place) => {
      const all = [place.name_zh, ...(place.aliases_zh ?? [])];
      const en = (place.name_en ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
      return {
        place,
        names: all.map((n) => ({ zh: cleanZh(n), readings: romanize(n) })),
        en,
        enCompact: compactLatin(en),
      };
    });
    const records: FuzzyRecord[] = this.entries.flatMap((e, entry) => {
      const keys = new Set(e.names.flatMap((n) => n.readings.map((r) => r.full)));
      if (e.enCompact) keys.add(e.enCompact);
      return [...keys].map((key) => ({ entry, key }));
    });
    const byInitial = new Map<string, FuzzyRecord[]>();
    for (const r of records) {
      const list = byInitial.get(r.key[0]);
      if (list) list.push(r);
      else byInitial.set(r.key[0], [r]);
    }
    for (const [initial, list] of byInitial) {
      this.fuseByInitial.set(
        initial,
        new Fuse(list, {
          keys: ['key'],
          includeScore: true,
          ignoreLocation: true,
          threshold: FUZZY_THRESHOLD,
        }),
      );
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Places matching what the user typed, best first. Any string is safe: empty or blank gives [],
   * long input is cut to MAX_QUERY_LENGTH characters, regex characters have no special meaning.
   * @example index.search('xsl')[0].name_zh // '雪松路'
   */
  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const wanted = options.limit ?? DEFAULT_LIMIT;
    const limit = Number.isFinite(wanted) ? Math.max(0, Math.floor(wanted)) : DEFAULT_LIMIT;
    const q = normalizeQuery(query);
    if (limit === 0 || (!q.zh && !q.latin)) return [];
    const kinds = options.kinds ? new Set(options.kinds) : undefined;
    // A Chinese query may also be matched through its pinyin: 雪嵩路 (a homophone slip) finds 雪松路,
    // and a mixed query such as "长椿路 wutongjie" compares as one pinyin string.
    const queryPinyin = q.hasHan ? romanize(q.zh).map((r) => r.full) : [];

    const found = new Map<number, Match>();
    this.entries.forEach((entry, i) => {
      if (kinds && !kinds.has(entry.place.kind)) return;
      let m: Match | undefined;
      if (q.hasHan) {
        m = matchChinese(q, entry);
        if (!m) {
          for (const p of queryPinyin) {
            const viaPinyin = matchPinyin(p, entry);
            // Scored as fuzzy: a different character with the same sound is a guess.
            if (viaPinyin && viaPinyin.score >= 75)
              m = better(m, { score: viaPinyin.score - 31, matchedBy: 'fuzzy' });
          }
        }
      } else if (q.latin) {
        m = better(matchPinyin(q.latin, entry), matchEnglish(q, entry));
      }
      if (m) found.set(i, m);
    });

    const fuzzyPattern = q.hasHan ? queryPinyin[0] : q.latin;
    if (found.size < limit && fuzzyPattern && fuzzyPattern.length >= FUZZY_MIN_LENGTH) {
      // Several keys of one place may match: keep its best.
      const fuse = this.fuseByInitial.get(fuzzyPattern[0]);
      for (const r of fuse ? fuse.search(fuzzyPattern, { limit: limit * 10 }) : []) {
        const i = r.item.entry;
        if (kinds && !kinds.has(this.entries[i].place.kind)) continue;
        const previous = found.get(i);
        const score = fuzzyScore(fuzzyPattern, r);
        if (!previous || (previous.matchedBy === 'fuzzy' && previous.score < score)) {
          found.set(i, { score, matchedBy: 'fuzzy' });
        }
      }
    }

    return [...found]
      .map(([i, m]) => ({ entry: this.entries[i], m }))
      .sort((a, b) => compare(a.entry.place, a.m, b.entry.place, b.m))
      .slice(0, limit)
      .map(({ entry, m }) => toResult(entry.place, m));
  }
}

/**
 * 0..49 from fuse.js's score (0 best), scaled down when the typo'd query covers only part of the
 * matched key, so "xuesnglu" prefers 雪松路 over 雪松路与翠竹街.
 */
function fuzzyScore(pattern: string, r: FuseResult<FuzzyRecord>): number {
  const coverage = Math.min(1, pattern.length / r.item.key.length);
  return Math.round(49 * (1 - (r.score ?? 1)) * (0.6 + 0.4 * coverage) * 100) / 100;
}

function compare(a: Place, am: Match, b: Place, bm: Match): number {
  return (
    bm.score - am.score ||
    PLACE_KIND_PRIORITY[a.kind] - PLACE_KIND_PRIORITY[b.kind] ||
    a.name_zh.length - b.name_zh.length ||
    (b.importance ?? 0) - (a.importance ?? 0) ||
    (a.name_zh < b.name_zh ? -1 : a.name_zh > b.name_zh ? 1 : 0)
  );
}

function toResult(p: Place, m: Match): SearchResult {
  const r: SearchResult = {
    id: p.id,
    kind: p.kind,
    name_zh: p.name_zh,
    name_en: p.name_en,
    center: p.center,
    score: m.score,
    matchedBy: m.matchedBy,
  };
  if (p.bbox) r.bbox = p.bbox;
  if (p.parent_zh) r.parent_zh = p.parent_zh;
  if (p.parent_en) r.parent_en = p.parent_en;
  return r;
}
