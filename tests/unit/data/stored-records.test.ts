import { describe, expect, it } from 'vitest';
import {
  SCHEMA_VERSION,
  storedImportProblem,
  storedWhatIfsProblem,
  type StoredImport,
} from '../../../src/state/stored-records';

function good(): StoredImport {
  return {
    schema: SCHEMA_VERSION,
    id: 'abc',
    name: 'parks.geojson',
    layer: 'greenery',
    mode: 'add',
    crs: 'WGS84',
    importedAt: '2026-11-25T10:00:00.000Z',
    vertices: 5,
    keptVertices: 5,
    features: [
      {
        type: 'Feature',
        properties: { id: 'import:abc:1', name_zh: '公园' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [113.5, 34.8],
              [113.51, 34.8],
              [113.51, 34.81],
              [113.5, 34.81],
              [113.5, 34.8],
            ],
          ],
        },
      },
    ],
  };
}

describe('stored import check', () => {
  it('accepts a well-formed record', () => {
    expect(storedImportProblem(good())).toBeNull();
  });

  it('refuses records from another schema version', () => {
    expect(storedImportProblem({ ...good(), schema: SCHEMA_VERSION + 1 })).toMatch(/schema/);
    expect(storedImportProblem({ ...good(), schema: undefined })).toMatch(/schema/);
  });

  it('refuses unknown layers, modes and coordinate systems', () => {
    expect(storedImportProblem({ ...good(), layer: 'industry' })).toMatch(/layer/);
    expect(storedImportProblem({ ...good(), mode: 'merge' })).toMatch(/mode/);
    expect(storedImportProblem({ ...good(), crs: 'EPSG:3857' })).toMatch(/coordinate/);
  });

  it('refuses broken geometry: NaN, out-of-range, wrong nesting, wrong type', () => {
    const withCoords = (coordinates: unknown, type = 'Polygon') => {
      const r = good() as unknown as { features: { geometry: unknown }[] };
      r.features[0].geometry = { type, coordinates };
      return r;
    };
    expect(
      storedImportProblem(
        withCoords([
          [
            [NaN, 34.8],
            [113.5, 34.8],
            [113.5, 34.9],
            [NaN, 34.8],
          ],
        ]),
      ),
    ).toMatch(/malformed/);
    expect(
      storedImportProblem(
        withCoords([
          [
            [12_600_000, 4_130_000],
            [1, 2],
            [3, 4],
            [5, 6],
          ],
        ]),
      ),
    ).toMatch(/malformed/);
    expect(
      storedImportProblem(
        withCoords([
          [113.5, 34.8],
          [113.6, 34.9],
        ]),
      ),
    ).toMatch(/malformed/);
    expect(storedImportProblem(withCoords([113.5, 34.8], 'Point'))).toMatch(/geometry/);
  });

  it('refuses values that are not records at all', () => {
    for (const v of [null, 42, 'text', [], { schema: SCHEMA_VERSION }])
      expect(storedImportProblem(v)).not.toBeNull();
  });
});

describe('stored what-if check', () => {
  const point = { id: 'w1', kind: 'point', lng: 113.5, lat: 34.8, area_m2: 20000, name: '设想公园' };
  const polygon = {
    id: 'w2',
    kind: 'polygon',
    coordinates: [
      [
        [113.5, 34.8],
        [113.51, 34.8],
        [113.51, 34.81],
        [113.5, 34.8],
      ],
    ],
  };
  const list = (...l: unknown[]) => ({ schema: SCHEMA_VERSION, list: l });

  it('accepts point and polygon what-if parks', () => {
    expect(storedWhatIfsProblem(list(point, polygon))).toBeNull();
    expect(storedWhatIfsProblem(list())).toBeNull();
  });

  it('refuses another schema or a list that is not an array', () => {
    expect(storedWhatIfsProblem({ schema: 0, list: [] })).toMatch(/schema/);
    expect(storedWhatIfsProblem({ schema: SCHEMA_VERSION, list: 'x' })).toMatch(/array/);
    expect(storedWhatIfsProblem(null)).toMatch(/object/);
  });

  it('names the broken park and what is wrong with it', () => {
    expect(storedWhatIfsProblem(list(point, 1))).toMatch(/what-if 1 is not an object/);
    expect(storedWhatIfsProblem(list({ ...point, id: '' }))).toMatch(/no id/);
    expect(storedWhatIfsProblem(list({ ...point, lng: NaN }))).toMatch(/what-if 0 has an invalid position/);
    expect(storedWhatIfsProblem(list({ ...point, lat: 95 }))).toMatch(/position/);
    expect(storedWhatIfsProblem(list({ ...point, area_m2: -5 }))).toMatch(/area/);
    expect(storedWhatIfsProblem(list({ ...point, area_m2: '2000' }))).toMatch(/area/);
    expect(storedWhatIfsProblem(list({ ...point, name: { html: '<b>' } }))).toMatch(/name/);
    expect(storedWhatIfsProblem(list({ ...point, kind: 'circle' }))).toMatch(/kind circle/);
    const ring = polygon.coordinates[0];
    expect(storedWhatIfsProblem(list({ ...polygon, coordinates: [ring.slice(0, 3)] }))).toMatch(
      /coordinates/,
    );
    expect(storedWhatIfsProblem(list({ ...polygon, coordinates: [[[113.5, 'x'], ...ring]] }))).toMatch(
      /coordinates/,
    );
  });

  it('refuses an implausibly long list', () => {
    const many = Array.from({ length: 501 }, (_, i) => ({ ...point, id: `w${i}` }));
    expect(storedWhatIfsProblem(list(...many))).toMatch(/more than 500/);
  });
});
