import { describe, expect, it } from 'vitest';
import { parseAndValidate, type ImportCode, type ImportLayer } from '../../../src/core/import';
import { fixtureBytes } from './load';

/** Every malformed or hostile file, the layer it is imported as, and the one error it must get. */
const REFUSED: [file: string, layer: ImportLayer, code: ImportCode][] = [
  ['empty.geojson', 'greenery', 'empty-file'],
  ['whitespace-only.geojson', 'greenery', 'empty-file'],
  ['not-json-missing-comma.geojson', 'greenery', 'not-json'],
  ['truncated.geojson', 'greenery', 'not-json'],
  ['csv-renamed.geojson', 'greenery', 'not-json'],
  ['html-page.geojson', 'greenery', 'not-json'],
  ['not-geojson-object.json', 'greenery', 'not-geojson'],
  ['not-geojson-array.json', 'greenery', 'not-geojson'],
  ['features-not-array.geojson', 'greenery', 'not-geojson'],
  ['empty-collection.geojson', 'greenery', 'no-features'],
  ['nan-coordinates.geojson', 'roads', 'json-non-finite'],
  ['infinity-coordinates.geojson', 'roads', 'json-non-finite'],
  ['huge-number-coordinates.geojson', 'roads', 'non-finite-coordinate'],
  ['null-coordinates.geojson', 'roads', 'invalid-coordinates'],
  ['string-coordinates.geojson', 'roads', 'invalid-coordinates'],
  ['null-geometry.geojson', 'roads', 'missing-geometry'],
  ['points-not-polygons.geojson', 'greenery', 'wrong-geometry-type'],
  ['valid-greenery.geojson', 'roads', 'wrong-geometry-type'],
  ['valid-roads.geojson', 'residential', 'wrong-geometry-type'],
  ['geometry-collection.geojson', 'greenery', 'wrong-geometry-type'],
  ['unknown-geometry-type.geojson', 'greenery', 'invalid-coordinates'],
  ['not-a-feature.geojson', 'greenery', 'not-a-feature'],
  ['too-few-positions-line.geojson', 'roads', 'too-few-positions'],
  ['too-few-positions-ring.geojson', 'greenery', 'too-few-positions'],
  ['zero-area.geojson', 'greenery', 'zero-area'],
  ['projected-3857.geojson', 'greenery', 'projected-coordinates'],
  ['projected-gauss-kruger.geojson', 'roads', 'projected-coordinates'],
  ['swapped-lat-lng.geojson', 'roads', 'swapped-lat-lng'],
  ['far-away-beijing.geojson', 'greenery', 'far-from-zone'],
  ['one-feature-out-of-range.geojson', 'greenery', 'coordinate-out-of-range'],
  ['mixed-valid-invalid.geojson', 'greenery', 'missing-geometry'],
];

describe('the hostile corpus: each file gets its specific error', () => {
  it.each(REFUSED)('%s as %s → %s', async (file, layer, code) => {
    const r = await parseAndValidate(fixtureBytes(file), { layer, crs: 'WGS84' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code)).toContain(code);
    for (const e of r.errors) {
      expect(e.message.zh.length).toBeGreaterThan(10);
      expect(e.message.en.length).toBeGreaterThan(10);
      expect(e.message.en).not.toMatch(/undefined|\[object/);
    }
  });
});

describe('messages say where and how', () => {
  it('locates a missing comma by line and column', async () => {
    const r = await parseAndValidate(fixtureBytes('not-json-missing-comma.geojson'), {
      layer: 'greenery',
      crs: 'WGS84',
    });
    if (r.ok) throw new Error('accepted broken JSON');
    // "status": "planned" is on line 9; the parser stops at the next key, line 10.
    expect(r.errors[0].params.line).toBe(10);
    expect(r.errors[0].message.en).toMatch(/line 10, column \d+/);
    expect(r.errors[0].message.zh).toMatch(/第 10 行/);
  });

  it('says a truncated file is cut short, at its end', async () => {
    const r = await parseAndValidate(fixtureBytes('truncated.geojson'), { layer: 'greenery', crs: 'WGS84' });
    if (r.ok) throw new Error('accepted a truncated file');
    expect(r.errors[0].message.en).toMatch(/cut short/);
  });

  it('names NaN and where it is', async () => {
    const r = await parseAndValidate(fixtureBytes('nan-coordinates.geojson'), {
      layer: 'roads',
      crs: 'WGS84',
    });
    if (r.ok) throw new Error('accepted NaN');
    expect(r.errors[0].params).toMatchObject({ token: 'NaN', line: 1 });
    expect(r.errors[0].params.column).toBe(
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a"},"geometry":{"type":"LineString","coordinates":[[113.55,34.81],['
        .length + 1,
    );
  });

  it('recognises Web Mercator and Gauss-Krüger metres', async () => {
    const merc = await parseAndValidate(fixtureBytes('projected-3857.geojson'), {
      layer: 'greenery',
      crs: 'WGS84',
    });
    const gk = await parseAndValidate(fixtureBytes('projected-gauss-kruger.geojson'), {
      layer: 'roads',
      crs: 'WGS84',
    });
    if (merc.ok || gk.ok) throw new Error('accepted metres');
    expect(merc.errors[0].params.guess).toMatch(/3857/);
    expect(gk.errors[0].params.guess).toMatch(/zone 38/);
    expect(merc.errors[0].message.en).toMatch(/EPSG:4326/);
  });

  it('gives the distance of far-away data in km', async () => {
    const r = await parseAndValidate(fixtureBytes('far-away-beijing.geojson'), {
      layer: 'greenery',
      crs: 'WGS84',
    });
    if (r.ok) throw new Error('accepted Beijing');
    // 天坛 to the study area's north-east corner region: about 600 km.
    expect(r.errors[0].params.distanceKm).toBeGreaterThan(550);
    expect(r.errors[0].params.distanceKm).toBeLessThan(700);
  });

  it('points at the feature that is wrong, by index and id', async () => {
    const r = await parseAndValidate(fixtureBytes('mixed-valid-invalid.geojson'), {
      layer: 'greenery',
      crs: 'WGS84',
    });
    if (r.ok) throw new Error('accepted invalid features');
    expect(r.errors.map((e) => [e.featureIndex, e.code])).toEqual([
      [1, 'missing-geometry'],
      [2, 'wrong-geometry-type'],
    ]);
  });
});

describe('accepted with a warning', () => {
  const accept = async (file: string, layer: ImportLayer = 'greenery') => {
    const r = await parseAndValidate(fixtureBytes(file), { layer, crs: 'WGS84' });
    if (!r.ok) throw new Error(`${file} refused: ${r.errors.map((e) => e.code).join(', ')}`);
    return r;
  };

  it('closes an unclosed ring', async () => {
    const r = await accept('unclosed-ring.geojson');
    expect(r.warnings.map((w) => w.code)).toEqual(['ring-closed']);
    const ring = (r.features[0].geometry as GeoJSON.Polygon).coordinates[0];
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
  });

  it('warns about a self-intersection with its place', async () => {
    const r = await accept('self-intersecting-ring.geojson');
    const w = r.warnings.find((x) => x.code === 'self-intersection');
    // The edge from (113.55, 34.82) to (113.552, 34.808) crosses the south edge at x = 113.55 + 0.002 × 10/12.
    expect(w?.params).toMatchObject({ count: 1, lng: 113.55167, lat: 34.81 });
  });

  it('warns per feature outside the study area when some are inside', async () => {
    const r = await accept('partly-outside.geojson');
    const w = r.warnings.filter((x) => x.code === 'feature-outside-zone');
    expect(w).toHaveLength(1);
    expect(w[0].featureIndex).toBe(1);
    expect(w[0].params.distanceKm).toBeGreaterThan(15);
    expect(r.features).toHaveLength(2);
  });

  it('keeps the valid features when asked to skip invalid ones', async () => {
    const r = await parseAndValidate(fixtureBytes('mixed-valid-invalid.geojson'), {
      layer: 'greenery',
      crs: 'WGS84',
      skipInvalid: true,
    });
    if (!r.ok) throw new Error('refused');
    expect(r.features.map((f) => f.properties.name_zh)).toEqual(['好的公园', '另一个好的']);
    expect(r.warnings.filter((w) => w.code === 'feature-skipped').map((w) => w.featureIndex)).toEqual([1, 2]);
  });
});
