/**
 * Pinyin keys for a Chinese name, computed once per place when the index is built, so that a
 * keystroke never calls the pinyin converter for the data side.
 */
import { pinyin } from 'pinyin-pro';

/** One reading of a name: toneless syllables, lower case, ü written v (as typed on pinyin keyboards). */
export interface Romanization {
  /** e.g. ['chang', 'chun', 'lu']; Latin words and digit runs are kept whole ('1', 'hao', 'v'). */
  syllables: string[];
  /** syllables joined: 'changchunlu'. */
  full: string;
  /** first letter of each syllable: 'ccl'. */
  initials: string;
}

// Separators and brackets that carry no sound: dropped from the syllable list.
const NON_SOUND = /[\s()（）【】[\]·.,，、\-–—_/\\'"“”‘’:：;；!！?？#＃&＆*＊]+/u;

function toSyllables(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    for (const part of token.toLowerCase().replace(/ü/g, 'v').split(NON_SOUND)) {
      if (part) out.push(part);
    }
  }
  return out;
}

function fromSyllables(syllables: string[]): Romanization {
  return {
    syllables,
    full: syllables.join(''),
    initials: syllables.map((s) => s[0]).join(''),
  };
}

/**
 * All readings worth indexing for a name, without duplicates:
 * 1. pinyin-pro's reading in context (长 in 长椿路 is chang, 行 in 银行 is hang);
 * 2. each character's most common reading, which rescues names the context model misreads
 *    (it reads 恒大城 as heng dai cheng; people type heng da cheng);
 * 3. the first two with ü typed as u (lv and lu both find 绿).
 */
export function romanize(name: string): Romanization[] {
  const contextual = toSyllables(
    pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }),
  );
  // One Han character at a time, Latin and digit runs kept whole ('863', 'V').
  const pieces = name.match(/\p{Script=Han}|[^\p{Script=Han}]+/gu) ?? [];
  const perCharacter = toSyllables(
    pieces.map((p) => (/\p{Script=Han}/u.test(p) ? pinyin(p, { toneType: 'none', v: true }) : p)),
  );
  const readings = [contextual, perCharacter];
  for (const r of [...readings]) {
    if (r.some((s) => s.includes('v')))
      readings.push(r.map((s) => (isPinyinWithV(s) ? s.replace(/v/g, 'u') : s)));
  }
  const seen = new Set<string>();
  const out: Romanization[] = [];
  for (const r of readings) {
    const key = r.join(' ');
    if (seen.has(key) || r.length === 0) continue;
    seen.add(key);
    out.push(fromSyllables(r));
  }
  return out;
}

// A pinyin syllable with ü: lv, nv, lve, nve. Latin words such as "v" (公馆 V) stay untouched.
function isPinyinWithV(s: string): boolean {
  return /^[ln]ve?$/.test(s);
}

/**
 * Lower case, tone marks dropped, ü as v, everything but a-z and 0-9 removed: how a query is
 * compared with pinyin keys ("Tiānjiàn Hú" -> "tianjianhu", "lǜ" -> "lv").
 */
export function compactLatin(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '');
}
