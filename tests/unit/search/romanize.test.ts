import { describe, expect, it } from 'vitest';
import { romanize } from '../../../src/core/search/romanize';
import { syllablePrefixMatch } from '../../../src/core/search/match-pinyin';

const fulls = (zh: string) => romanize(zh).map((r) => r.full);

describe('romanize', () => {
  it('reads polyphones in context: 长 in 长椿路 is chang, 行 in 银行路 is hang', () => {
    expect(fulls('长椿路')[0]).toBe('changchunlu');
    expect(romanize('长椿路')[0].initials).toBe('ccl');
    expect(fulls('银行路')).toContain('yinhanglu');
  });

  it('also indexes the common reading where the context model guesses a rare one', () => {
    expect(fulls('郑州恒大城')).toContain('zhengzhouhengdacheng');
  });

  it('indexes ü both as v and as u', () => {
    expect(fulls('绿地璞园')).toEqual(expect.arrayContaining(['lvdipuyuan', 'ludipuyuan']));
  });

  it('keeps digit and Latin runs whole and drops punctuation', () => {
    expect(romanize('国家863中部软件园')[0].syllables).toContain('863');
    expect(romanize('西流湖公园(北区)')[0].full).toBe('xiliuhugongyuanbeiqu');
  });
});

describe('syllablePrefixMatch', () => {
  const s = ['xue', 'song', 'lu'];
  it('accepts full syllables, initials and any mix of prefixes', () => {
    for (const q of ['xuesonglu', 'xsl', 'xuesl', 'xsonglu', 'xues', 'x'])
      expect(syllablePrefixMatch(q, s)).toBe(true);
  });
  it('rejects letters that skip or reorder syllables', () => {
    for (const q of ['songlu', 'xl', 'xslx', 'xuesongluu', 'uesong'])
      expect(syllablePrefixMatch(q, s)).toBe(false);
    expect(syllablePrefixMatch('songlu', s, 1)).toBe(true);
  });
});
