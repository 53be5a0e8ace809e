import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { countLayerPositions } from '../../../src/core/geo/positions';
import { simplifyForDisplay } from '../../../src/worker/display-simplify';

/** A circle of `n` positions (closed ring) with a radius of ~`metres` around the zone's centre. */
function circle(n: number, metres: number, dx = 0): Feature<Polygon> {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([113.55 + dx + (metres / 91_000) * Math.cos(a), 34.81 + (metres / 111_000) * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

describe('simplifyForDisplay', () => {
  it('leaves a layer under the budget untouched', async () => {
    const fs = [circle(100, 50)];
    const before = JSON.stringify(fs);
    const r = await simplifyForDisplay(fs, 1000);
    expect(r.metres).toBeUndefined();
    expect(r.kept).toBe(101);
    expect(JSON.stringify(fs)).toBe(before);
  });

  it('brings a dense layer under the budget with a tolerance of a few metres, keeping valid rings', async () => {
    const fs = Array.from({ length: 50 }, (_, i) => circle(2000, 80, i * 0.003));
    expect(countLayerPositions(fs)).toBe(50 * 2001);
    const r = await simplifyForDisplay(fs, 20_000);
    expect(r.kept).toBeLessThanOrEqual(20_000);
    expect(r.kept).toBe(countLayerPositions(fs));
    expect(r.metres).toBeGreaterThan(0);
    expect(r.metres).toBeLessThanOrEqual(10);
    for (const f of fs) {
      const ring = f.geometry.coordinates[0];
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });
});
