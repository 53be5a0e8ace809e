import { describe, expect, it } from 'vitest';
import {
  resolveFigure,
  resolveChapterFigures,
  chapterFiguresSettled,
  computedKeysOf,
  type IndicatorLike,
} from '../../../src/core/story/figures';
import { formatIndicatorValue, formatBase, formatGrowth } from '../../../src/core/story/format';
import { validateStory, type Chapter } from '../../../src/core/story/schema';

// Figures as the work report gives them (seed text), in the shape of indicators.json.
const indicators: IndicatorLike[] = [
  {
    id: 'gdp_2014',
    label_zh: 'GDP',
    label_en: 'GDP',
    value: 201.4,
    unit_zh: '亿元',
    unit_en: '100 million yuan',
    year: 2014,
    kind: 'result',
  },
  {
    id: 'gdp_2015',
    label_zh: 'GDP',
    label_en: 'GDP',
    value: 230,
    unit_zh: '亿元',
    unit_en: '100 million yuan',
    year: 2015,
    kind: 'target',
    growth_pct: 15,
  },
  {
    id: 'road_km',
    label_zh: '道路总长',
    label_en: 'Road length',
    value: 94,
    unit_zh: '公里',
    unit_en: 'km',
    year: 2015,
    kind: 'target',
  },
  {
    id: 'green',
    label_zh: '新增绿化面积',
    label_en: 'New green',
    value: 172,
    unit_zh: '万平方米',
    unit_en: '10,000 m²',
    year: 2015,
    kind: 'target',
  },
  {
    id: 'cover',
    label_zh: '建成区绿化覆盖率',
    label_en: 'Green cover',
    value: 40,
    unit_zh: '%',
    unit_en: '%',
    year: 2015,
    kind: 'target',
  },
  {
    id: 'projects',
    label_zh: '道路项目',
    label_en: 'Road projects',
    value: 96,
    unit_zh: '项',
    unit_en: 'projects',
    year: 2015,
    kind: 'target',
  },
  {
    id: 'fai',
    label_zh: '固定资产投资',
    label_en: 'Investment',
    value: 266,
    unit_zh: '亿元',
    unit_en: '100 million yuan',
    year: 2014,
    kind: 'result',
    growth_pct: 20.8,
  },
];
const label = { zh: '图上规划道路', en: 'Plan roads on the map' };

describe('formatting per language', () => {
  it('keeps 亿元 in Chinese and converts to billions in English (1 亿 = 0.1 bn)', () => {
    expect(formatIndicatorValue(201.4, '亿元', '', 'zh')).toEqual({ value: '201.4', unit: '亿元' });
    expect(formatIndicatorValue(201.4, '亿元', '', 'en')).toEqual({ value: '20.14', unit: 'bn yuan' });
    expect(formatIndicatorValue(1200, '亿元', '', 'en')).toEqual({ value: '120', unit: 'bn yuan' });
    expect(formatIndicatorValue(25.5, '亿元', '', 'en')).toEqual({ value: '2.55', unit: 'bn yuan' });
  });

  it('shows 172 万平方米 as 万 m² and as million m²', () => {
    expect(formatIndicatorValue(172, '万平方米', '', 'zh')).toEqual({ value: '172', unit: '万 m²' });
    expect(formatIndicatorValue(172, '万平方米', '', 'en')).toEqual({ value: '1.72', unit: 'million m²' });
  });

  it('shows lengths, percentages and counts', () => {
    expect(formatIndicatorValue(94, '公里', 'km', 'zh')).toEqual({ value: '94', unit: '公里' });
    expect(formatIndicatorValue(94, '公里', 'km', 'en')).toEqual({ value: '94', unit: 'km' });
    expect(formatIndicatorValue(40, '%', '%', 'en')).toEqual({ value: '40', unit: '%' });
    expect(formatIndicatorValue(96, '项', 'projects', 'en')).toEqual({ value: '96', unit: 'projects' });
    expect(formatIndicatorValue(96, '项', 'projects', 'zh')).toEqual({ value: '96', unit: '项' });
  });

  it('rounds computed values for the screen', () => {
    expect(formatBase('km', 31.2449, 'en')).toEqual({ value: '31.2', unit: 'km' });
    expect(formatBase('m2', 1_234_567, 'zh')).toEqual({ value: '123.5', unit: '万 m²' });
    expect(formatBase('m2', 1_234_567, 'en')).toEqual({ value: '1.23', unit: 'million m²' });
    expect(formatBase('m2', 8_000, 'zh')).toEqual({ value: '8,000', unit: 'm²' });
    expect(formatBase('pp', 12.345, 'zh')).toEqual({ value: '+12.3', unit: '个百分点' });
    expect(formatBase('pp', -3, 'en')).toEqual({ value: '−3', unit: 'points' });
    expect(formatBase('people', 12_345, 'zh')).toEqual({ value: '1.2', unit: '万人' });
    expect(formatBase('people', 12_345, 'en')).toEqual({ value: '12.3', unit: 'thousand people' });
    expect(formatBase('people', 168_432, 'en')).toEqual({ value: '168', unit: 'thousand people' });
    expect(formatBase('people', 8_765, 'en')).toEqual({ value: '8,800', unit: 'people' });
    expect(formatGrowth(20.8, 'zh')).toEqual({ value: '+20.8', unit: '%' });
  });
});

describe('resolveFigure', () => {
  it('resolves an indicator with its label, year and growth', () => {
    const zh = resolveFigure(
      { source: 'indicator', id: 'gdp_2015', show: 'value' },
      { lang: 'zh', indicators, computed: {} },
    );
    expect(zh).toMatchObject({
      state: 'ready',
      label: 'GDP',
      value: '230',
      unit: '亿元',
      kind: 'target',
      year: 2015,
    });
    expect(zh.note).toBe('2015 年目标 · 增长 +15%');
    const en = resolveFigure(
      { source: 'indicator', id: 'fai', show: 'value' },
      { lang: 'en', indicators, computed: {} },
    );
    expect(en).toMatchObject({ value: '26.6', unit: 'bn yuan', kind: 'result' });
    expect(en.note).toBe('2014 result · +20.8% y/y');
  });

  it('marks the report’s qualifiers (突破, 以上, 约) on the number', () => {
    const clusters: IndicatorLike = {
      ...indicators[0],
      id: 'clusters',
      value: 900,
      qualifier: 'over',
      year: 2015,
      kind: 'target',
    };
    const cover: IndicatorLike = { ...indicators[4], qualifier: 'at_least' };
    const ctx = { lang: 'zh' as const, indicators: [clusters, cover], computed: {} };
    expect(resolveFigure({ source: 'indicator', id: 'clusters', show: 'value' }, ctx).value).toBe('>900');
    expect(resolveFigure({ source: 'indicator', id: 'cover', show: 'value' }, ctx).value).toBe('≥40');
  });

  it('shows the growth rate large when asked', () => {
    const f = resolveFigure(
      { source: 'indicator', id: 'fai', show: 'growth' },
      { lang: 'zh', indicators, computed: {} },
    );
    expect(f).toMatchObject({ state: 'ready', value: '+20.8', unit: '%' });
  });

  it('accepts indicators as a Map', () => {
    const map = new Map(indicators.map((i) => [i.id, i]));
    const f = resolveFigure(
      { source: 'indicator', id: 'green', show: 'value' },
      { lang: 'en', indicators: map, computed: {} },
    );
    expect(f).toMatchObject({ value: '1.72', unit: 'million m²', label: 'New green' });
  });

  it('is unavailable, not invented, for an unknown indicator', () => {
    const f = resolveFigure(
      { source: 'indicator', id: 'nope', show: 'value' },
      { lang: 'zh', indicators, computed: {} },
    );
    expect(f.state).toBe('unavailable');
    expect(f.value).toBe('');
  });

  it('waits for a computed figure, then shows it; a failed one is unavailable', () => {
    const ref = { source: 'computed', key: 'planned_road_km', label } as const;
    const waiting = resolveFigure(ref, { lang: 'zh', indicators, computed: {} });
    expect(waiting).toMatchObject({ state: 'computing', value: '' });
    expect(waiting.raw).toBeUndefined();
    expect(
      resolveFigure(ref, { lang: 'zh', indicators, computed: { planned_road_km: 31.24 } }),
    ).toMatchObject({
      state: 'ready',
      value: '31.2',
      unit: '公里',
      label: '图上规划道路',
      // The unrounded number and its key go along, so a check can compare it with its source.
      ref: 'planned_road_km',
      raw: 31.24,
    });
    expect(resolveFigure(ref, { lang: 'en', indicators, computed: { planned_road_km: null } }).state).toBe(
      'unavailable',
    );
    expect(resolveFigure(ref, { lang: 'en', indicators, computed: { planned_road_km: NaN } }).state).toBe(
      'unavailable',
    );
  });
});

describe('chapter figures', () => {
  const json = {
    version: 1,
    title: { zh: '标题', en: 'Title' },
    chapters: [
      {
        id: 'roads',
        title: { zh: '道路', en: 'Roads' },
        caption: { zh: '说明', en: 'Caption' },
        camera: { center: [113.56, 34.81], zoom: 12 },
        layers: ['roads'],
        figures: [
          { source: 'computed', key: 'planned_road_km', label },
          { source: 'indicator', id: 'road_km' },
        ],
        captionPosition: 'left',
      },
    ],
  };
  const r = validateStory(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const chapter: Chapter = r.story.chapters[0];

  it('fills camera defaults', () => {
    expect(chapter.camera).toEqual({ center: [113.56, 34.81], zoom: 12, bearing: 0, pitch: 0 });
  });

  it('resolves in order and knows when its computations are done', () => {
    expect(computedKeysOf(chapter)).toEqual(['planned_road_km']);
    expect(chapterFiguresSettled(chapter, {})).toBe(false);
    expect(chapterFiguresSettled(chapter, { planned_road_km: null })).toBe(true);
    const figs = resolveChapterFigures(chapter, {
      lang: 'en',
      indicators,
      computed: { planned_road_km: 40.05 },
    });
    expect(figs.map((f) => `${f.value} ${f.unit}`)).toEqual(['40.1 km', '94 km']);
  });
});

describe('notes that carry a live figure', () => {
  const label = { zh: '图上新增绿地', en: 'New green on the map' };
  const json = {
    version: 1,
    title: { zh: '标题', en: 'Title' },
    chapters: [
      {
        id: 'green',
        title: { zh: '绿地', en: 'Green' },
        caption: { zh: '说明', en: 'Caption' },
        camera: { center: [113.56, 34.81], zoom: 12 },
        layers: ['greenery'],
        figures: [
          {
            source: 'computed',
            key: 'green_added_m2',
            label,
            note: { zh: '其中 {green_added_low_m2} 是推测', en: '{green_added_low_pct} of it guessed' },
          },
        ],
        captionPosition: 'left',
      },
    ],
  };

  it('waits for the note’s figure and fills it in, formatted in the slide’s language', () => {
    const r = validateStory(json);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const ch = r.story.chapters[0];
    expect(computedKeysOf(ch)).toEqual(['green_added_m2', 'green_added_low_m2', 'green_added_low_pct']);
    expect(chapterFiguresSettled(ch, { green_added_m2: 2e6 })).toBe(false);
    const computed = { green_added_m2: 2e6, green_added_low_m2: 1.5e6, green_added_low_pct: 75 };
    expect(chapterFiguresSettled(ch, computed)).toBe(true);
    const zh = resolveChapterFigures(ch, { lang: 'zh', indicators, computed })[0];
    expect(zh.note).toBe(
      `其中 ${formatBase('m2', 1.5e6, 'zh').value}${formatBase('m2', 1.5e6, 'zh').unit} 是推测`,
    );
    const en = resolveChapterFigures(ch, { lang: 'en', indicators, computed })[0];
    expect(en.note).toBe(`${formatBase('percent', 75, 'en').value}% of it guessed`);
    // Still computing, or failed: never a made-up number.
    expect(
      resolveChapterFigures(ch, { lang: 'en', indicators, computed: { green_added_m2: 1 } })[0].note,
    ).toBe('… of it guessed');
    expect(
      resolveChapterFigures(ch, { lang: 'en', indicators, computed: { green_added_low_pct: null } })[0].note,
    ).toBe('? of it guessed');
  });

  it('rejects a placeholder that names no computed figure, saying where', () => {
    const bad = structuredClone(json);
    bad.chapters[0].figures[0].note!.en = '{green_typo} of it guessed';
    const r = validateStory(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].path).toBe('chapters[0].figures[0].note.en');
    expect(r.errors[0].message).toContain('unknown computed figure {green_typo}');
  });
});
