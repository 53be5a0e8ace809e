/**
 * validateLayer: the schema and geometry checks every geodata layer goes through, on small
 * hand-made collections (each breaking one rule) and on the built layers of the road build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../src/core/geodata/layers';
import { validateLayer } from '../../../src/core/geodata/validate';
import { GEODATA, readLayer } from './network';

const road = (id: string, coordinates: number[][], extra: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates },
  properties: {
    id,
    name_zh: '雪松路',
    name_en: 'Xuesong Rd',
    class: 'arterial',
    status: 'existing',
    walkable: true,
    source: 'test',
    confidence: 'high',
    ...extra,
  },
});
const lake = (id: string, ring: number[][]): Feature => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties: {
    id,
    name_zh: '湖',
    name_en: 'Lake',
    status: 'existing',
    kind: 'lake',
    source: 'test',
    confidence: 'low',
  },
});
const fc = (...features: Feature[]) => ({ type: 'FeatureCollection', features });
const messages = (layer: string, value: unknown) =>
  validateLayer(layer, value)
    .messages.map((m) => m.message)
    .join(' | ');

describe('validateLayer', () => {
  it('accepts a well-formed road', () => {
    expect(
      validateLayer(
        'roads',
        fc(
          road('a', [
            [113.54, 34.8],
            [113.55, 34.81],
          ]),
        ),
      ),
    ).toEqual({ ok: true, messages: [] });
  });

  it('names a missing or mistyped property', () => {
    const r = validateLayer(
      'roads',
      fc(
        road(
          'a',
          [
            [113.54, 34.8],
            [113.55, 34.81],
          ],
          { class: 'motorway', walkable: undefined },
        ),
      ),
    );
    expect(r.ok).toBe(false);
    expect(r.messages.map((m) => m.message).join(' ')).toMatch(/property class/);
    expect(r.messages.map((m) => m.message).join(' ')).toMatch(/property walkable/);
    expect(r.messages.every((m) => m.index === 0 && m.id === 'a')).toBe(true);
  });

  it("accepts 'later' and the CJJ/T 85-2017 classes on green spaces only", () => {
    const ring = [
      [113.54, 34.8],
      [113.541, 34.8],
      [113.541, 34.801],
      [113.54, 34.8],
    ];
    const park = (extra: Record<string, unknown>): Feature => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: {
        id: 'p',
        name_zh: '游园',
        name_en: 'Pocket park',
        status: 'later',
        program: 'other',
        type: 'pocket',
        area_m2: 5000,
        source: 'test',
        confidence: 'low',
        green_class: 'G1',
        green_type: 'pocket',
        opened: 2023,
        ...extra,
      },
    });
    expect(validateLayer('greenery', fc(park({}))).ok).toBe(true);
    expect(messages('greenery', fc(park({ green_class: 'G3' })))).toMatch(/green_class/);
    expect(messages('greenery', fc(park({ green_type: 'garden' })))).toMatch(/green_type/);
    expect(messages('greenery', fc(park({ status: 'closed' })))).toMatch(/status/);
    const line = [
      [113.54, 34.8],
      [113.55, 34.81],
    ];
    expect(messages('roads', fc(road('a', line, { status: 'later' })))).toMatch(/status/);
  });

  it('finds repeated ids', () => {
    const line = [
      [113.54, 34.8],
      [113.55, 34.81],
    ];
    expect(messages('roads', fc(road('a', line), road('a', line)))).toMatch(/id "a" repeats feature 0/);
  });

  it('finds positions outside the study area', () => {
    expect(
      messages(
        'roads',
        fc(
          road('a', [
            [113.54, 34.8],
            [113.7, 34.81],
          ]),
        ),
      ),
    ).toMatch(/outside the study area/);
  });

  it('finds the wrong geometry type for the layer', () => {
    expect(
      messages(
        'landmarks',
        fc(
          road('a', [
            [113.54, 34.8],
            [113.55, 34.81],
          ]),
        ),
      ),
    ).toMatch(/geometry type LineString/);
  });

  it('finds unclosed and self-intersecting rings', () => {
    const open = [
      [113.5, 34.8],
      [113.51, 34.8],
      [113.51, 34.81],
      [113.5, 34.81],
    ];
    expect(messages('water', fc(lake('open', open)))).toMatch(/not closed/);
    const bowtie = [
      [113.5, 34.8],
      [113.51, 34.81],
      [113.51, 34.8],
      [113.5, 34.81],
      [113.5, 34.8],
    ];
    expect(messages('water', fc(lake('bowtie', bowtie)))).toMatch(/intersects itself/);
    const square = [
      [113.5, 34.8],
      [113.51, 34.8],
      [113.51, 34.81],
      [113.5, 34.81],
      [113.5, 34.8],
    ];
    expect(validateLayer('water', fc(lake('ok', square))).ok).toBe(true);
  });

  it('finds a line that folds back over itself', () => {
    const zigzag = [
      [113.5, 34.8],
      [113.51, 34.81],
      [113.51, 34.8],
      [113.5, 34.81],
    ];
    expect(messages('roads', fc(road('z', zigzag)))).toMatch(/intersects itself/);
  });

  it('refuses an unknown layer and a value that is not a FeatureCollection', () => {
    expect(messages('nope', fc())).toMatch(/unknown layer/);
    expect(messages('roads', { type: 'Feature' })).toMatch(/not a GeoJSON FeatureCollection/);
  });
});

describe('the built layers of the road build', () => {
  for (const layer of ['roads', 'water', 'boundary', 'landmarks', 'crossings'] as const) {
    it(`${layer}.geojson passes its schema and geometry checks`, () => {
      expect(existsSync(join(GEODATA, `${layer}.geojson`))).toBe(true);
      expect(layer in LAYERS).toBe(true);
      const r = validateLayer(layer, readLayer(layer));
      expect(r.messages).toEqual([]);
    });
  }

  it('places Metro Line 1 stations under 长椿路 and marks the boundary as approximate', () => {
    const stations = readLayer('landmarks').features.filter((f) => f.properties?.kind === 'metro_station');
    expect(stations.length).toBeGreaterThanOrEqual(6);
    for (const s of stations) {
      const [lng] = (s.geometry as { coordinates: number[] }).coordinates;
      // 长椿路 runs at 113.534-113.537 (road-lines-summary.txt).
      expect(lng).toBeGreaterThan(113.533);
      expect(lng).toBeLessThan(113.538);
    }
    const [zone] = readLayer('boundary').features;
    expect(zone.properties).toMatchObject({ confidence: 'low', illustrative: true });
    expect(String(zone.properties?.note)).toMatch(/not public/);
  });
});
