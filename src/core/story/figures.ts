/**
 * Resolve a chapter's figure references into what the screen shows: a label, a large number, its
 * unit, and a note. Indicator figures come from indicators.json; computed figures from a map the
 * app fills as computations finish. A computed figure that is not there yet is `computing`, never a
 * guessed or zero number, so a chapter cannot show a figure before its computation is done.
 */
import { noteKeys, type ComputedKey, type FigureRef, type Chapter } from './schema';
import {
  formatBase,
  formatGrowth,
  formatIndicatorValue,
  type Dimension,
  type Lang,
  type Quantity,
} from './format';

/** The fields of an indicators.json entry this module reads. */
export interface IndicatorLike {
  id: string;
  label_zh: string;
  label_en: string;
  value: number;
  unit_zh: string;
  unit_en: string;
  year: number;
  kind: 'result' | 'target';
  growth_pct?: number;
  /** 约 (about), 突破/超过 (over), 以上 (at least): shown as ≈, >, ≥ before the number. */
  qualifier?: 'about' | 'over' | 'at_least';
  sentence?: string;
}

const QUALIFIER_SIGN = { about: '≈', over: '>', at_least: '≥' } as const;

/**
 * Live figures by key. `undefined` (or absent): still computing. `null`: the computation failed or
 * has no data, shown as unavailable.
 */
export type ComputedFigures = Partial<Record<ComputedKey, number | null>>;

/** Units of each computed key, so the formatter knows how to show it. */
export const COMPUTED_DIMENSION: Record<ComputedKey, Dimension | 'count'> = {
  planned_road_km: 'km',
  planned_road_projects: 'count',
  green_added_m2: 'm2',
  green_added_illustrative_pct: 'percent',
  green_added_low_m2: 'm2',
  green_added_low_pct: 'percent',
  green_share_2014_pct: 'percent',
  green_share_2015_pct: 'percent',
  coverage_2014_pct: 'percent',
  coverage_2015_pct: 'percent',
  coverage_gain_pct: 'pp',
  people_newly_covered: 'people',
  population_total: 'people',
};

/** Keys that come from the coverage engine (a walk-time computation), not from geodata alone. */
export const COVERAGE_KEYS: readonly ComputedKey[] = [
  'coverage_2014_pct',
  'coverage_2015_pct',
  'coverage_gain_pct',
  'people_newly_covered',
  'population_total',
];

export type FigureState = 'ready' | 'computing' | 'unavailable';

export interface ResolvedFigure {
  state: FigureState;
  label: string;
  /** Large number; "" unless ready. */
  value: string;
  unit: string;
  /** Secondary line: growth rate, year, or what the figure rests on. */
  note?: string;
  /** 'result' and 'target' for report figures (styled apart), 'computed' for live ones. */
  kind: 'result' | 'target' | 'computed';
  year?: number;
  /** The report's sentence behind an indicator, for a tooltip-free source line. */
  sentence?: string;
  /** Where the figure comes from: an indicator id or a computed key. */
  ref: string;
  /** The unformatted number shown (before rounding), when ready. */
  raw?: number;
}

export interface FigureContext {
  lang: Lang;
  indicators: ReadonlyMap<string, IndicatorLike> | readonly IndicatorLike[];
  computed: ComputedFigures;
}

function lookup(ctx: FigureContext, id: string): IndicatorLike | undefined {
  const ind = ctx.indicators;
  return 'get' in ind ? ind.get(id) : ind.find((i) => i.id === id);
}

function growthNote(ind: IndicatorLike, lang: Lang): string | undefined {
  if (ind.growth_pct === undefined) return undefined;
  const g = formatGrowth(ind.growth_pct, lang);
  return lang === 'zh' ? `增长 ${g.value}${g.unit}` : `${g.value}${g.unit} y/y`;
}

function yearNote(ind: IndicatorLike, lang: Lang): string {
  if (ind.kind === 'target') return lang === 'zh' ? `${ind.year} 年目标` : `${ind.year} target`;
  return lang === 'zh' ? `${ind.year} 年完成` : `${ind.year} result`;
}

function formatComputed(key: ComputedKey, value: number, lang: Lang): Quantity {
  const dim = COMPUTED_DIMENSION[key];
  if (dim === 'count') return { value: String(Math.round(value)), unit: lang === 'zh' ? '项' : '' };
  return formatBase(dim, value, lang);
}

/**
 * A note with its `{key}` placeholders filled from the computed figures ("…" while one is still
 * computing, "?" if it failed), so a note that names a guess carries the live number.
 */
export function fillNote(text: string, ctx: FigureContext): string {
  return text.replace(/\{([a-z0-9_]+)\}/g, (whole, key: string) => {
    if (!(key in COMPUTED_DIMENSION)) return whole;
    const v = ctx.computed[key as ComputedKey];
    if (v === undefined) return '…';
    if (v === null || !Number.isFinite(v)) return '?';
    const q = formatComputed(key as ComputedKey, v, ctx.lang);
    const space = ctx.lang === 'en' && q.unit && !q.unit.startsWith('%') ? ' ' : '';
    return `${q.value}${space}${q.unit}`;
  });
}

/**
 * Resolve one figure reference. An indicator id that is not in the list resolves as
 * `unavailable` (validateStory reports it as an error when given the indicator list).
 *
 * @example
 * resolveFigure({ source: 'computed', key: 'planned_road_km', label }, { lang: 'zh', indicators, computed: { planned_road_km: 31.24 } })
 * // → { state: 'ready', value: '31.2', unit: '公里', … }
 */
export function resolveFigure(ref: FigureRef, ctx: FigureContext): ResolvedFigure {
  const { lang } = ctx;
  if (ref.source === 'indicator') {
    const ind = lookup(ctx, ref.id);
    const customLabel = ref.label?.[lang];
    if (!ind)
      return {
        state: 'unavailable',
        label: customLabel ?? ref.id,
        value: '',
        unit: '',
        kind: 'result',
        ref: ref.id,
      };
    const label = customLabel ?? (lang === 'zh' ? ind.label_zh : ind.label_en);
    const base = {
      state: 'ready' as const,
      label,
      kind: ind.kind,
      year: ind.year,
      sentence: ind.sentence,
      ref: ref.id,
    };
    if (ref.show === 'growth') {
      if (ind.growth_pct === undefined) return { ...base, state: 'unavailable', value: '', unit: '' };
      return {
        ...base,
        raw: ind.growth_pct,
        ...formatGrowth(ind.growth_pct, lang),
        note: ref.note?.[lang] !== undefined ? fillNote(ref.note[lang], ctx) : yearNote(ind, lang),
      };
    }
    const q = formatIndicatorValue(ind.value, ind.unit_zh, ind.unit_en, lang);
    if (ind.qualifier) q.value = QUALIFIER_SIGN[ind.qualifier] + q.value;
    const own = ref.note?.[lang];
    const note = own
      ? fillNote(own, ctx)
      : [yearNote(ind, lang), growthNote(ind, lang)].filter(Boolean).join(' · ');
    return { ...base, raw: ind.value, ...q, note };
  }
  const label = ref.label[lang];
  const own = ref.note?.[lang];
  const note = own === undefined ? undefined : fillNote(own, ctx);
  const v = ctx.computed[ref.key];
  const base = { label, note, kind: 'computed' as const, ref: ref.key };
  if (v === undefined) return { ...base, state: 'computing', value: '', unit: '' };
  if (v === null || !Number.isFinite(v)) return { ...base, state: 'unavailable', value: '', unit: '' };
  return { ...base, state: 'ready', raw: v, ...formatComputed(ref.key, v, lang) };
}

/** All figures of a chapter, in order. */
export function resolveChapterFigures(chapter: Chapter, ctx: FigureContext): ResolvedFigure[] {
  return chapter.figures.map((f) => resolveFigure(f, ctx));
}

/** The computed keys a chapter waits for before its figures are complete (notes' included). */
export function computedKeysOf(chapter: Chapter): ComputedKey[] {
  const known = (k: string): k is ComputedKey => k in COMPUTED_DIMENSION;
  return chapter.figures.flatMap((f) => [
    ...(f.source === 'computed' ? [f.key] : []),
    ...noteKeys(`${f.note?.zh ?? ''} ${f.note?.en ?? ''}`).filter(known),
  ]);
}

/** True once every computed figure of the chapter has a value or has failed. */
export function chapterFiguresSettled(chapter: Chapter, computed: ComputedFigures): boolean {
  return computedKeysOf(chapter).every((k) => computed[k] !== undefined);
}
