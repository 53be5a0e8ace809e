import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import distance from '@turf/distance';
import { nearestWalkableRoadMetres } from '../../../src/core/find/road-distance';

// An east-west road along lat 34.80 (existing, walkable), a planned one along lat 34.81, and an
// expressway (not walkable) along lat 34.805.
const roads: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { walkable: true, status: 'existing' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [113.5, 34.8],
          [113.52, 34.8],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { walkable: true, status: 'planned' },
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [113.5, 34.81],
            [113.52, 34.81],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { walkable: false, status: 'existing', class: 'expressway' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [113.5, 34.805],
          [113.52, 34.805],
        ],
      },
    },
  ],
};

const metres = (a: [number, number], b: [number, number]) => distance(a, b, { units: 'kilometers' }) * 1000;

describe('nearestWalkableRoadMetres', () => {
  it('measures to the nearest walkable road of the scenario (Turf as the reference, 0.5%)', () => {
    const d2014 = nearestWalkableRoadMetres(roads, 113.51, 34.806, '2014');
    expect(Math.abs(d2014 / metres([113.51, 34.806], [113.51, 34.8]) - 1)).toBeLessThan(0.005);
    // The planned road counts in the 2015 plan only; the expressway never does.
    const d2015 = nearestWalkableRoadMetres(roads, 113.51, 34.806, '2015');
    expect(Math.abs(d2015 / metres([113.51, 34.806], [113.51, 34.81]) - 1)).toBeLessThan(0.005);
  });

  it('measures to a road end beyond the road', () => {
    const d = nearestWalkableRoadMetres(roads, 113.53, 34.8, '2014');
    expect(Math.abs(d / metres([113.53, 34.8], [113.52, 34.8]) - 1)).toBeLessThan(0.005);
  });

  it('is Infinity without walkable roads', () => {
    expect(
      nearestWalkableRoadMetres(
        { type: 'FeatureCollection', features: [roads.features[2]] },
        113.51,
        34.8,
        '2015',
      ),
    ).toBe(Infinity);
  });
});
