import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { featuresToGeoJSON } from '../../../src/core/export';

const band: Feature<Geometry> = {
  type: 'Feature',
  id: 'band-5',
  properties: { minutes: 5, name_zh: '5 分钟', share: NaN },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [113.123456789, 34.8],
        [113.2, 34.8],
        [113.2, 34.9],
        [113.123456789, 34.8],
      ],
    ],
  },
};

describe('featuresToGeoJSON', () => {
  it('writes a FeatureCollection with properties, the passed-in timestamp and sources', () => {
    const out = JSON.parse(
      featuresToGeoJSON([band], {
        generated: '2026-06-12T08:00:00.000Z',
        name: 'coverage-bands',
        sources: ['OSM'],
      }),
    );
    expect(out).toMatchObject({
      type: 'FeatureCollection',
      name: 'coverage-bands',
      generated: '2026-06-12T08:00:00.000Z',
      sources: ['OSM'],
    });
    expect(out.features[0]).toMatchObject({
      type: 'Feature',
      id: 'band-5',
      properties: { minutes: 5, name_zh: '5 分钟', share: null },
    });
  });

  it('rounds coordinates to 6 decimals by default and leaves the input untouched', () => {
    const out = JSON.parse(featuresToGeoJSON([band], { generated: new Date(Date.UTC(2026, 5, 12)) }));
    expect(out.generated).toBe('2026-06-12T00:00:00.000Z');
    expect(out.features[0].geometry.coordinates[0][0]).toEqual([113.123457, 34.8]);
    expect((band.geometry as GeoJSON.Polygon).coordinates[0][0][0]).toBe(113.123456789);
  });

  it('is deterministic: the same input gives the same text', () => {
    const a = featuresToGeoJSON([band], { generated: '2026-06-12T08:00:00Z' });
    expect(featuresToGeoJSON([band], { generated: '2026-06-12T08:00:00Z' })).toBe(a);
  });

  it('keeps features without geometry and refuses a missing timestamp', () => {
    const out = JSON.parse(
      featuresToGeoJSON([{ type: 'Feature', properties: null, geometry: null as never }], {
        generated: '2026-01-01',
      }),
    );
    expect(out.features[0]).toEqual({ type: 'Feature', properties: {}, geometry: null });
    expect(() => featuresToGeoJSON([], { generated: 'yesterday' })).toThrow(/toISOString/);
  });
});
