import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  geodataFigures,
  coverageFigures,
  greenShareOfBuiltUp,
  isPlanRoad,
} from '../../../src/core/story/geodata-figures';

type P = Record<string, unknown>;
const fc = (features: Feature<Geometry, P>[]): FeatureCollection<Geometry, P> => ({
  type: 'FeatureCollection',
  features,
});
const line = (coords: [number, number][], properties: P): Feature<Geometry, P> => ({
  type: 'Feature',
  properties,
  geometry: { type: 'LineString', coordinates: coords },
});
/** A square of `d` degrees with its south-west corner at (lng, lat). */
const square = (lng: number, lat: number, d: number, properties: P): Feature<Geometry, P> => ({
  type: 'Feature',
  properties,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + d, lat],
        [lng + d, lat + d],
        [lng, lat + d],
        [lng, lat],
      ],
    ],
  },
});

// One degree of latitude on Turf's sphere (R = 6,371,008.8 m): 2πR/360 = 111.195 km.
const KM_PER_DEG_LAT = (2 * Math.PI * 6371.0088) / 360;

describe('geodataFigures', () => {
  const roads = fc([
    line(
      [
        [113.535, 34.766],
        [113.535, 34.783],
      ],
      { status: 'planned', plan: '长椿路南延' },
    ),
    line(
      [
        [113.548, 34.766],
        [113.548, 34.776],
      ],
      { status: 'planned', plan: '雪松路南延' },
    ),
    line(
      [
        [113.548, 34.776],
        [113.548, 34.783],
      ],
      { status: 'planned', plan: '雪松路南延' },
    ),
    line(
      [
        [113.54, 34.8],
        [113.54, 34.81],
      ],
      { status: 'existing', plan: '翠竹街' },
    ),
    line(
      [
        [113.54, 34.8],
        [113.55, 34.8],
      ],
      { status: 'existing' },
    ),
  ]);

  it('sums the length of the plan’s unbuilt road features only', () => {
    const f = geodataFigures({ roads });
    // Three planned north–south pieces: 0.017° + 0.010° + 0.007° of latitude.
    expect(f.planned_road_km).toBeCloseTo(0.034 * KM_PER_DEG_LAT, 3);
    expect(f.planned_road_projects).toBe(2);
  });

  it('counts green added by the plan and how much of it is a guess', () => {
    const greenery = fc([
      square(113.5, 34.8, 0.01, { status: 'existing' }),
      square(113.52, 34.8, 0.01, { status: 'planned', illustrative: true, confidence: 'low' }),
      square(113.54, 34.8, 0.01, { status: 'under_construction', illustrative: true, confidence: 'medium' }),
    ]);
    const f = geodataFigures({ greenery });
    // Two 0.01° squares near 34.8° N: about 1.112 km × 0.914 km each.
    const one =
      0.01 * KM_PER_DEG_LAT * 1000 * 0.01 * KM_PER_DEG_LAT * 1000 * Math.cos((34.805 * Math.PI) / 180);
    expect(f.green_added_m2! / (2 * one)).toBeCloseTo(1, 2);
    expect(f.green_added_illustrative_pct).toBeCloseTo(100, 1);
    // Low confidence (course and width guessed) is the planned square only.
    expect(f.green_added_low_m2! / one).toBeCloseTo(1, 2);
    expect(f.green_added_low_pct).toBeCloseTo(50, 1);
  });

  it('gives green share of built-up land per scenario', () => {
    const data = {
      greenery: fc([
        square(113.5, 34.8, 0.01, { status: 'existing' }),
        square(113.52, 34.8, 0.01, { status: 'planned' }),
      ]),
      residential: fc([
        square(113.5, 34.82, 0.01, { status: 'existing' }),
        square(113.52, 34.82, 0.01, { status: 'existing' }),
      ]),
      industrial: fc([square(113.54, 34.82, 0.01, { status: 'existing' })]),
    };
    // 2014: 1 green of 4 equal squares (1 green + 2 residential + 1 industrial); plan: 2 of 5.
    expect(greenShareOfBuiltUp(data, false)).toBeCloseTo(25, 0);
    expect(greenShareOfBuiltUp(data, true)).toBeCloseTo(40, 0);
    const f = geodataFigures(data);
    expect(f.green_share_2015_pct!).toBeGreaterThan(f.green_share_2014_pct!);
  });

  it('marks figures of missing layers unavailable instead of zero', () => {
    const f = geodataFigures({});
    expect(f.planned_road_km).toBeNull();
    expect(f.green_added_m2).toBeNull();
    expect(f.green_share_2015_pct).toBeNull();
  });

  it('does not count a polygon or an existing road as a plan road', () => {
    expect(isPlanRoad(square(113.5, 34.8, 0.01, { status: 'planned', plan: 'x' }))).toBe(false);
    expect(
      isPlanRoad(
        line(
          [
            [113.5, 34.8],
            [113.51, 34.8],
          ],
          { status: 'existing', plan: 'x' },
        ),
      ),
    ).toBe(false);
    expect(
      isPlanRoad(
        line(
          [
            [113.5, 34.8],
            [113.51, 34.8],
          ],
          { status: 'under_construction', plan: 'x' },
        ),
      ),
    ).toBe(true);
  });
});

describe('coverageFigures', () => {
  it('turns population counts into shares and a gain in points', () => {
    const f = coverageFigures({
      covered2014: 300_000,
      covered2015: 450_000,
      population: 600_000,
      newlyCovered: 160_000,
    });
    expect(f.coverage_2014_pct).toBeCloseTo(50, 9);
    expect(f.coverage_2015_pct).toBeCloseTo(75, 9);
    expect(f.coverage_gain_pct).toBeCloseTo(25, 9);
    expect(f.people_newly_covered).toBe(160_000);
  });

  it('has no shares without population', () => {
    expect(
      coverageFigures({ covered2014: 0, covered2015: 0, population: 0, newlyCovered: 0 }).coverage_gain_pct,
    ).toBeNull();
  });
});
