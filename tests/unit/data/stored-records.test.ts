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
  it('accepts a list of objects and refuses anything else', () => {
    expect(storedWhatIfsProblem({ schema: SCHEMA_VERSION, list: [{ lng: 113.5, lat: 34.8 }] })).toBeNull();
    expect(storedWhatIfsProblem({ schema: SCHEMA_VERSION, list: [1, 2] })).not.toBeNull();
    expect(storedWhatIfsProblem({ schema: 0, list: [] })).not.toBeNull();
    expect(storedWhatIfsProblem({ schema: SCHEMA_VERSION, list: 'x' })).not.toBeNull();
  });
});
