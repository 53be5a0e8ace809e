/**
 * The planar helpers of the road build (scripts/geodata/roads/planar.ts): line fit, side-road
 * offsets, segment intersection with slack, nearest point. Expected values come from geometry
 * worked out by hand (distances via Turf, independent of the helpers' projection).
 */
import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { fitLine, nearestOnLine, offsetLine, segmentHit } from '../../../scripts/geodata/roads/planar';

const m = (a: number[], b: number[]) => distance(a, b, { units: 'meters' });

describe('fitLine', () => {
  it('runs a north-south line through noisy crossings between the first and last point', () => {
    const pts = [
      [113.5344, 34.78],
      [113.5356, 34.79],
      [113.5356, 34.8],
      [113.5344, 34.81],
    ];
    const [a, b] = fitLine(pts);
    // The noise is mirror-symmetric about 34.795 and averages 113.535: the best line is that meridian.
    expect(a[0]).toBeCloseTo(113.535, 4);
    expect(b[0]).toBeCloseTo(113.535, 4);
    expect(a[1]).toBeCloseTo(34.78, 4);
    expect(b[1]).toBeCloseTo(34.81, 4);
  });

  it('follows the order of the points (direction and extent)', () => {
    const [a, b] = fitLine([
      [113.56, 34.81],
      [113.55, 34.81],
    ]);
    expect(a[0]).toBeGreaterThan(b[0]);
  });
});

describe('offsetLine', () => {
  it('puts a side road the given distance to the right of the direction of travel', () => {
    const main = [
      [113.52, 34.77],
      [113.521, 34.8],
      [113.522, 34.83],
    ];
    const east = offsetLine(main, 35);
    const west = offsetLine(main, -35);
    for (let i = 0; i < main.length; i++) {
      expect(east[i][0]).toBeGreaterThan(main[i][0]);
      expect(west[i][0]).toBeLessThan(main[i][0]);
      // Perpendicular distance at each vertex: 35 m within a few centimetres.
      expect(nearestOnLine(main, east[i]).dist).toBeCloseTo(35, 1);
      expect(m(nearestOnLine(main, west[i]).at, west[i])).toBeCloseTo(35, 0);
    }
  });
});

describe('segmentHit', () => {
  const ns = [
    [113.54, 34.8],
    [113.54, 34.82],
  ];
  it('finds a crossing and its position along both segments', () => {
    const hit = segmentHit([113.53, 34.81], [113.55, 34.81], ns[0], ns[1]);
    expect(hit).not.toBeNull();
    expect(hit!.t).toBeCloseTo(0.5, 6);
    expect(hit!.u).toBeCloseTo(0.5, 6);
    expect(m(hit!.at, [113.54, 34.81])).toBeLessThan(0.01);
  });

  it('misses a segment that stops short, unless the slack covers the gap', () => {
    // Ends 0.5 m west of the north-south line (0.5 m ≈ 5.5e-6° of longitude here).
    const short: [number[], number[]] = [
      [113.53, 34.81],
      [113.54 - 5.5e-6, 34.81],
    ];
    expect(segmentHit(short[0], short[1], ns[0], ns[1])).toBeNull();
    expect(segmentHit(short[0], short[1], ns[0], ns[1], 1)).not.toBeNull();
  });

  it('returns null for parallel segments', () => {
    expect(segmentHit([113.541, 34.8], [113.541, 34.82], ns[0], ns[1], 5)).toBeNull();
  });
});
