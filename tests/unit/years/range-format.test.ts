import { describe, expect, it } from 'vitest';
import { type Lang, translate } from '../../../src/i18n';
import { formatPeople, formatRange, formatShare } from '../../../src/core/coverage/range-format';

const templates = (lang: Lang) => ({
  without: translate(lang, 'cov.range.without'),
  none: translate(lang, 'cov.range.none'),
});

describe('range text in both languages', () => {
  it('puts the share without guessed features beside the share', () => {
    const range = { value: 0.335, withoutGuessed: 0.118 };
    expect(formatRange(range, (x) => formatShare('en', x), templates('en'))).toBe(
      '33.5% (11.8% without guessed features)',
    );
    expect(formatRange(range, (x) => formatShare('zh', x), templates('zh'))).toBe(
      '33.5%（不计推测要素：11.8%）',
    );
  });

  it('shows the figure alone when both ends read the same', () => {
    const range = { value: 0.33512, withoutGuessed: 0.33498 };
    expect(formatRange(range, (x) => formatShare('en', x), templates('en'))).toBe('33.5%');
  });

  it('rounds people to tens and says when nothing is left without the guesses', () => {
    expect(
      formatRange({ value: 12345.6, withoutGuessed: 20004 }, (n) => formatPeople('en', n), templates('en')),
    ).toBe('12,350 (20,000 without guessed features)');
    expect(formatRange({ value: 12, withoutGuessed: null }, (n) => `${n} 分钟`, templates('zh'))).toBe(
      '12 分钟（不计推测要素：无）',
    );
    expect(formatRange({ value: 12, withoutGuessed: null }, (n) => `${n} min`, templates('en'))).toBe(
      '12 min (none without guessed features)',
    );
  });
});
