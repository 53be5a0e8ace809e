import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { GreenProps, ResidentialProps, RoadProps } from '../../../src/core/geodata/schema';
import { parseAndValidate, type ImportOptions, type ImportResult } from '../../../src/core/import';
import { fixtureBytes, fixtureText } from './load';

async function accept(file: string, options: ImportOptions): Promise<Extract<ImportResult, { ok: true }>> {
  const r = await parseAndValidate(fixtureBytes(file), options);
  if (!r.ok) throw new Error(`${file} refused: ${r.errors.map((e) => e.message.en).join(' | ')}`);
  return r;
}

describe('parseAndValidate: good files', () => {
  it('reads roads, fills the road contract and maps OSM highway tags', async () => {
    const r = await accept('valid-roads.geojson', {
      layer: 'roads',
      crs: 'WGS84',
      sourceLabel: 'survey.geojson',
    });
    expect(r.features).toHaveLength(3);
    const [a, b, c] = r.features.map((f) => f.properties);
    expect(a).toMatchObject({
      id: 'import:roads:osm-1',
      name_zh: '雪松路',
      name_en: 'Xuesong Road',
      class: 'arterial',
      walkable: true,
    });
    expect(a.source).toBe('survey.geojson');
    expect(b).toMatchObject({ name_zh: '梧桐街', class: 'secondary' });
    expect(c).toMatchObject({ name_zh: '导入道路 3', name_en: 'Imported road 3', class: 'path', width: 2.5 });
    for (const f of r.features) expect(RoadProps.safeParse(f.properties).success).toBe(true);
    expect(r.warnings.map((w) => [w.code, w.featureIndex])).toEqual([['name-generated', 2]]);
    // Altitude is dropped: the app is 2D.
    expect(r.features[2].geometry.coordinates[0]).toEqual([113.53, 34.805]);
    expect(r.stats).toEqual({ features: 3, vertices: 9, bbox: [113.52, 34.8, 113.56, 34.835] });
  });

  it('computes areas and park types for green spaces, keeping valid contract values from the file', async () => {
    const r = await accept('valid-greenery.geojson', { layer: 'greenery', crs: 'WGS84' });
    const [a, b, c] = r.features.map((f) => f.properties);
    // 0.004° × 0.003° at 34.81° N: 0.004 × 111.32 km × cos(34.81°) by 0.003 × 111.2 km.
    const expected = 0.004 * 111_320 * Math.cos((34.8115 * Math.PI) / 180) * 0.003 * 111_200;
    expect(Math.abs((a.area_m2 as number) - expected) / expected).toBeLessThan(0.01);
    expect(a).toMatchObject({
      status: 'planned',
      type: 'community',
      program: 'other',
      note: 'surveyed 2024',
      confidence: 'medium',
    });
    expect(b).toMatchObject({ name_zh: '小游园', type: 'pocket' });
    expect(c).toMatchObject({ name_zh: '导入绿地 3', type: 'comprehensive', area: 'big' });
    for (const f of r.features) expect(GreenProps.safeParse(f.properties).success).toBe(true);
  });

  it('reads population and dwellings for residential land and warns once where they are missing', async () => {
    const r = await accept('valid-residential.geojson', { layer: 'residential', crs: 'WGS84' });
    expect(r.features[0].properties).toMatchObject({ population: 4200, dwellings: 1750 });
    expect(r.features[1].properties).toMatchObject({ name_zh: '另一小区', population: 0 });
    expect(r.features[1].geometry.type).toBe('MultiPolygon');
    expect(r.warnings.filter((w) => w.code === 'population-missing').map((w) => w.params.count)).toEqual([1]);
    for (const f of r.features) expect(ResidentialProps.safeParse(f.properties).success).toBe(true);
  });

  it.each([
    ['valid-greenery-gcj02.geojson', 'GCJ02'],
    ['valid-greenery-bd09.geojson', 'BD09'],
  ] as const)('converts %s from %s back to the WGS-84 original', async (file, crs) => {
    const original = JSON.parse(fixtureText('valid-greenery.geojson'));
    const r = await accept(file, { layer: 'greenery', crs });
    r.features.forEach((f, i) => {
      const want = original.features[i].geometry.coordinates[0] as number[][];
      const got = (f.geometry as Polygon).coordinates[0];
      got.forEach((p, k) => {
        expect(Math.abs(p[0] - want[k][0])).toBeLessThan(2e-6);
        expect(Math.abs(p[1] - want[k][1])).toBeLessThan(2e-6);
      });
    });
  });

  it('leaves coordinates as they are for WGS-84 (a GCJ-02 file read as WGS-84 stays ~600 m off)', async () => {
    const r = await accept('valid-greenery-gcj02.geojson', { layer: 'greenery', crs: 'WGS84' });
    const p = (r.features[0].geometry as Polygon).coordinates[0][0];
    expect(p[0] - 113.55).toBeGreaterThan(0.005);
  });

  it.each(['bom-crlf.geojson', 'bare-polygon.geojson', 'single-feature.geojson'])(
    'accepts %s',
    async (file) => {
      const r = await accept(file, { layer: 'greenery', crs: 'WGS84' });
      expect(r.features).toHaveLength(1);
    },
  );

  it('accepts text as well as bytes', async () => {
    const r = await parseAndValidate(fixtureText('valid-roads.geojson'), { layer: 'roads', crs: 'WGS84' });
    expect(r.ok).toBe(true);
  });
});

describe('parseAndValidate: names and hostile properties', () => {
  it('finds names under common keys and generates the rest', async () => {
    const r = await accept('missing-names.geojson', { layer: 'greenery', crs: 'WGS84' });
    expect(r.features.map((f) => f.properties.name_zh)).toEqual([
      '中文键公园',
      'Upper Key Park',
      '导入绿地 3',
      '导入绿地 4',
      '导入绿地 5',
    ]);
    expect(r.warnings.filter((w) => w.code === 'name-generated').map((w) => w.featureIndex)).toEqual([
      2, 3, 4,
    ]);
  });

  it('keeps markup and script as inert text and drops prototype keys', async () => {
    const r = await accept('xss-names.geojson', { layer: 'greenery', crs: 'WGS84' });
    const p = r.features[0].properties;
    expect(p.name_zh).toBe('<img src=x onerror=alert(1)>');
    expect(p.name_en).toBe("<script>alert('x')</script>");
    expect(p.tpl).toBe("${alert(1)}{{constructor.constructor('alert(1)')()}}");
    expect(p.nested).toBe('{"a":[1,{"b":"<b>bold</b>"}]}');
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(Object.keys(p)).not.toContain('__proto__');
    expect(Object.keys(p)).not.toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.warnings.filter((w) => w.code === 'property-dropped').map((w) => w.params.key)).toEqual([
      '__proto__',
      'constructor',
    ]);
  });
});

describe('parseAndValidate: progress and cancel', () => {
  it('reports progress in order, ending at 1', async () => {
    const seen: number[] = [];
    await parseAndValidate(fixtureBytes('valid-roads.geojson'), { layer: 'roads', crs: 'WGS84' }, (p) =>
      seen.push(p.fraction),
    );
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops with "cancelled" when aborted, before or during the work', async () => {
    const before = new AbortController();
    before.abort();
    const r1 = await parseAndValidate(
      fixtureBytes('valid-roads.geojson'),
      { layer: 'roads', crs: 'WGS84' },
      undefined,
      before.signal,
    );
    expect(r1).toMatchObject({ ok: false, errors: [{ code: 'cancelled' }] });

    const during = new AbortController();
    const r2 = await parseAndValidate(
      fixtureBytes('valid-roads.geojson'),
      { layer: 'roads', crs: 'WGS84' },
      (p) => p.stage === 'parsing' && during.abort(),
      during.signal,
    );
    expect(r2).toMatchObject({ ok: false, errors: [{ code: 'cancelled' }] });
  });
});
