import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateStory, formatPath, type StoryError } from '../../../src/core/story/schema';

const storyUrl = new URL('../../../geodata/story.json', import.meta.url);
const real = () => JSON.parse(readFileSync(storyUrl, 'utf8'));

/** A deep copy of the real story with one change applied. */
function broken(edit: (s: ReturnType<typeof real>) => void): unknown {
  const s = real();
  edit(s);
  return s;
}

function errorsOf(json: unknown, opts?: Parameters<typeof validateStory>[1]): StoryError[] {
  const r = validateStory(json, opts);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('geodata/story.json', () => {
  it('validates against the schema', () => {
    const r = validateStory(real());
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(r.story.chapters.length).toBeGreaterThanOrEqual(8);
  });

  it('refers only to indicators that exist in geodata/indicators.json', () => {
    const file = JSON.parse(
      readFileSync(new URL('../../../geodata/indicators.json', import.meta.url), 'utf8'),
    );
    const r = validateStory(real(), { indicatorIds: file.indicators.map((i: { id: string }) => i.id) });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  });

  it('tells the issue’s story in order: title first, closing last, every required chapter between', () => {
    const ids = real().chapters.map((c: { id: string }) => c.id);
    expect(ids[0]).toBe('title');
    expect(ids.at(-1)).toBe('closing');
    for (const id of [
      'results-2014',
      'targets-2015',
      'road-extensions',
      'four-parks-four-corridors',
      'three-carriages',
      'green-life-circle',
    ])
      expect(ids).toContain(id);
  });

  it('has the plan’s title in Chinese', () => {
    expect(real().chapters[0].title.zh).toContain('高新区 2015 科技城市建设攻坚年');
  });

  it('shows live computations next to the plan’s own figures', () => {
    const r = validateStory(real());
    if (!r.ok) throw new Error('invalid');
    const keys = r.story.chapters.flatMap((c) =>
      c.figures.flatMap((f) => (f.source === 'computed' ? [f.key] : [])),
    );
    for (const k of [
      'planned_road_km',
      'green_added_m2',
      'green_share_2015_pct',
      'coverage_gain_pct',
      'people_newly_covered',
    ])
      expect(keys).toContain(k);
  });
});

describe('validateStory errors', () => {
  it('names a missing title with its path', () => {
    const errors = errorsOf(broken((s) => delete s.chapters[2].title));
    expect(errors).toEqual([
      { path: 'chapters[2].title', message: 'missing: expected { "zh": "…", "en": "…" }' },
    ]);
  });

  it('names an empty English caption', () => {
    const errors = errorsOf(broken((s) => (s.chapters[1].caption.en = '  ')));
    expect(errors).toContainEqual({ path: 'chapters[1].caption.en', message: 'must not be empty' });
  });

  it('gives the allowed range for a zoom out of range', () => {
    const errors = errorsOf(broken((s) => (s.chapters[3].camera.zoom = 40)));
    expect(errors).toContainEqual({
      path: 'chapters[3].camera.zoom',
      message: 'expected a number between 0 and 22',
    });
  });

  it('names a site search chapter asking for more sites than the search offers, and a size out of range', () => {
    const at = real().chapters.findIndex((c: { sites?: unknown }) => c.sites);
    expect(at).toBeGreaterThan(0);
    const errors = errorsOf(
      broken((s) => {
        s.chapters[at].sites.k = 11;
        s.chapters[at].sites.area_ha = 0;
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([`chapters[${at}].sites.k`, `chapters[${at}].sites.area_ha`]),
    );
    expect(errors).toContainEqual({
      path: `chapters[${at}].sites.area_ha`,
      message: 'expected a number between 0.1 and 20',
    });
  });

  it('refuses an unknown key in a timeline chapter', () => {
    const at = real().chapters.findIndex((c: { timeline?: unknown }) => c.timeline);
    expect(at).toBeGreaterThan(0);
    const errors = errorsOf(broken((s) => (s.chapters[at].timeline.step = 2)));
    expect(errors.some((e) => e.path.startsWith(`chapters[${at}].timeline`))).toBe(true);
  });

  it('rejects a zoom given as text', () => {
    const errors = errorsOf(broken((s) => (s.chapters[3].camera.zoom = '12')));
    expect(errors).toContainEqual({
      path: 'chapters[3].camera.zoom',
      message: 'expected a number between 0 and 22',
    });
  });

  it('rejects a latitude out of range (lng and lat swapped)', () => {
    const errors = errorsOf(broken((s) => (s.chapters[0].camera.center = [34.8, 113.5])));
    expect(errors).toContainEqual({
      path: 'chapters[0].camera.center[1]',
      message: 'expected a number between -90 and 90',
    });
  });

  it('says a camera is missing', () => {
    const errors = errorsOf(broken((s) => delete s.chapters[5].camera));
    expect(errors).toEqual([
      { path: 'chapters[5].camera', message: 'missing: expected a camera { center, zoom, bearing, pitch }' },
    ]);
  });

  it('rejects a pitch MapLibre cannot show', () => {
    const errors = errorsOf(broken((s) => (s.chapters[0].camera.pitch = 90)));
    expect(errors.map((e) => e.path)).toEqual(['chapters[0].camera.pitch']);
  });

  it('lists the known keys for an unknown computed figure key', () => {
    const errors = errorsOf(broken((s) => (s.chapters[3].figures[0].key = 'road_km_typo')));
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe('chapters[3].figures[0].key');
    expect(errors[0].message).toContain('"road_km_typo"');
    expect(errors[0].message).toContain('planned_road_km');
  });

  it('rejects a typed-in number where a figure reference belongs', () => {
    const errors = errorsOf(broken((s) => s.chapters[3].figures.push({ source: 'typed', value: 94 })));
    expect(errors.map((e) => e.path)).toContain('chapters[3].figures[3].source');
  });

  it('rejects a misspelt property instead of ignoring it', () => {
    const errors = errorsOf(broken((s) => (s.chapters[1].captoin = s.chapters[1].caption)));
    expect(errors[0].path).toBe('chapters[1]');
    expect(errors[0].message).toContain('captoin');
  });

  it('reports an unknown indicator id when given the indicator list', () => {
    const s = real();
    const ids = new Set<string>();
    for (const c of s.chapters) for (const f of c.figures) if (f.source === 'indicator') ids.add(f.id);
    for (const c of s.chapters) {
      if (c.chart?.type === 'bar') c.chart.indicators.forEach((i: string) => ids.add(i));
      if (c.chart?.type === 'paired') c.chart.pairs.flat().forEach((i: string) => ids.add(i));
    }
    expect(validateStory(s, { indicatorIds: ids }).ok).toBe(true);

    s.chapters[1].figures[0].id = 'gdp_2041';
    const errors = errorsOf(s, { indicatorIds: ids });
    expect(errors).toEqual([
      { path: 'chapters[1].figures[0].id', message: 'unknown indicator "gdp_2041" (not in indicators.json)' },
    ]);
  });

  it('reports an unknown indicator inside a chart', () => {
    const s = real();
    const errors = errorsOf(s, { indicatorIds: [] });
    expect(errors.map((e) => e.path)).toContain('chapters[2].chart.pairs[0][1]');
  });

  it('reports an unknown layer group when given the layer ids', () => {
    const groups = ['roads', 'greenery', 'industry'];
    expect(validateStory(real(), { layerIds: groups }).ok).toBe(true);
    const errors = errorsOf(
      broken((s) => s.chapters[2].layers.push('greenry')),
      { layerIds: groups },
    );
    expect(errors).toEqual([
      {
        path: 'chapters[2].layers[3]',
        message: 'unknown layer group "greenry"; known: roads, greenery, industry',
      },
    ]);
  });

  it('reports duplicate chapter ids', () => {
    const errors = errorsOf(broken((s) => (s.chapters[4].id = s.chapters[3].id)));
    expect(errors).toEqual([
      { path: 'chapters[4].id', message: `duplicate chapter id "road-extensions" (also chapters[3])` },
    ]);
  });

  it('requires a highlight to say what to highlight', () => {
    const errors = errorsOf(broken((s) => (s.chapters[3].highlight = { layer: 'roads' })));
    expect(errors[0].path).toBe('chapters[3].highlight');
  });

  it('takes a subject as "zone" or as a feature selection, and says what it expects otherwise', () => {
    const ok = validateStory(
      broken((s) => {
        s.chapters[0].subject = 'zone';
        s.chapters[4].subject = { layer: 'greenery', property: 'program', values: ['four_parks'] };
      }),
    );
    expect(ok.ok).toBe(true);
    const errors = errorsOf(broken((s) => (s.chapters[0].subject = 'zoen')));
    expect(errors).toEqual([
      {
        path: 'chapters[0].subject',
        message: 'expected "zone" or a selection { "layer", "ids" | "property" + "values" }',
      },
    ]);
    const layerErrors = errorsOf(
      broken((s) => (s.chapters[4].subject = { layer: 'parks', ids: ['p1'] })),
      { layerIds: ['roads', 'greenery', 'industry'] },
    );
    expect(layerErrors.map((e) => e.path)).toEqual(['chapters[4].subject.layer']);
  });

  it('rejects an empty story and non-JSON shapes with a message, not an exception', () => {
    expect(errorsOf({ version: 1, title: { zh: 'a', en: 'b' }, chapters: [] })).toContainEqual({
      path: 'chapters',
      message: 'a story needs at least one chapter',
    });
    expect(errorsOf(null).length).toBeGreaterThan(0);
    expect(errorsOf('not a story').length).toBeGreaterThan(0);
  });
});

describe('formatPath', () => {
  it('writes array indices in brackets', () => {
    expect(formatPath(['chapters', 3, 'camera', 'center', 1])).toBe('chapters[3].camera.center[1]');
    expect(formatPath([])).toBe('');
  });
});
