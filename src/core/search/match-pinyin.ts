/**
 * Matches typed Latin letters against a name's pinyin syllables, allowing each syllable to be typed
 * in full or cut short: "xuesl", "xsl", "tianjh" and "tianjianhu" all reach 天健湖/雪松路 style names.
 */

/**
 * True when `query` is a sequence of non-empty prefixes of consecutive syllables starting at
 * syllable `start`, using all of `query`.
 * @example syllablePrefixMatch('xuesl', ['xue', 'song', 'lu'], 0) // true
 */
export function syllablePrefixMatch(query: string, syllables: readonly string[], start = 0): boolean {
  // failed[qi * n + si]: no match of query[qi..] from syllable si; bounds the search to O(|q|·n·|s|).
  const n = syllables.length;
  const failed = new Uint8Array((query.length + 1) * (n + 1));
  const go = (qi: number, si: number): boolean => {
    if (qi === query.length) return true;
    if (si === n || failed[qi * n + si]) return false;
    const s = syllables[si];
    // Longest piece first: full syllables are the common case.
    for (let len = Math.min(s.length, query.length - qi); len >= 1; len--) {
      if (query.startsWith(s.slice(0, len), qi) && go(qi + len, si + 1)) return true;
    }
    failed[qi * n + si] = 1;
    return false;
  };
  return go(0, start);
}
