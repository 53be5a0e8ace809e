/**
 * geodata/greenery.geojson as scripts/geodata/build-greenery.ts writes it from
 * geodata/sources/green-spaces*.json: every feature's provenance and classification, plausible
 * years that agree with its end-of-2014 status, positions inside the study area, no green space on
 * water or running along a road, and 'later' green spaces kept out of the 2014 and 2015 figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import area from '@turf/area';
import along from '@turf/along';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import intersect from '@turf/intersect';
import length from '@turf/length';
import { featureCollection } from '@turf/helpers';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GreenProps, STUDY_BBOX } from '../../../src/core/geodata/schema';
import { statusInScenario } from '../../../src/core/coverage/types';
import { geodataFigures } from '../../../src/core/story/geodata-figures';
import { GEODATA, readLayer } from './network';

type Area = Feature<Polygon | MultiPolygon>;
const green = readLayer<FeatureCollection<Polygon | MultiPolygon>>('greenery');
const water = readLayer<FeatureCollection<Polygon | MultiPolygon>>('water');
const roads = readLayer<FeatureCollection<LineString>>('roads');
const report = readFileSync(join(GEODATA, 'sources/2015-work-report.txt'), 'utf8');
interface SourceRecord {
  id: string;
  name_zh: string;
  program: string;
  status: string;
  located?: boolean;
  place_at?: { roads: [string, string]; corner: string };
  address_text?: string;
  keep_water?: boolean;
  evidence: { outlet: string; date: string; title: string; url: string; says: string }[];
}
const records: SourceRecord[] = readdirSync(join(GEODATA, 'sources'))
  .filter((f) => /^green-spaces.*\.json$/.test(f))
  .flatMap((f) => JSON.parse(readFileSync(join(GEODATA, 'sources', f), 'utf8')).features);
const id = (f: Feature) => String(f.properties?.id);
/** Shared edges rounded to 6 decimals (~0.1 m) leave slivers of a few m² where shapes abut. */
const SLIVER_M2 = 25;
/** A road may cross a park edge or a belt (up to ~100 m wide, obliquely); it may not run inside one. */
const MAX_ROAD_INSIDE_M = 150;

describe('greenery: provenance and classification', () => {
  it('draws every located source record once, and nothing else', () => {
    const located = records.filter((r) => r.located !== false).map((r) => r.id);
    const byAddress = green.features.filter((f) => f.properties?.placed_by === 'address').map(id);
    expect(green.features.map(id).sort()).toEqual([...located, ...byAddress].sort());
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('places from an address only records that carry the crossing, and keeps the address text', () => {
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const f of green.features.filter((g) => g.properties?.placed_by === 'address')) {
      const r = byId.get(id(f));
      expect(r?.located, id(f)).toBe(false);
      expect(r?.place_at?.roads.length, id(f)).toBe(2);
      expect(f.properties?.illustrative, id(f)).toBe(true);
    }
    for (const r of records.filter((x) => x.place_at))
      expect(r.address_text?.length ?? 0, r.id).toBeGreaterThan(4);
  });

  it('gives each record evidence a reader can find: outlet, date, title and address', () => {
    for (const r of records) {
      expect(r.evidence.length, r.id).toBeGreaterThan(0);
      for (const e of r.evidence)
        for (const k of ['outlet', 'date', 'title', 'url', 'says'] as const)
          expect(e[k].length, `${r.id} ${k}`).toBeGreaterThan(0);
    }
  });

  it('carries the contract properties: source, confidence, CJJ/T 85-2017 class and kind', () => {
    for (const f of green.features) {
      const p = GreenProps.parse(f.properties);
      expect(p.source.length, p.id).toBeGreaterThan(10);
      expect(p.green_class, p.id).toBeDefined();
      expect(p.green_type, p.id).toBeDefined();
      if (p.illustrative) expect(p.confidence, p.id).not.toBe('high');
    }
  });

  it('says open_access only of protective belts (G2)', () => {
    for (const f of green.features)
      if (f.properties?.open_access !== undefined) expect(f.properties?.green_class, id(f)).toBe('G2');
  });

  it('gives opening years between 1990 and 2026 that agree with the status at the end of 2014', () => {
    for (const f of green.features) {
      const { opened, status } = f.properties ?? {};
      if (opened === undefined) continue;
      expect(opened, id(f)).toBeGreaterThanOrEqual(1990);
      expect(opened, id(f)).toBeLessThanOrEqual(2026);
      if (status === 'existing') expect(opened, id(f)).toBeLessThanOrEqual(2014);
      else expect(opened, id(f)).toBeGreaterThanOrEqual(2015);
    }
  });

  it('names the four parks of the 2015-01-31 report, and marks the guessed corridors as guesses', () => {
    const parks = records.filter((r) => r.program === 'four_parks');
    expect(parks.map((r) => r.name_zh).sort()).toEqual(
      ['天健湖公园', '绿谷公园', '锦和公园', '高新区中心广场'].sort(),
    );
    for (const r of parks)
      expect(
        r.evidence.some((e) => e.url.includes('content_634667')),
        r.id,
      ).toBe(true);
    const corridors = green.features.filter((f) => f.properties?.program === 'four_corridors');
    expect(corridors.length).toBeGreaterThan(0);
    for (const f of corridors) {
      expect(f.properties?.illustrative, id(f)).toBe(true);
      expect(f.properties?.confidence, id(f)).toBe('low');
    }
    for (const f of green.features.filter((g) => g.properties?.program !== 'other')) {
      expect(f.properties?.plan, id(f)).toBe('四园四廊道');
      expect(report).toContain(f.properties?.plan_text);
    }
  });

  it('sizes parks with a published area to within 15% of it', () => {
    for (const f of green.features) {
      const published = f.properties?.area_m2_published;
      if (published === undefined || f.properties?.type === 'linear') continue;
      expect(Math.abs(area(f) - published) / published, id(f)).toBeLessThan(0.15);
    }
  });
});

describe('greenery: geometry', () => {
  it('lies inside the study area', () => {
    const [W, S, E, N] = STUDY_BBOX;
    for (const f of green.features) {
      const pts =
        f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);
      for (const [x, y] of pts) {
        expect(x >= W && x <= E && y >= S && y <= N, `${id(f)} ${x},${y}`).toBe(true);
      }
    }
  });

  it('has no two green spaces on the same ground', () => {
    const hits: string[] = [];
    const fs = green.features as Area[];
    for (let i = 0; i < fs.length; i++)
      for (let j = i + 1; j < fs.length; j++) {
        const x = intersect(featureCollection([fs[i], fs[j]]));
        if (x && area(x) > SLIVER_M2) hits.push(`${id(fs[i])} x ${id(fs[j])}`);
      }
    expect(hits).toEqual([]);
  });

  it('keeps off water, except the lakeside parks whose published area includes their lake', () => {
    const lakeside = new Set(records.filter((r) => r.keep_water).map((r) => r.id));
    const hits = green.features
      .filter((f) => !lakeside.has(id(f)))
      .flatMap((f) =>
        water.features
          .filter((w) => {
            const x = intersect(featureCollection([f, w] as Area[]));
            return x !== null && area(x) > SLIVER_M2;
          })
          .map((w) => `${id(f)} on ${w.properties?.name_zh}`),
      );
    expect(hits).toEqual([]);
  });

  it('lets roads cross a green space but not run along inside it', () => {
    const hits: string[] = [];
    for (const f of green.features)
      for (const r of roads.features) {
        const total = length(r, { units: 'meters' });
        const n = Math.max(2, Math.ceil(total / 10));
        let inside = 0;
        for (let k = 0; k < n; k++)
          if (booleanPointInPolygon(along(r, ((k + 0.5) * total) / n, { units: 'meters' }), f))
            inside += total / n;
        if (inside > MAX_ROAD_INSIDE_M)
          hits.push(`${r.properties?.name_zh} inside ${id(f)}: ${Math.round(inside)} m`);
      }
    expect(hits).toEqual([]);
  });

  it('gives corridors a realistic width: 15-250 m of planting per strip', () => {
    for (const f of green.features.filter((g) => g.properties?.type === 'linear')) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polys) {
        const ring: Feature<Polygon> = {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: p },
        };
        const perimeter = length(
          { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: p[0] } },
          { units: 'meters' },
        );
        // A strip's perimeter is about twice its length, so width ~ 2 x area / perimeter.
        const width = (2 * area(ring)) / perimeter;
        expect(width, id(f)).toBeGreaterThan(15);
        expect(width, id(f)).toBeLessThan(250);
      }
    }
  });
});

describe("greenery: 'later' stays out of 2014 and the 2015 plan", () => {
  const square = (x: number, status: string): Feature<Polygon> => ({
    type: 'Feature',
    properties: { id: `g${x}`, status },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, 34.8],
          [x + 0.001, 34.8],
          [x + 0.001, 34.801],
          [x, 34.801],
          [x, 34.8],
        ],
      ],
    },
  });

  it('is in neither scenario', () => {
    expect(statusInScenario('later', '2014')).toBe(false);
    expect(statusInScenario('later', '2015')).toBe(false);
  });

  it('adds nothing to the green area the plan adds or to its share of built-up land', () => {
    const base = [square(113.5, 'existing'), square(113.51, 'planned')];
    const before = geodataFigures({
      greenery: featureCollection(base),
      residential: featureCollection([square(113.52, 'existing')]),
    });
    const after = geodataFigures({
      greenery: featureCollection([...base, square(113.53, 'later')]),
      residential: featureCollection([square(113.52, 'existing')]),
    });
    expect(after.green_added_m2).toBeCloseTo(before.green_added_m2 as number, 3);
    expect(after.green_share_2015_pct).toBeCloseTo(before.green_share_2015_pct as number, 6);
    expect(after.green_share_2014_pct).toBeCloseTo(before.green_share_2014_pct as number, 6);
  });
});
