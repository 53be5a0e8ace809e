import { describe, expect, it } from 'vitest';
import { dictionaries, translate } from '../../../src/i18n';

describe('interface strings', () => {
  it('every key exists in both Chinese and English', () => {
    const { zh, en } = dictionaries();
    const missingEn = Object.keys(zh).filter((k) => !(k in en));
    const missingZh = Object.keys(en).filter((k) => !(k in zh));
    expect(missingEn).toEqual([]);
    expect(missingZh).toEqual([]);
  });

  it('no string is empty, and every {placeholder} matches across languages', () => {
    const { zh, en } = dictionaries();
    for (const k of Object.keys(zh)) {
      expect(zh[k].trim(), k).not.toBe('');
      expect(en[k].trim(), k).not.toBe('');
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(en[k]), k).toEqual(ph(zh[k]));
    }
  });

  it('writes English quotes and apostrophes in ASCII: the interface font (Noto Sans SC) draws ’ “ ” full-width', () => {
    const { en } = dictionaries();
    const curly = Object.entries(en).filter(([, v]) => /[‘’“”]/.test(v));
    expect(curly.map(([k]) => k)).toEqual([]);
  });

  it('fills placeholders and falls back to the key when a string is missing', () => {
    expect(translate('en', 'details.projectLength', { name: 'X' })).toContain('X');
    expect(translate('zh', 'no.such.key')).toBe('no.such.key');
  });
});
