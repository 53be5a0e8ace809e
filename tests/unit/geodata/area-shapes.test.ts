/**
 * The shape builders behind the area layers, on tiny hand-made road sets whose answers can be
 * worked out on paper: a road's position across its axis, road-bounded quads with set-back edges,
 * and greenway strips.
 */
import area from '@turf/area';
import booleanValid from '@turf/boolean-valid';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { crossAt, type Line, type RoadIndex } from '../../../scripts/geodata/areas/road-index';
import { metresPerDegree, quadRing, signedArea, stripRing } from '../../../scripts/geodata/areas/shapes';

const LAT = 34.8;
const m = metresPerDegree(LAT);
/** A point `dx` metres east and `dy` metres north of (113.5, 34.8). */
const at = (dx: number, dy: number): Position => [113.5 + dx / m.lng, LAT + dy / m.lat];

function index(roads: Record<string, Line[]>): RoadIndex {
  return {
    lines: (name) => {
      if (!roads[name]) throw new Error(`no ${name}`);
      return roads[name];
    },
    origin: () => 'layer',
  };
}

// Two north-south roads 1,000 m apart and two east-west roads 600 m apart, all 2 km long.
const grid = index({
  west: [[at(0, -1000), at(0, 1000)]],
  east: [[at(1000, -1000), at(1000, 1000)]],
  south: [[at(-1000, 0), at(2000, 0)]],
  north: [[at(-1000, 600), at(2000, 600)]],
  dual: [
    [at(500, -1000), at(500, 1000)],
    [at(540, -1000), at(540, 1000)],
  ],
});
const polygon = (ring: Position[]) => ({
  type: 'Feature' as const,
  properties: {},
  geometry: { type: 'Polygon' as const, coordinates: [ring] },
});

describe('crossAt', () => {
  it('averages both carriageways of a road and holds its end beyond the drawn extent', () => {
    const dual = grid.lines('dual');
    expect((crossAt(dual, 1, LAT) - 113.5) * m.lng).toBeCloseTo(520, 3);
    const west = grid.lines('west');
    expect(crossAt(west, 1, LAT + 5000 / m.lat)).toBeCloseTo(113.5, 9);
  });
});

describe('quadRing', () => {
  it('sets each edge back 15 m from its road, closed and counter-clockwise', () => {
    const ring = quadRing({ w: 'west', e: 'east', s: 'south', n: 'north' }, grid);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(signedArea(ring)).toBeGreaterThan(0);
    expect(booleanValid(polygon(ring))).toBe(true);
    // (1000 - 2 x 15) x (600 - 2 x 15) m
    expect(area(polygon(ring)) / (970 * 570)).toBeCloseTo(1, 2);
    const xs = ring.map((p) => (p[0] - 113.5) * m.lng);
    expect(Math.min(...xs)).toBeCloseTo(15, 0);
    expect(Math.max(...xs)).toBeCloseTo(985, 0);
  });

  it('honours offsets, own setbacks and fixed sides', () => {
    const ring = quadRing(
      {
        w: { road: 'west', offset_m: 100, setback_m: 0 },
        e: { lng: at(400, 0)[0] },
        s: { road: 'south', setback_m: 50 },
        n: { lat: at(0, 300)[1] },
      },
      grid,
    );
    // (400 - 100) x (300 - 50) m
    expect(area(polygon(ring)) / (300 * 250)).toBeCloseTo(1, 2);
  });

  it('refuses a quad whose sides are swapped', () => {
    expect(() => quadRing({ w: 'east', e: 'west', s: 'south', n: 'north' }, grid)).toThrow(/inside out/);
  });
});

describe('stripRing', () => {
  it('draws a band between near and far offsets on the chosen side', () => {
    const line = [at(0, 0), at(0, 500), at(0, 1000)];
    const left = stripRing(line, 20, 50, 1);
    const right = stripRing(line, 20, 50, -1);
    expect(area(polygon(left)) / (1000 * 30)).toBeCloseTo(1, 2);
    expect(booleanValid(polygon(left))).toBe(true);
    // Walking north, left is west: the left band lies at negative x, the right one at positive x.
    expect(Math.max(...left.map((p) => p[0]))).toBeLessThan(113.5);
    expect(Math.min(...right.map((p) => p[0]))).toBeGreaterThan(113.5);
  });
});
