/**
 * The area layers (greenery, industrial-parks, residential) and the two data tables
 * (indicators.json, standards.json) as built by scripts/geodata/build-areas.ts and
 * build-greenery.ts: schema and geometry,
 * computed areas, the estate-to-block assignment and its population arithmetic, overlaps, and the
 * report figures traced back to the report's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import booleanValid from '@turf/boolean-valid';
import intersect from '@turf/intersect';
import { featureCollection, point } from '@turf/helpers';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateLayer } from '../../../src/core/geodata/validate';
import { IndicatorsFile } from '../../../src/core/geodata/indicators';
import { StandardsFile } from '../../../src/core/geodata/standards';
import { parseStandard, serviceRadius, standardOf } from '../../../src/core/coverage/radius';
import { parseCommentedCsv } from '../../../scripts/geodata/csv';

const GEODATA = join(__dirname, '../../../geodata');
type Area = Feature<Polygon | MultiPolygon>;
const read = (name: string) => JSON.parse(readFileSync(join(GEODATA, name), 'utf8'));
const layer = (name: string) => read(`${name}.geojson`) as FeatureCollection<Polygon | MultiPolygon>;
const report = readFileSync(join(GEODATA, 'sources/2015-work-report.txt'), 'utf8');

const AREA_LAYERS = ['greenery', 'industrial-parks', 'residential'] as const;
/** Shared edges rounded to 6 decimals (~0.1 m) leave slivers of a few m² where shapes abut. */
const SLIVER_M2 = 25;

function overlaps(features: Area[], minM2: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < features.length; i++)
    for (let j = i + 1; j < features.length; j++) {
      const x = intersect(featureCollection([features[i], features[j]]));
      if (x && area(x) > minM2)
        out.push(`${features[i].properties?.id} x ${features[j].properties?.id}: ${Math.round(area(x))} m²`);
    }
  return out;
}

describe.each(AREA_LAYERS)('%s layer', (name) => {
  const fc = layer(name);

  it('passes the layer validator (schema, allowed geometry, closed rings, no kinks, ids unique, inside the study bbox)', () => {
    const result = validateLayer(name, fc);
    expect(result.messages).toEqual([]);
    expect(fc.features.length).toBeGreaterThan(0);
  });

  it('has valid polygons with closed rings', () => {
    for (const f of fc.features) {
      expect(booleanValid(f), String(f.properties?.id)).toBe(true);
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      for (const r of rings) expect(r[0]).toEqual(r[r.length - 1]);
    }
  });

  it('carries area_m2 within 1% of the polygon area (@turf/area)', () => {
    for (const f of fc.features) {
      const measured = area(f);
      expect(Math.abs(f.properties?.area_m2 - measured) / measured, String(f.properties?.id)).toBeLessThan(
        0.01,
      );
    }
  });

  it('says where each feature comes from and marks guesses', () => {
    for (const f of fc.features) {
      expect(f.properties?.source.length, String(f.properties?.id)).toBeGreaterThan(10);
      if (f.properties?.illustrative) expect(f.properties.confidence).not.toBe('high');
    }
  });
});

// The greenery layer's own checks (program, classes, years, water, roads): greenery.test.ts.

describe('industrial-parks', () => {
  const fc = layer('industrial-parks');
  const indicators = IndicatorsFile.parse(read('indicators.json')).indicators;
  const value = (id: string) => indicators.find((i) => i.id === id)?.value;
  const park = (id: string) => fc.features.find((f) => f.properties?.id === id)?.properties;

  it('carries the report figures the indicators table holds', () => {
    expect(park('ind-beidou-park')?.investment_yi).toBe(value('beidou-park-investment'));
    expect(park('ind-ecommerce')?.output_yi).toBe(value('ecommerce-output-2014'));
  });

  it('draws the three universities as their own kind', () => {
    const universities = fc.features
      .filter((f) => f.properties?.kind === 'university')
      .map((f) => f.properties?.name_zh);
    expect(universities).toHaveLength(3);
    for (const u of ['郑州大学', '河南工业大学', '信息工程大学'])
      expect(universities.some((n) => n.startsWith(u))).toBe(true);
  });

  it('quotes the report verbatim where it quotes it', () => {
    for (const f of fc.features)
      if (f.properties?.plan_text) expect(report).toContain(f.properties.plan_text);
  });
});

describe('residential', () => {
  const fc = layer('residential');
  const rules = read('sources/residential-blocks.json').population_rule as {
    occupancy: number;
    persons_per_household: number;
  };
  const estates = parseCommentedCsv(readFileSync(join(GEODATA, 'sources/estates.csv'), 'utf8'))
    .filter((r) => r.used === 'yes')
    .map((r) => ({ name: r.name, units: Number(r.units), at: point([Number(r.lng), Number(r.lat)]) }));
  const blocks = fc.features.filter((f) => f.properties?.kind !== 'campus_dormitory');

  it('puts every labelled estate inside its block', () => {
    for (const f of blocks) {
      for (const name of f.properties?.estates ?? []) {
        const inside = estates.filter((e) => e.name === name && booleanPointInPolygon(e.at, f));
        expect(inside.length, `${name} in ${f.properties?.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('counts as dwellings exactly the units of the listed estates whose points fall inside', () => {
    for (const f of blocks) {
      const inside = estates.filter((e) => booleanPointInPolygon(e.at, f));
      expect(inside.length, String(f.properties?.id)).toBeGreaterThan(0);
      expect(f.properties?.dwellings, String(f.properties?.id)).toBe(inside.reduce((s, e) => s + e.units, 0));
      expect([...(f.properties?.estates ?? [])].sort()).toEqual(inside.map((e) => e.name).sort());
    }
  });

  it('estimates population as dwellings x occupancy x household size, and says so', () => {
    expect(rules).toEqual(expect.objectContaining({ occupancy: 0.85, persons_per_household: 2.82 }));
    for (const f of blocks) {
      const p = f.properties!;
      expect(Math.abs(p.population - p.dwellings * 0.85 * 2.82), p.id).toBeLessThanOrEqual(0.5);
      expect(p.population_method).toContain('0.85');
      expect(p.population_method).toContain('2.82');
    }
  });

  it('keeps campus dormitories as their own low-confidence estimate', () => {
    const dorms = fc.features.filter((f) => f.properties?.kind === 'campus_dormitory');
    expect(dorms.length).toBeGreaterThan(0);
    for (const d of dorms) {
      expect(d.properties?.confidence).toBe('low');
      expect(d.properties?.dwellings).toBe(0);
      expect(d.properties?.population).toBeGreaterThan(0);
      expect(d.properties?.source).toMatch(/^enrolment: /);
    }
  });

  it('says which year each population stands for', () => {
    for (const f of fc.features)
      expect(f.properties?.population_year, f.properties?.id).toBeGreaterThanOrEqual(2014);
    for (const f of blocks) expect(f.properties?.population_year).toBe(2020);
  });

  it('marks resettlement blocks as under construction at the end of 2014', () => {
    const resettlement = blocks.filter((f) => f.properties?.kind === 'resettlement');
    expect(resettlement.length).toBeGreaterThan(0);
    for (const f of resettlement) expect(f.properties?.status).toBe('under_construction');
  });

  it('has no two blocks on the same ground, and no block on a park, campus or water', () => {
    expect(overlaps(blocks as Area[], SLIVER_M2)).toEqual([]);
    const cutters = [
      ...layer('greenery').features,
      ...layer('industrial-parks').features.filter((f) => f.properties?.kind !== 'cluster'),
      ...layer('water').features,
    ];
    const hits = blocks.flatMap((b) =>
      cutters
        .filter((c) => {
          const x = intersect(featureCollection([b, c] as Area[]));
          return x !== null && area(x) > SLIVER_M2;
        })
        .map((c) => `${b.properties?.id} x ${c.properties?.id}`),
    );
    expect(hits).toEqual([]);
  });

  it('puts ≥ 90 % of the listed 高新 housing estates (residential-estates.csv) inside residential land', () => {
    const listed = parseCommentedCsv(readFileSync(join(GEODATA, 'sources/residential-estates.csv'), 'utf8'))
      .filter((r) => r.area_label.startsWith('高新'))
      .map((r) => ({ name: r.name, at: point([Number(r.wgs84_lng), Number(r.wgs84_lat)]) }));
    const outside = listed.filter((e) => !fc.features.some((f) => booleanPointInPolygon(e.at, f)));
    const share = 1 - outside.length / listed.length;
    console.info(
      `高新 estates inside residential land: ${listed.length - outside.length} of ${listed.length} (${(100 * share).toFixed(1)} %); ` +
        `outside: ${outside.map((e) => e.name).join('、')}`,
    );
    expect(listed.length).toBeGreaterThan(150);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it('joins an estate lying just outside a block (within 50 m) to it, and says so', () => {
    const grown = blocks.filter((f) => /Grown to take in/.test(String(f.properties?.note)));
    expect(grown.length).toBeGreaterThan(0);
    for (const f of grown) {
      const names = /Grown to take in (.*?), whose point/.exec(String(f.properties?.note))![1].split('、');
      for (const n of names) expect(f.properties?.estates, `${n} in ${f.properties?.id}`).toContain(n);
    }
  });

  it('agrees with the derived table in sources/residential-blocks.csv', () => {
    const table = parseCommentedCsv(readFileSync(join(GEODATA, 'sources/residential-blocks.csv'), 'utf8'));
    expect(table.map((r) => r.block).sort()).toEqual(fc.features.map((f) => f.properties?.id).sort());
    for (const r of table) {
      const f = fc.features.find((g) => g.properties?.id === r.block);
      expect(Number(r.dwellings)).toBe(f?.properties?.dwellings);
      expect(Number(r.population)).toBe(f?.properties?.population);
    }
  });
});

describe('indicators.json', () => {
  const file = IndicatorsFile.parse(read('indicators.json'));

  it('quotes each figure from a sentence of the report, verbatim', () => {
    for (const i of file.indicators) {
      expect(report, i.id).toContain(i.sentence);
      // A figure written in words (三星级, 第二, 全部) carries a note saying how it was read.
      if (!i.note) expect(i.sentence, i.id).toContain(String(i.value));
      if (i.growth_pct !== undefined) expect(i.sentence, i.id).toContain(`${i.growth_pct}%`);
    }
  });

  it('holds the headline results and targets of the brief', () => {
    const v = (id: string) => file.indicators.find((i) => i.id === id);
    expect([v('gdp-2014')?.value, v('gdp-2015')?.value, v('gdp-2015')?.growth_pct]).toEqual([201.4, 230, 15]);
    expect([
      v('fixed-investment-2014')?.value,
      v('fixed-investment-2015')?.value,
      v('fixed-investment-2015')?.growth_pct,
    ]).toEqual([266, 360, 34]);
    expect([v('fiscal-revenue-2014')?.value, v('fiscal-revenue-2015')?.value]).toEqual([25.5, 29]);
    expect([v('external-funds-2014')?.value, v('external-funds-2015')?.value]).toEqual([107, 120]);
    expect([v('infrastructure-projects-2015')?.value, v('road-length-2015')?.value]).toEqual([96, 94]);
    expect([
      v('new-green-2015')?.value,
      v('green-cover-2015')?.value,
      v('green-cover-2015')?.qualifier,
    ]).toEqual([172, 40, 'at_least']);
    expect([v('clusters-revenue-2015')?.value, v('clusters-share-2015')?.value]).toEqual([900, 60]);
    expect([v('neeq-listed-2014')?.value, v('neeq-listed-2015')?.value]).toEqual([30, 50]);
  });

  it('rejects a file whose 2014 figure is called a target', () => {
    const bad = structuredClone(read('indicators.json'));
    bad.indicators[0].kind = 'target';
    expect(IndicatorsFile.safeParse(bad).success).toBe(false);
  });
});

describe('standards.json', () => {
  const json = read('standards.json');
  const file = StandardsFile.parse(json);

  it('sizes service radii by park area', () => {
    const r = (a: number) => serviceRadius(standardOf(file), a);
    expect([r(800), r(1000), r(4999), r(5000), r(300000)]).toEqual([0, 300, 300, 500, 500]);
    const t = (a: number) => serviceRadius(standardOf(file, 'gbt51346'), a);
    expect([t(6000), t(30000), t(150000), t(600000)]).toEqual([300, 500, 1200, 3000]);
  });

  it('rejects a scheme whose rows overlap in park size', () => {
    const bad = structuredClone(json);
    bad.service_radii[1].max_area_m2 = 6000;
    expect(StandardsFile.safeParse(bad).success).toBe(false);
  });

  it('gives the coverage engine the default tiers and thresholds it reads', () => {
    const std = parseStandard(json);
    expect(std.tiers.map((t) => [t.minAreaM2, t.radiusM])).toEqual([
      [5000, 500],
      [1000, 300],
    ]);
    expect(std.targets.map((t) => t.rate)).toEqual([0.8, 0.9]);
  });

  it('holds the thresholds, speeds and life circles with their sources', () => {
    expect(file.coverage_thresholds.map((t) => [t.rate, t.mandatory])).toEqual([
      [0.8, true],
      [0.9, false],
    ]);
    expect(file.walking_speeds.map((w) => w.m_per_s).sort()).toEqual([0.8, 1.0]);
    expect(file.life_circles.map((c) => c.minutes).sort((a, b) => a - b)).toEqual([5, 10, 15]);
    const rows = [
      ...file.service_radii,
      ...Object.values(file.alternative_radius_schemes).flat(),
      ...file.coverage_thresholds,
      ...file.walking_speeds,
      ...file.life_circles,
    ];
    for (const row of rows) expect(row.source.length).toBeGreaterThan(10);
  });
});
