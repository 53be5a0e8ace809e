/**
 * Seeded fuzzer: valid files mutated at random (truncation, character and byte flips, type swaps,
 * huge numbers, structural damage). Whatever comes in, parseAndValidate must resolve, never throw,
 * and either accept clean data or name specific, known errors.
 */
import { describe, expect, it } from 'vitest';
import { GreenProps, ResidentialProps, RoadProps } from '../../../src/core/geodata/schema';
import { IMPORT_CODES, parseAndValidate, type ImportLayer, type SourceCrs } from '../../../src/core/import';
import { mulberry32 } from '../../../bench/synthetic-random';
import { fixtureText } from './load';

// Seeded PRNG (mulberry32): the same cases on every run; change SEED to explore others.
const SEED = 20_260_612;

/** Valid files and the layer they belong to (the fuzzer mostly imports them there, sometimes elsewhere). */
const SOURCES: [string, ImportLayer][] = [
  ['valid-roads.geojson', 'roads'],
  ['valid-greenery.geojson', 'greenery'],
  ['valid-residential.geojson', 'residential'],
  ['missing-names.geojson', 'greenery'],
  ['xss-names.geojson', 'residential'],
];
const LAYERS: ImportLayer[] = ['roads', 'greenery', 'residential'];
const CRSS: SourceCrs[] = ['WGS84', 'GCJ02', 'BD09'];
const CONTRACT = { roads: RoadProps, greenery: GreenProps, residential: ResidentialProps };
const NOISE = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '0',
  '9',
  '.',
  'e',
  '-',
  ' ',
  'N',
  'x',
  '园',
  '\u0000',
  '\ud800',
];
const TYPES = [
  '"Point"',
  '"LineString"',
  '"Polygon"',
  '"MultiPolygon"',
  '"Feature"',
  '"FeatureCollection"',
  '"GeometryCollection"',
  '"Fish"',
  'null',
  '7',
];
const VALUES = [
  '1e308',
  '-1e400',
  '1e-400',
  '123456789012345678901234567890',
  'null',
  '"113.5"',
  '[]',
  '{}',
  'true',
  '-0',
  '[[[[[[1]]]]]]',
  'NaN',
];

type Rand = () => number;
const int = (rand: Rand, n: number) => Math.floor(rand() * n);
const pick = <T>(rand: Rand, xs: readonly T[]) => xs[int(rand, xs.length)];

const MUTATIONS: ((t: string, rand: Rand) => string)[] = [
  // truncation
  (t, r) => t.slice(0, int(r, t.length)),
  // character flip
  (t, r) => {
    const i = int(r, t.length);
    return t.slice(0, i) + pick(r, NOISE) + t.slice(i + 1);
  },
  // delete a range
  (t, r) => {
    const i = int(r, t.length);
    return t.slice(0, i) + t.slice(i + 1 + int(r, 40));
  },
  // duplicate a range
  (t, r) => {
    const i = int(r, t.length);
    const j = Math.min(t.length, i + int(r, 200));
    return t.slice(0, j) + t.slice(i, j) + t.slice(j);
  },
  // type swap
  (t, r) => {
    const matches = [
      ...t.matchAll(/"(Point|LineString|MultiLineString|Polygon|MultiPolygon|Feature|FeatureCollection)"/g),
    ];
    if (matches.length === 0) return t;
    const m = pick(r, matches);
    return t.slice(0, m.index) + pick(r, TYPES) + t.slice(m.index! + m[0].length);
  },
  // number replaced by a huge, tiny or non-number value
  (t, r) => {
    const matches = [...t.matchAll(/-?\d+\.\d+/g)];
    if (matches.length === 0) return t;
    const m = pick(r, matches);
    return t.slice(0, m.index) + pick(r, VALUES) + t.slice(m.index! + m[0].length);
  },
  // all coordinates scaled (projected-looking) or swapped
  (t, r) =>
    r() < 0.5 ? t.replace(/113\.(\d+)/g, '12640$1.5') : t.replace(/(113\.\d+),\s*(34\.\d+)/g, '$2, $1'),
];

describe('fuzzing parseAndValidate', () => {
  it('never throws and always answers with clean features or known errors (600 seeded cases)', async () => {
    const rand = mulberry32(SEED);
    const texts = SOURCES.map(([file, layer]) => [fixtureText(file), layer] as const);
    const tally = { ok: 0, refused: 0 };
    for (let n = 0; n < 600; n++) {
      const [original, home] = pick(rand, texts);
      let text = original;
      for (let k = 1 + int(rand, 3); k > 0; k--) text = pick(rand, MUTATIONS)(text, rand);
      let input: string | Uint8Array = text;
      if (rand() < 0.2) {
        // Raw byte damage: broken UTF-8 sequences.
        const bytes = new TextEncoder().encode(text);
        for (let k = 0; k < 3 && bytes.length > 0; k++) bytes[int(rand, bytes.length)] = int(rand, 256);
        input = bytes;
      }
      const layer = rand() < 0.8 ? home : pick(rand, LAYERS);
      const r = await parseAndValidate(input, { layer, crs: pick(rand, CRSS), skipInvalid: rand() < 0.3 });
      const where = `case ${n}`;
      if (r.ok) {
        tally.ok++;
        expect(r.features.length, where).toBeGreaterThan(0);
        for (const f of r.features) {
          expect(CONTRACT[layer].safeParse(f.properties).success, where).toBe(true);
          const flat = (f.geometry.coordinates as unknown[]).flat(3) as number[];
          expect(
            flat.every((v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 180),
            where,
          ).toBe(true);
        }
      } else {
        tally.refused++;
        expect(r.errors.length, where).toBeGreaterThan(0);
        for (const e of r.errors) {
          expect(IMPORT_CODES, where).toContain(e.code);
          expect(e.code, `${where}: ${e.message.en}`).not.toBe('unexpected');
          expect(e.message.zh.length, where).toBeGreaterThan(0);
          expect(e.message.en.length, where).toBeGreaterThan(0);
        }
      }
    }
    // Both outcomes occur: the mutations neither always break nor never break the files.
    expect(tally.ok).toBeGreaterThan(30);
    expect(tally.refused).toBeGreaterThan(200);
  }, 60_000);
});
