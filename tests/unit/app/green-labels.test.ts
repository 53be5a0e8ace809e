import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { labelParts } from '../../../src/map/green-labels';
import { parkLabelPoint } from '../../../src/core/find/camera';

const square = (x: number, y: number, d: number) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

describe('one label per green space', () => {
  it('reduces a multi-part park to its largest part, keeping its id and properties', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'p',
          properties: { id: 'p', name_zh: '西流湖公园' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [square(0, 0, 1), square(5, 5, 2), square(9, 9, 0.5)],
          },
        },
        {
          type: 'Feature',
          properties: { id: 'q' },
          geometry: { type: 'Polygon', coordinates: square(0, 0, 1) },
        },
      ],
    };
    const out = labelParts(fc);
    expect(out.features[0].geometry).toEqual({ type: 'Polygon', coordinates: square(5, 5, 2) });
    expect(out.features[0].properties).toEqual({ id: 'p', name_zh: '西流湖公园' });
    expect(out.features[0].id).toBe('p');
    expect(out.features[1]).toBe(fc.features[1]);
  });

  it('leaves every bundled green space with exactly one labelled shape', () => {
    const green = JSON.parse(
      readFileSync(new URL('../../../geodata/greenery.geojson', import.meta.url), 'utf8'),
    ) as FeatureCollection;
    const multi = green.features.filter(
      (f) => f.geometry.type === 'MultiPolygon' && (f.geometry as MultiPolygon).coordinates.length > 1,
    );
    expect(multi.length).toBeGreaterThan(0);
    const out = labelParts(green);
    expect(out.features.length).toBe(green.features.length);
    expect(
      out.features.filter(
        (f) => f.geometry.type === 'MultiPolygon' && (f.geometry as MultiPolygon).coordinates.length > 1,
      ),
    ).toEqual([]);
  });
});

describe('a park name kept on screen when the find answer is framed', () => {
  it('gives the middle of a compact park and nothing for a long corridor', () => {
    // About 300 m across at the zone's latitude.
    expect(parkLabelPoint([square(113.5, 34.8, 0.002)[0]])).toEqual([113.501, 34.801]);
    // About 3 km long.
    expect(parkLabelPoint([square(113.5, 34.8, 0.03)[0]])).toBeNull();
    expect(parkLabelPoint([])).toBeNull();
  });
});
