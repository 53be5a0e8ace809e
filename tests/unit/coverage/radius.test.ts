import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STANDARD,
  parseStandard,
  radiusBuffers,
  serviceRadius,
} from '../../../src/core/coverage/radius';
import { green } from '../../fixtures/coverage/build';
import area from '@turf/area';
import { readFileSync } from 'node:fs';

describe('service-radius standard', () => {
  it('tiers green spaces by size: ≥ 5000 m² → 500 m, 1000–5000 → 300 m, smaller → none', () => {
    expect(serviceRadius(DEFAULT_STANDARD, 5000)).toBe(500);
    expect(serviceRadius(DEFAULT_STANDARD, 4999)).toBe(300);
    expect(serviceRadius(DEFAULT_STANDARD, 1000)).toBe(300);
    expect(serviceRadius(DEFAULT_STANDARD, 999)).toBe(0);
  });

  it('reads tiers and targets through the standards contract, and falls back on a file that breaks it', () => {
    const json = JSON.parse(
      readFileSync(new URL('../../../geodata/standards.json', import.meta.url), 'utf8'),
    );
    json.service_radii = [
      {
        ...json.service_radii[0],
        min_area_m2: 10000,
        max_area_m2: undefined,
        radius_m: 800,
        source: 'test A',
      },
      { ...json.service_radii[0], min_area_m2: 400, max_area_m2: 10000, radius_m: 200, source: 'test B' },
    ];
    json.coverage_thresholds = [{ ...json.coverage_thresholds[0], rate: 0.85, source: 'test C' }];
    const std = parseStandard(json);
    expect([399, 400, 9999, 20000].map((a) => serviceRadius(std, a))).toEqual([0, 200, 200, 800]);
    expect(std.targets).toEqual([{ rate: 0.85, source: 'test C' }]);
    expect(parseStandard(undefined)).toBe(DEFAULT_STANDARD);
    expect(parseStandard({ nothing: 'here' })).toBe(DEFAULT_STANDARD);
    // A percentage where the contract wants a share is refused, not guessed at.
    json.coverage_thresholds[0].rate = 85;
    expect(parseStandard(json)).toBe(DEFAULT_STANDARD);
  });

  it('reads the bundled geodata/standards.json: 500 m from 5000 m², 300 m from 1000 m², targets 80% and 90%', () => {
    const json = JSON.parse(
      readFileSync(new URL('../../../geodata/standards.json', import.meta.url), 'utf8'),
    );
    const std = parseStandard(json);
    expect([999, 1000, 4999, 5000, 1e6].map((a) => serviceRadius(std, a))).toEqual([0, 300, 300, 500, 500]);
    expect(std.targets.map((t) => t.rate)).toEqual([0.8, 0.9]);
    expect(std.tiers.every((t) => t.source.length > 0)).toBe(true);
  });

  it('honours an upper area bound on a tier', () => {
    const json = JSON.parse(
      readFileSync(new URL('../../../geodata/standards.json', import.meta.url), 'utf8'),
    );
    json.service_radii = [{ ...json.service_radii[0], min_area_m2: 4000, max_area_m2: 10000, radius_m: 300 }];
    const std = parseStandard(json);
    expect([3999, 4000, 9999, 10000].map((a) => serviceRadius(std, a))).toEqual([0, 300, 300, 0]);
  });

  it('buffers each counted green space by its radius (area close to the ideal rounded rectangle)', () => {
    const big = green('big', 0, 0, 100, 100); // 10,000 m² → 500 m
    const tiny = green('tiny', 500, 500, 520, 520); // 400 m² → not counted
    const fc = radiusBuffers(DEFAULT_STANDARD, [big, tiny] as never);
    expect(fc.features.map((f) => [f.properties.id, f.properties.radius_m])).toEqual([['big', 500]]);
    const ideal = 100 * 100 + 4 * 100 * 500 + Math.PI * 500 * 500;
    expect(Math.abs(area(fc.features[0]) - ideal) / ideal).toBeLessThan(0.02);
  });
});
