/** The search cases on the bundled geodata/ layers (not the fixtures). */
import { describe, expect, it } from 'vitest';
import { createPlaceIndex, placesFromLayers } from '../../../src/core/search';
import { latinName } from '../../../src/core/search/latin-name';
import { readPlaceLayers } from './load-fixtures';

describe('place search on geodata/', () => {
  const layers = readPlaceLayers(new URL('../../../geodata/', import.meta.url));
  const index = createPlaceIndex(layers);

  it('indexes parks, roads, crossings, campuses, metro stations, residential places and named places', () => {
    const kinds = new Set(placesFromLayers(layers).map((p) => p.kind));
    expect([...kinds].sort()).toEqual([
      'campus',
      'crossing',
      'green',
      'metro',
      'place',
      'residential',
      'road',
    ]);
  });

  it('finds every place the 2013 bus stops name (landmarks kind place), with an English label by word', () => {
    const named = layers.landmarks!.features.filter((f) => f.properties?.kind === 'place');
    expect(named.length).toBeGreaterThan(50);
    for (const f of named) {
      const zh = String(f.properties?.name_zh);
      const hit = index.search(zh).find((r) => r.kind === 'place' && r.name_zh === zh);
      expect(hit, zh).toBeDefined();
      // Capitalised words of Latin letters: "Zhengda Xinqu Nanmen", never the run-on "Zhengdaxinqunanmen".
      expect(hit!.name_en, zh).toMatch(/^[A-Z][a-z]*( [A-Z][a-z]*)*$/);
      // Written by the one Latin-name rule the app also labels estates with (scripts/geodata).
      expect(hit!.name_en, zh).toBe(latinName(zh, { wholeNames: true }));
    }
    expect(index.search('郑大新区南门')[0]).toMatchObject({ kind: 'place', name_en: 'Zhengda Xinqu Nanmen' });
    expect(index.search('Gouzhao Cun')[0]).toMatchObject({ kind: 'place', name_zh: '沟赵村' });
  });

  it("finds a road by its 2013 name (name_alt): 西环路 is today's 西三环, 绕城路 西四环", () => {
    expect(index.search('西环路')[0]).toMatchObject({ kind: 'road', name_zh: '西三环' });
    expect(index.search('绕城路')[0]).toMatchObject({ kind: 'road', name_zh: '西四环' });
  });

  it('"xsl" finds 雪松路 first', () => {
    expect(index.search('xsl')[0]).toMatchObject({ name_zh: '雪松路', kind: 'road' });
  });

  it('"tianjianhu" finds 天健湖公园 first', () => {
    expect(index.search('tianjianhu')[0]).toMatchObject({ name_zh: '天健湖公园', kind: 'green' });
  });

  it.each(['长椿路与梧桐街', '长椿路梧桐街', '梧桐街长椿路', 'changchunlu wutongjie'])(
    '"%s" finds the crossing first',
    (q) => {
      const r = index.search(q)[0];
      expect(r.kind).toBe('crossing');
      expect(r.name_zh).toMatch(/长椿路/);
      expect(r.name_zh).toMatch(/梧桐街/);
    },
  );

  it('searches every kind: 536 places, with the crossings the layer leaves out derived from the roads', () => {
    const places = placesFromLayers(layers);
    const crossings = places.filter((p) => p.kind === 'crossing');
    expect(crossings.length).toBeGreaterThan(layers.crossings!.features.length);
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
  });

  it.each(['枫杨街雪松路', '雪松路与枫杨街', '枫杨街与雪松路', 'fyjxsl', 'xuesonglu fengyangjie'])(
    '"%s" finds the crossing of 雪松路 and 枫杨街 (not in crossings.geojson) first',
    (q) => {
      const r = index.search(q)[0];
      expect(r).toMatchObject({ kind: 'crossing', name_zh: '雪松路与枫杨街' });
      expect(r.center).toEqual([113.549798, 34.814785]);
    },
  );

  it('ranks exact Chinese, then Chinese prefix: 雪松路 the road before the crossings named after it', () => {
    const rs = index.search('雪松路');
    expect(rs[0]).toMatchObject({ name_zh: '雪松路', kind: 'road', matchedBy: 'exact', score: 100 });
    expect(rs.slice(1).every((r) => r.score < 100)).toBe(true);
  });

  it('ranks an exact pinyin name before names it is only a prefix of, and both before a typo', () => {
    const rs = index.search('fengyangjie');
    expect(rs[0]).toMatchObject({ name_zh: '枫杨街', matchedBy: 'pinyin', score: 80 });
    expect(rs.slice(1, 4).every((r) => r.kind === 'crossing' && r.score === 75)).toBe(true);
    const typo = index.search('fenygangjie');
    expect(typo[0]).toMatchObject({ name_zh: '枫杨街', matchedBy: 'fuzzy' });
    // Fuzzy scores stay below every pinyin tier (75 and up).
    expect(typo[0].score).toBeLessThan(50);
    expect(rs.filter((r) => r.matchedBy !== 'fuzzy').every((r) => r.score >= 75)).toBe(true);
  });

  it('prefers the park on a tie: "lianhua" gives 莲花公园 before 莲花街', () => {
    const rs = index.search('lianhua');
    expect(rs.slice(0, 2).map((r) => r.name_zh)).toEqual(['莲花公园', '莲花街']);
    expect(rs[0].score).toBe(rs[1].score);
  });

  it.each([
    ['Tianjian Lake Park', '天健湖公园', 'english'],
    ['green valley', '绿谷公园', 'english'],
    ['tianjainhu', '天健湖公园', 'fuzzy'],
    ['xuesnglu', '雪松路', 'fuzzy'],
    ['lvgu', '绿谷公园', 'pinyin'],
    ['tjhgy', '天健湖公园', 'initials'],
  ])('"%s" finds %s (%s)', (q, zh, by) => {
    expect(index.search(q)[0]).toMatchObject({ name_zh: zh, matchedBy: by });
  });
});

describe('the plan projects by their plan names', () => {
  const layers = readPlaceLayers(new URL('../../../geodata/', import.meta.url));
  const index = createPlaceIndex(layers);
  const roads = layers.roads!.features;

  it.each(['长椿路南延', '雪松路北延', '西三环北延'])('"%s" finds the whole project first', (q) => {
    const r = index.search(q)[0];
    expect(r.name_zh).toBe(q);
    // The result's box holds every piece of the project, not one segment.
    for (const f of roads.filter((x) => x.properties?.plan === q)) {
      const coords = (f.geometry as { coordinates: number[][] }).coordinates;
      for (const [lng, lat] of coords) {
        expect(lng).toBeGreaterThanOrEqual(r.bbox![0]);
        expect(lat).toBeGreaterThanOrEqual(r.bbox![1]);
        expect(lng).toBeLessThanOrEqual(r.bbox![2]);
        expect(lat).toBeLessThanOrEqual(r.bbox![3]);
      }
    }
  });

  it('finds the link works the plan text names, and names extensions in English', () => {
    expect(index.search('西三环北延连接工程')[0].name_zh).toBe('西三环北延连接工程');
    expect(index.search('连接工程')[0].name_zh).toBe('西三环北延连接工程');
    expect(index.search('长椿路南延')[0].name_en).toMatch(/south extension$/);
  });
});
