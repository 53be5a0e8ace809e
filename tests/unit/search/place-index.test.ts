import { describe, expect, it } from 'vitest';
import { createPlaceIndex, MAX_QUERY_LENGTH, PlaceIndex, type SearchResult } from '../../../src/core/search';
import { fixtureLayers } from './load-fixtures';

const index = createPlaceIndex(fixtureLayers());
const names = (rs: SearchResult[]) => rs.map((r) => r.name_zh);
const first = (q: string) => index.search(q)[0];

describe('PlaceIndex.search: Chinese', () => {
  it('ranks the exact name first, then prefixes, then substrings', () => {
    const rs = index.search('雪松路');
    expect(rs[0]).toMatchObject({ name_zh: '雪松路', kind: 'road', matchedBy: 'exact', score: 100 });
    const pocket = rs.findIndex((r) => r.name_zh === '雪松路游园');
    const crossing = rs.findIndex((r) => r.name_zh === '雪松路与翠竹街');
    expect(pocket).toBeGreaterThan(0);
    expect(crossing).toBeGreaterThan(0);
    expect(rs[pocket].matchedBy).toBe('prefix');
  });

  it('puts a Chinese prefix before a Chinese substring', () => {
    const rs = index.search('公园');
    expect(rs[0].matchedBy).toBe('prefix');
    expect(rs[0].name_zh).toBe('公园道南苑');
    expect(rs.slice(1).every((r) => r.score <= rs[0].score)).toBe(true);
    expect(names(rs)).toContain('天健湖公园');
  });

  it('matches a name without its bracketed qualifier exactly: 郑州大学 is the campus, not the station', () => {
    const rs = index.search('郑州大学');
    expect(rs[0]).toMatchObject({ name_zh: '郑州大学(主校区)', kind: 'campus', matchedBy: 'exact' });
    expect(rs[1]).toMatchObject({ name_zh: '郑州大学站', matchedBy: 'prefix' });
    expect(first('zzdx').name_zh).toBe('郑州大学(主校区)');
  });

  it('puts a road before the crossings named after it when both only start with the query', () => {
    const rs = index.search('雪松');
    expect(rs.map((r) => r.kind)).toEqual(['green', 'road', 'crossing']);
  });

  it('finds estates inside residential blocks, with the block as parent', () => {
    expect(first('万科城湖心岛')).toMatchObject({
      kind: 'residential',
      parent_zh: '万科城街坊',
      matchedBy: 'exact',
    });
  });

  it('tolerates a homophone slip through pinyin, ranked as fuzzy', () => {
    expect(first('雪嵩路')).toMatchObject({ name_zh: '雪松路', matchedBy: 'fuzzy' });
  });
});

describe('PlaceIndex.search: crossings in any form', () => {
  it.each([
    '长椿路与梧桐街',
    '长椿路梧桐街',
    '梧桐街长椿路',
    '梧桐街与长椿路',
    '长椿路 梧桐街',
    '长椿路和梧桐街交叉口',
  ])('%s finds 长椿路与梧桐街 first', (q) => {
    expect(first(q)).toMatchObject({ name_zh: '长椿路与梧桐街', kind: 'crossing' });
    expect(first(q).center).toEqual([113.54, 34.812]);
  });

  it.each(['changchunlu wutongjie', 'changchunluwutongjie', 'wutongjie changchunlu', 'ccl wtj'])(
    '%s finds the crossing through pinyin',
    (q) => expect(first(q).name_zh).toBe('长椿路与梧桐街'),
  );

  it('finds a crossing whose roads are known only from its name', () => {
    expect(first('长椿路科学大道').name_zh).toBe('科学大道与长椿路');
  });
});

describe('PlaceIndex.search: pinyin and English', () => {
  it('"xsl" finds 雪松路 first: exact initials beat a park whose initials merely start with xsl', () => {
    const rs = index.search('xsl');
    expect(rs[0]).toMatchObject({ name_zh: '雪松路', matchedBy: 'initials' });
    expect(names(rs)).toEqual(expect.arrayContaining(['雪松路游园', '小石梁村']));
  });

  it('"tianjianhu" finds 天健湖公园 first, the metro station after it', () => {
    const rs = index.search('tianjianhu');
    expect(rs[0].name_zh).toBe('天健湖公园');
    expect(rs[0].matchedBy).toBe('pinyin');
    expect(names(rs)).toContain('天健湖站');
  });

  it.each(['tian jian hu', 'TianJianHu', 'tiānjiànhú', 'tianjh', 'tjhgy'])(
    '%s also finds 天健湖公园 first',
    (q) => {
      expect(first(q).name_zh).toBe('天健湖公园');
    },
  );

  it('reads 长 in 长椿路 as chang', () => {
    expect(first('changchunlu')).toMatchObject({ name_zh: '长椿路', matchedBy: 'pinyin', score: 80 });
    expect(first('ccl')).toMatchObject({ name_zh: '长椿路', matchedBy: 'initials' });
  });

  it('finds 恒大 under its common reading and 绿 as lv or lu', () => {
    // 恒大城街坊 starts with hengdacheng (a prefix), the estate only contains it (a substring).
    expect(names(index.search('hengdacheng')).slice(0, 2)).toEqual(['恒大城街坊', '郑州恒大城']);
    expect(first('zhengzhouhengdacheng').name_zh).toBe('郑州恒大城');
    expect(first('lvgu').name_zh).toBe('绿谷公园');
    expect(first('lugu').name_zh).toBe('绿谷公园');
  });

  it('matches English names case-insensitively, by prefix and by later word', () => {
    // "xuesong" is a prefix of three names alike; ties go to the park, and the road is the first road.
    const rs = index.search('xuesong');
    expect(rs.slice(0, 3).map((r) => r.score)).toEqual([75, 75, 75]);
    expect(rs.find((r) => r.kind === 'road')?.name_zh).toBe('雪松路');
    expect(first('Xuesong Road')).toMatchObject({ name_zh: '雪松路', matchedBy: 'english', score: 80 });
    expect(first('XUESONG ROAD POCKET')).toMatchObject({ name_zh: '雪松路游园', matchedBy: 'english' });
    expect(first('zhengzhou university')).toMatchObject({
      name_zh: '郑州大学(主校区)',
      matchedBy: 'english',
    });
    expect(first('green valley')).toMatchObject({ name_zh: '绿谷公园', matchedBy: 'english' });
    expect(names(index.search('university'))).toEqual(
      expect.arrayContaining(['郑州大学(主校区)', '河南工业大学']),
    );
  });

  it('tolerates a typo, ranking the fuzzy match below exact matches', () => {
    const exact = first('xuesonglu');
    const typo = first('xuesnglu');
    expect(exact).toMatchObject({ name_zh: '雪松路', matchedBy: 'pinyin', score: 80 });
    expect(typo).toMatchObject({ name_zh: '雪松路', matchedBy: 'fuzzy' });
    expect(typo.score).toBeLessThan(50);
    expect(first('tianjainhu').name_zh).toBe('天健湖公园');
    expect(first('zhengzou university').name_zh).toBe('郑州大学(主校区)');
  });

  it('substring matches start at a syllable: "songlu" finds 雪松路, "onglu" does not', () => {
    expect(index.search('songlu').find((r) => r.name_zh === '雪松路')?.matchedBy).toBe('substring');
    expect(index.search('onglu').filter((r) => r.matchedBy === 'substring')).toEqual([]);
  });
});

describe('PlaceIndex.search: options and results', () => {
  it('respects limit and kinds', () => {
    expect(index.search('lu', { limit: 3 })).toHaveLength(3);
    expect(index.search('tianjianhu', { kinds: ['metro'] }).map((r) => r.name_zh)).toEqual(['天健湖站']);
    expect(index.search('雪松路', { limit: 0 })).toEqual([]);
  });

  it('returns scores in descending order and complete results', () => {
    const rs = index.search('lu', { limit: 50 });
    for (let i = 1; i < rs.length; i++) expect(rs[i].score).toBeLessThanOrEqual(rs[i - 1].score);
    for (const r of rs) {
      expect(r.id).toMatch(/^(green|road|crossing|metro|campus|residential):/);
      expect(r.center).toHaveLength(2);
      expect(Number.isFinite(r.center[0]) && Number.isFinite(r.center[1])).toBe(true);
    }
  });

  it('breaks equal scores by kind priority: a park before a metro station', () => {
    const rs = index.search('天健湖');
    expect(names(rs).slice(0, 2)).toEqual(['天健湖公园', '天健湖站']);
    expect(rs[0].score).toBe(rs[1].score);
  });
});

describe('PlaceIndex.search: hostile and empty input', () => {
  it.each([
    '',
    '   ',
    '\t\n',
    '与',
    '——',
    '()',
    '.*',
    '[',
    '\\',
    '(?<x>a)+$',
    '^$|.*',
    '%s%n',
    '\u0000',
    '\ud800',
    '🌳',
  ])('returns an array without throwing for %j', (q) => {
    const rs = index.search(q);
    expect(Array.isArray(rs)).toBe(true);
  });

  it('works on an empty index and with odd limits', () => {
    expect(new PlaceIndex([]).search('xsl')).toEqual([]);
    expect(new PlaceIndex([]).search('雪松路')).toEqual([]);
    expect(index.search('xsl', { limit: NaN })[0].name_zh).toBe('雪松路');
    expect(index.search('xsl', { limit: -3 })).toEqual([]);
    expect(index.search('lu', { limit: 2.7 })).toHaveLength(2);
  });

  it('returns nothing for blank input', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   \n ')).toEqual([]);
    expect(index.search(undefined as unknown as string)).toEqual([]);
    expect(index.search(42 as unknown as string)).toEqual([]);
  });

  it('treats regex characters as text', () => {
    expect(index.search('.*')).toEqual([]);
    // The dot and star are not wildcards: no name contains them, so only sound-alike guesses remain.
    expect(index.search('雪松.*').every((r) => r.matchedBy === 'fuzzy')).toBe(true);
    expect(index.search('[雪松路]').every((r) => r.matchedBy === 'fuzzy')).toBe(true);
  });

  it('cuts very long queries and still answers sanely', () => {
    const long = '雪松路'.repeat(100_000);
    expect(index.search(long)).toEqual([]);
    expect(first('xuesonglu' + ' '.repeat(200_000)).name_zh).toBe('雪松路');
    expect(first('雪松路' + ' '.repeat(MAX_QUERY_LENGTH * 10)).name_zh).toBe('雪松路');
    expect(Array.isArray(index.search('a'.repeat(1_000_000)))).toBe(true);
  });
});
