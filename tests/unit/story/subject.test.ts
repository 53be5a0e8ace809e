import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { boundsOf, chapterSubject, selectFeatures } from '../../../src/core/story/subject';
import { validateStory } from '../../../src/core/story/schema';

const line = (id: string, status: string, coords: [number, number][]): Feature => ({
  type: 'Feature',
  properties: { id, status },
  geometry: { type: 'LineString', coordinates: coords },
});
const roads: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    line('r1', 'existing', [
      [113.4, 34.7],
      [113.5, 34.75],
    ]),
    line('r2', 'planned', [
      [113.52, 34.8],
      [113.55, 34.82],
    ]),
    line('r3', 'under_construction', [
      [113.6, 34.78],
      [113.61, 34.9],
    ]),
  ],
};
const zone: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [113.45, 34.75],
            [113.65, 34.76],
            [113.64, 34.88],
            [113.45, 34.75],
          ],
        ],
      },
    },
  ],
};
const layer = (id: string) => (id === 'roads' ? roads : undefined);

describe('chapterSubject', () => {
  it('spans the highlighted features only', () => {
    const b = chapterSubject(
      { highlight: { layer: 'roads', property: 'status', values: ['planned', 'under_construction'] } },
      layer,
      zone,
    );
    expect(b).toEqual([113.52, 34.78, 113.61, 34.9]);
  });

  it('prefers an explicit subject to the highlight, and "zone" is the zone outline', () => {
    const b = chapterSubject({ subject: 'zone', highlight: { layer: 'roads', ids: ['r1'] } }, layer, zone);
    expect(b).toEqual([113.45, 34.75, 113.65, 34.88]);
  });

  it('selects by id as text, like the map highlight does', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ ...roads.features[0], properties: { id: 7 } }, roads.features[1]],
    };
    expect(selectFeatures(fc, { ids: ['7'] })).toHaveLength(1);
  });

  it('is null without a subject, for a missing layer, and when nothing matches', () => {
    expect(chapterSubject({}, layer, zone)).toBeNull();
    expect(chapterSubject({ subject: { layer: 'parks', ids: ['x'] } }, layer, zone)).toBeNull();
    expect(chapterSubject({ subject: { layer: 'roads', ids: ['nope'] } }, layer, zone)).toBeNull();
    expect(chapterSubject({ subject: 'zone' }, layer, undefined)).toBeNull();
  });

  it('reads every geometry type, nested rings and collections included', () => {
    const features: Feature[] = [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } },
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'GeometryCollection',
          geometries: [
            {
              type: 'MultiPolygon',
              coordinates: [
                [
                  [
                    [-3, 5],
                    [4, -1],
                    [0, 0],
                    [-3, 5],
                  ],
                ],
              ],
            },
          ],
        },
      },
      { type: 'Feature', properties: {}, geometry: null as never },
    ];
    expect(boundsOf(features)).toEqual([-3, -1, 4, 5]);
    expect(boundsOf([])).toBeNull();
  });

  it('finds a subject for every chapter of the real story that shows the zone or highlights', () => {
    const r = validateStory(JSON.parse(readFileSync('geodata/story.json', 'utf8')));
    if (!r.ok) throw new Error('invalid story');
    const files: Record<string, string> = {
      roads: 'roads.geojson',
      greenery: 'greenery.geojson',
      industry: 'industrial-parks.geojson',
    };
    const read = (f: string): FeatureCollection => JSON.parse(readFileSync(`geodata/${f}`, 'utf8'));
    const realZone = read('boundary.geojson');
    const zoneBox = boundsOf(realZone.features)!;
    for (const ch of r.story.chapters) {
      if (!ch.subject && !ch.highlight) continue;
      const b = chapterSubject(ch, (id) => (files[id] ? read(files[id]) : undefined), realZone);
      expect(b, ch.id).not.toBeNull();
      // Every subject lies in or near the zone (a wrong layer or property would not).
      expect(b![0], ch.id).toBeGreaterThan(zoneBox[0] - 0.05);
      expect(b![2], ch.id).toBeLessThan(zoneBox[2] + 0.05);
    }
  });
});
