import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { GREEN_LABEL_SOURCE } from '../../../src/map/green-labels';
import { buildStyle, type StyleData } from '../../../src/map/style';
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

const none: FeatureCollection = { type: 'FeatureCollection', features: [] };
const empty = Object.fromEntries(
  ['roads', 'greenery', 'industry', 'residential', 'water', 'boundary', 'landmarks'].map((k) => [k, none]),
);

describe('one label per green space', () => {
  it('names every bundled green space once, from one point inside it, with its id and properties', () => {
    const green = JSON.parse(
      readFileSync(new URL('../../../geodata/greenery.geojson', import.meta.url), 'utf8'),
    ) as FeatureCollection;
    // The multi-part ones (corridors, 西流湖公园) are the reason for the point source.
    expect(green.features.filter((f) => f.geometry.type === 'MultiPolygon').length).toBeGreaterThan(0);
    const style = buildStyle({ ...empty, greenery: green } as StyleData, 'zh', 'http://127.0.0.1/');
    const label = style.layers.find((l) => l.id === 'greenery-label')!;
    expect('source' in label && label.source).toBe(GREEN_LABEL_SOURCE);
    const src = style.sources[GREEN_LABEL_SOURCE] as { data: FeatureCollection };
    expect(src.data.features.map((f) => f.geometry.type)).toEqual(green.features.map(() => 'Point'));
    expect(src.data.features.map((f) => f.properties?.id)).toEqual(
      green.features.map((f) => f.properties?.id),
    );
  });
});

describe('a park name kept on screen when the find answer is framed', () => {
  it('gives the middle of a compact park and nothing for a long corridor', () => {
    // About 300 m across at the zone's latitude.
    const p = parkLabelPoint({ type: 'Polygon', coordinates: square(113.5, 34.8, 0.002) })!;
    expect(p[0]).toBeCloseTo(113.501, 4);
    expect(p[1]).toBeCloseTo(34.801, 4);
    // About 3 km long.
    expect(parkLabelPoint({ type: 'Polygon', coordinates: square(113.5, 34.8, 0.03) })).toBeNull();
    expect(parkLabelPoint(null)).toBeNull();
  });
});
