/**
 * Placing a green space from an address such as "A路与B街交叉口西南角": where two drawn roads meet,
 * a square of the published area in the named corner, and a clear reason where they do not meet.
 */
import area from '@turf/area';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  CORNER_SETBACK_M,
  DEFAULT_SIDE_M,
  MAX_GAP_M,
  cornerQuad,
  crossing,
} from '../../../scripts/geodata/areas/corner-place';
import type { Line, RoadIndex } from '../../../scripts/geodata/areas/road-index';
import { metresPerDegree, quadRing } from '../../../scripts/geodata/areas/shapes';

const LAT = 34.8;
const m = metresPerDegree(LAT);
/** A point `dx` metres east and `dy` metres north of (113.5, 34.8). */
const at = (dx: number, dy: number): Position => [113.5 + dx / m.lng, LAT + dy / m.lat];
const metresFrom = (p: Position) => [(p[0] - 113.5) * m.lng, (p[1] - LAT) * m.lat];

function index(roads: Record<string, Line[]>, fallback: string[] = []): RoadIndex {
  return {
    lines: (name) => {
      if (!roads[name]) throw new Error(`no ${name}`);
      return roads[name];
    },
    origin: (name) => (fallback.includes(name) ? 'fallback' : 'layer'),
  };
}

const ns: Line[] = [[at(0, -500), at(0, 500)]];
const ew: Line[] = [[at(-500, 0), at(500, 0)]];

describe('crossing', () => {
  it('is where two centre lines cross', () => {
    const [x, y] = metresFrom(crossing(ns, ew) as Position);
    expect(x).toBeCloseTo(0, 3);
    expect(y).toBeCloseTo(0, 3);
  });

  it('takes the middle of a dual carriageway', () => {
    const dual: Line[] = [...ns, [at(40, -500), at(40, 500)]];
    const [x] = metresFrom(crossing(dual, ew) as Position);
    expect(x).toBeCloseTo(20, 3);
  });

  it('joins a road drawn a little short of the road it ends at, and no farther', () => {
    const short: Line[] = [[at(-500, 0), at(-40, 0)]];
    const [x, y] = metresFrom(crossing(ns, short) as Position);
    expect(x).toBeCloseTo(-20, 1);
    expect(y).toBeCloseTo(0, 3);
    const far: Line[] = [[at(-500, 0), at(-(MAX_GAP_M + 20), 0)]];
    expect(crossing(ns, far)).toBeNull();
  });
});

describe('cornerQuad', () => {
  const roads = index({ A: ns, B: ew, F: ew }, ['F']);

  it('draws the published area in the named corner, set back from both roads', () => {
    const placed = cornerQuad({ roads: ['A', 'B'], corner: 'sw' }, roads, 12000);
    if ('reason' in placed) throw new Error(placed.reason);
    const ring = quadRing(placed.quad, roads);
    const a = area({ type: 'Polygon', coordinates: [ring] });
    expect(a / 12000).toBeCloseTo(1, 2);
    const xs = ring.map((p) => metresFrom(p)[0]);
    const ys = ring.map((p) => metresFrom(p)[1]);
    expect(Math.max(...xs)).toBeCloseTo(-CORNER_SETBACK_M, 1);
    expect(Math.max(...ys)).toBeCloseTo(-CORNER_SETBACK_M, 1);
  });

  it('uses a typical 游园 size where no area is published', () => {
    const placed = cornerQuad({ roads: ['A', 'B'], corner: 'ne' }, roads);
    if ('reason' in placed) throw new Error(placed.reason);
    const ring = quadRing(placed.quad, roads);
    const xs = ring.map((p) => metresFrom(p)[0]);
    expect(Math.min(...xs)).toBeCloseTo(CORNER_SETBACK_M, 1);
    expect(Math.max(...xs)).toBeCloseTo(CORNER_SETBACK_M + DEFAULT_SIDE_M, 1);
  });

  it('says which roads are missing, and counts a fallback guess as missing', () => {
    const missing = cornerQuad({ roads: ['A', 'X'], corner: 'se' }, roads);
    expect(missing).toEqual({ reason: 'X not in roads.geojson' });
    const guessed = cornerQuad({ roads: ['F', 'A'], corner: 'se' }, roads);
    expect(guessed).toEqual({ reason: 'F not in roads.geojson' });
  });

  it('says so where both roads are drawn but do not meet', () => {
    const apart = index({ A: ns, C: [[at(300, 600), at(900, 600)]] });
    expect(cornerQuad({ roads: ['A', 'C'], corner: 'nw' }, apart)).toEqual({
      reason: 'A and C do not meet as roads.geojson draws them',
    });
  });
});
