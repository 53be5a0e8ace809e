/**
 * The presentation story as data (geodata/story.json): chapters in order, each a camera, the layer
 * groups to show, what to highlight, a bilingual caption and the figures to show large. Figures are
 * references (to indicators.json or to a live computation), never typed-in numbers, so the story
 * cannot drift from the data. A planner edits or reorders chapters without touching code;
 * `validateStory` tells them exactly what is wrong and where.
 */
import { z } from 'zod';

/** Figures computed live from geodata or the coverage engine; story.json may only name these. */
export const COMPUTED_KEYS = [
  /** Total length of the plan's road features (`plan` set, not existing), kilometres. */
  'planned_road_km',
  /** Number of distinct plan road projects placed on the map. */
  'planned_road_projects',
  /** Area of green spaces the plan adds (status not existing), m². */
  'green_added_m2',
  /** Share of that added area resting on illustrative (guessed) features, %. */
  'green_added_illustrative_pct',
  /**
   * Added green area of low confidence (course and width guessed: the plan's corridors, which no
   * source names), m², and its share of all added green, %.
   */
  'green_added_low_m2',
  'green_added_low_pct',
  /** Green-space share of built-up land, a proxy for green cover, %: as built 2014 and with the plan. */
  'green_share_2014_pct',
  'green_share_2015_pct',
  /** Share of residents within 15 walking minutes of a green space, %, per scenario. */
  'coverage_2014_pct',
  'coverage_2015_pct',
  /** coverage_2015_pct − coverage_2014_pct, percentage points. */
  'coverage_gain_pct',
  /** Residents within 15 minutes with the plan who were not in 2014. */
  'people_newly_covered',
  /** Residents counted in the coverage statistics (the same in both scenarios). */
  'population_total',
] as const;
export type ComputedKey = (typeof COMPUTED_KEYS)[number];

/**
 * Where the caption sits: a side column (left/right), a corner card, a full-width band along the
 * bottom, a title card at the top centre, or a title column at the left that leaves most of the
 * screen to a full map (title and closing slides). The camera is padded by the caption so the
 * map's subject stays in the free part of the screen.
 */
export const CAPTION_POSITIONS = [
  'left',
  'right',
  'top-left',
  'top-right',
  'bottom-left',
  'bottom-right',
  'bottom',
  'center',
  'title-left',
] as const;
export type CaptionPosition = (typeof CAPTION_POSITIONS)[number];

/** An error message that says "missing" when the value is absent, what was expected otherwise. */
const expecting =
  (what: string) =>
  (iss: { input?: unknown }): string =>
    iss.input === undefined ? `missing: expected ${what}` : `expected ${what}`;

const between = (min: number, max: number) => {
  const error = `expected a number between ${min} and ${max}`;
  return z.number({ error }).min(min, { error }).max(max, { error });
};

const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' });

/** Every visible string comes in both interface languages. */
export const Bilingual = z.strictObject(
  { zh: text, en: text },
  { error: expecting('{ "zh": "…", "en": "…" }') },
);
export type Bilingual = z.infer<typeof Bilingual>;

export const Camera = z.strictObject(
  {
    /** [longitude, latitude], WGS-84 */
    center: z.tuple([between(-180, 180), between(-90, 90)], { error: 'expected [longitude, latitude]' }),
    zoom: between(0, 22),
    /** degrees clockwise from north */
    bearing: between(-360, 360).default(0),
    /** degrees from vertical; MapLibre allows up to 85 */
    pitch: between(0, 85).default(0),
  },
  { error: expecting('a camera { center, zoom, bearing, pitch }') },
);
export type Camera = z.infer<typeof Camera>;

const id = z.string({ error: 'expected an id' }).min(1, { error: 'must not be empty' });
const propertyValue = z.union([z.string(), z.number(), z.boolean()], {
  error: 'expected a string, number or boolean',
});

const IndicatorRef = z.strictObject({
  source: z.literal('indicator'),
  id,
  /** What to show large: the value (default) or its growth rate. */
  show: z.enum(['value', 'growth'], { error: 'expected "value" or "growth"' }).default('value'),
  /** Overrides the indicator's own label. */
  label: Bilingual.optional(),
  note: Bilingual.optional(),
});

const ComputedRef = z.strictObject({
  source: z.literal('computed'),
  key: z.enum(COMPUTED_KEYS, {
    error: (iss) =>
      `unknown computed figure key ${JSON.stringify(iss.input)}; known keys: ${COMPUTED_KEYS.join(', ')}`,
  }),
  label: Bilingual,
  /**
   * Says what the figure rests on (a proxy, illustrative features), shown under it. `{key}` in the
   * text is replaced by that computed figure, formatted (e.g. "{green_added_low_pct} guessed").
   */
  note: Bilingual.optional(),
});

export const FigureRef = z.discriminatedUnion('source', [IndicatorRef, ComputedRef], {
  error: 'expected a figure { "source": "indicator", "id" } or { "source": "computed", "key", "label" }',
});
export type FigureRef = z.infer<typeof FigureRef>;
export type IndicatorFigureRef = z.infer<typeof IndicatorRef>;
export type ComputedFigureRef = z.infer<typeof ComputedRef>;

/** Features to emphasise: by id, or by a property taking one of several values. */
export const Highlight = z
  .strictObject({
    /** A layer-group id, as in `layers`. */
    layer: id,
    ids: z.array(id).min(1).optional(),
    property: z.string().min(1).optional(),
    values: z.array(propertyValue).min(1).optional(),
  })
  .superRefine((h, ctx) => {
    const byProperty = h.property !== undefined || h.values !== undefined;
    if (h.ids && byProperty)
      ctx.addIssue({ code: 'custom', message: 'give either "ids" or "property" with "values", not both' });
    else if (!h.ids && !(h.property && h.values))
      ctx.addIssue({ code: 'custom', message: 'give "ids", or "property" with "values"' });
  });
export type Highlight = z.infer<typeof Highlight>;

/**
 * What the camera must keep in full view, clear of the caption and controls: the zone's outline
 * ("zone") or a selection of features like a highlight. Defaults to the chapter's highlight.
 */
export const Subject = z.union([z.literal('zone'), Highlight], {
  error: 'expected "zone" or a selection { "layer", "ids" | "property" + "values" }',
});
export type Subject = z.infer<typeof Subject>;

/** Lines of a layer drawn progressively when the chapter opens (e.g. the plan's road extensions). */
export const Progressive = z.strictObject({
  layer: id,
  property: z.string().min(1),
  values: z.array(propertyValue).min(1).optional(),
  /** How long the drawing takes, seconds. */
  seconds: between(0.5, 30).default(4),
});
export type Progressive = z.infer<typeof Progressive>;

/** Two coverage scenarios shown against each other (2014 as built against the 2015 plan). */
export const Compare = z.strictObject({
  mode: z.enum(['swipe', 'side-by-side'], { error: 'expected "swipe" or "side-by-side"' }),
  left: z.strictObject({ scenario: id, label: Bilingual }),
  right: z.strictObject({ scenario: id, label: Bilingual }),
});
export type Compare = z.infer<typeof Compare>;

/**
 * The 15-minute circle through the years (issue 10): every scenario of the data in order (2014 as
 * built, the 2015 plan, each year a green space or road opened, today), stepped through on screen,
 * each share with its range without guessed features. Computed live.
 */
export const Timeline = z.strictObject({
  /** The scenario shown first (default: today). */
  start: id.optional(),
});
export type Timeline = z.infer<typeof Timeline>;

/**
 * Where the next parks should go (issue 14): the k best sites for new parks from today's coverage,
 * their cumulative gain, and a plan step's new parks against the best sites of the same number.
 */
export const Sites = z.strictObject({
  k: z.number().int({ error: 'expected a whole number of sites' }).min(1).max(10),
  /** Area of each new park, hectares. */
  area_ha: between(0.1, 20),
  /** The plan step compared with the best sites: its parks are those of `after` not in `before`. */
  plan: z.strictObject({ before: id, after: id }),
});
export type Sites = z.infer<typeof Sites>;

export const Chart = z.discriminatedUnion(
  'type',
  [
    /** One bar per indicator, of its value or its growth rate. */
    z.strictObject({
      type: z.literal('bar'),
      measure: z.enum(['value', 'growth']).default('value'),
      indicators: z.array(id).min(1).max(8),
      title: Bilingual,
    }),
    /** Pairs of bars: a 2014 result beside its 2015 target. */
    z.strictObject({
      type: z.literal('paired'),
      pairs: z
        .array(z.tuple([id, id], { error: 'expected [resultId, targetId]' }))
        .min(1)
        .max(6),
      title: Bilingual,
    }),
  ],
  { error: 'expected a chart { "type": "bar" | "paired", … }' },
);
export type Chart = z.infer<typeof Chart>;

export const Chapter = z.strictObject({
  /** Stable slug, unique in the story. */
  id: z
    .string({ error: 'expected an id' })
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a lowercase slug like "road-extensions"' }),
  title: Bilingual,
  caption: Bilingual,
  camera: Camera,
  /** Layer-group ids visible in this chapter; others are hidden. */
  layers: z.array(id, { error: 'expected a list of layer-group ids' }),
  highlight: Highlight.optional(),
  /**
   * Kept in full view in the part of the screen the caption and controls leave free. With a
   * subject, `camera.center` and `camera.zoom` are used as given when they already frame it there;
   * otherwise the camera centres the subject in that part, zoomed no closer than `camera.zoom`.
   */
  subject: Subject.optional(),
  /** Short emphasised lines, e.g. the 'three carriages': a term and what it stands for. */
  points: z
    .array(z.strictObject({ term: Bilingual, text: Bilingual }))
    .max(6)
    .optional(),
  figures: z.array(FigureRef, { error: 'expected a list of figure references' }).max(6).default([]),
  chart: Chart.optional(),
  progressive: Progressive.optional(),
  compare: Compare.optional(),
  timeline: Timeline.optional(),
  sites: Sites.optional(),
  /** Where the caption sits, chosen so it does not cover the chapter's subject. */
  captionPosition: z.enum(CAPTION_POSITIONS, {
    error: (iss) =>
      `unknown caption position ${JSON.stringify(iss.input)}; expected one of ${CAPTION_POSITIONS.join(', ')}`,
  }),
});
export type Chapter = z.infer<typeof Chapter>;

export const Story = z.strictObject({
  version: z.literal(1, { error: 'expected "version": 1' }),
  title: Bilingual,
  chapters: z
    .array(Chapter, { error: 'expected a list of chapters' })
    .min(1, { error: 'a story needs at least one chapter' }),
});
export type Story = z.infer<typeof Story>;

export interface StoryError {
  /** Where, e.g. "chapters[3].camera.zoom"; "" for the whole file. */
  path: string;
  message: string;
}

export type StoryResult = { ok: true; story: Story } | { ok: false; errors: StoryError[] };

export interface ValidateOptions {
  /** Known indicator ids (from indicators.json): references to others become errors. */
  indicatorIds?: Iterable<string>;
  /** Known layer-group ids (from the map style): references to others become errors. */
  layerIds?: Iterable<string>;
}

/** The `{key}` placeholders of a figure's note, in order. */
export function noteKeys(text: string): string[] {
  return [...text.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1]);
}

/** ["chapters", 3, "camera", "zoom"] → "chapters[3].camera.zoom" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/**
 * Check a parsed story.json. Returns the story with defaults filled in, or every problem found,
 * each with the path to the offending value and what was expected.
 *
 * @example
 * const r = validateStory(json, { indicatorIds: indicators.map((i) => i.id) });
 * if (!r.ok) console.error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
 */
export function validateStory(json: unknown, options: ValidateOptions = {}): StoryResult {
  const parsed = Story.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const story = parsed.data;
  const errors: StoryError[] = [];
  const known = options.indicatorIds ? new Set(options.indicatorIds) : undefined;
  const layers = options.layerIds ? new Set(options.layerIds) : undefined;
  const seen = new Map<string, number>();

  story.chapters.forEach((ch, i) => {
    const at = `chapters[${i}]`;
    const first = seen.get(ch.id);
    if (first !== undefined)
      errors.push({ path: `${at}.id`, message: `duplicate chapter id "${ch.id}" (also chapters[${first}])` });
    else seen.set(ch.id, i);

    if (known) {
      const check = (ref: string, path: string) => {
        if (!known.has(ref))
          errors.push({ path, message: `unknown indicator "${ref}" (not in indicators.json)` });
      };
      ch.figures.forEach((f, j) => f.source === 'indicator' && check(f.id, `${at}.figures[${j}].id`));
      if (ch.chart?.type === 'bar')
        ch.chart.indicators.forEach((r, j) => check(r, `${at}.chart.indicators[${j}]`));
      if (ch.chart?.type === 'paired')
        ch.chart.pairs.forEach((p, j) => p.forEach((r, k) => check(r, `${at}.chart.pairs[${j}][${k}]`)));
    }
    ch.figures.forEach((f, j) => {
      for (const lang of ['zh', 'en'] as const)
        for (const key of noteKeys(f.note?.[lang] ?? ''))
          if (!(COMPUTED_KEYS as readonly string[]).includes(key))
            errors.push({
              path: `${at}.figures[${j}].note.${lang}`,
              message: `unknown computed figure {${key}}; known keys: ${COMPUTED_KEYS.join(', ')}`,
            });
    });
    if (layers) {
      const check = (ref: string, path: string) => {
        if (!layers.has(ref))
          errors.push({ path, message: `unknown layer group "${ref}"; known: ${[...layers].join(', ')}` });
      };
      ch.layers.forEach((l, j) => check(l, `${at}.layers[${j}]`));
      if (ch.highlight) check(ch.highlight.layer, `${at}.highlight.layer`);
      if (ch.subject && ch.subject !== 'zone') check(ch.subject.layer, `${at}.subject.layer`);
      if (ch.progressive) check(ch.progressive.layer, `${at}.progressive.layer`);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, story };
}
