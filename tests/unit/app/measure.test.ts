import { describe, expect, it } from 'vitest';
import { areaM2, formatArea, formatLength, lengthM } from '../../../src/core/geo/measure';
import type { Feature } from 'geojson';

describe('lengths and areas for the details panel', () => {
  it('measures a line of one minute of latitude (~1852 m)', () => {
    const f: Feature = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [113.5, 34.8],
          [113.5, 34.8 + 1 / 60],
        ],
      },
    };
    expect(lengthM(f)).toBeGreaterThan(1840);
    expect(lengthM(f)).toBeLessThan(1860);
    expect(areaM2(f)).toBe(0);
  });

  it('measures a ~100 m square to within 1%', () => {
    const dLat = 100 / 111_320;
    const dLng = 100 / (111_320 * Math.cos((34.8 * Math.PI) / 180));
    const f: Feature = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [113.5, 34.8],
            [113.5 + dLng, 34.8],
            [113.5 + dLng, 34.8 + dLat],
            [113.5, 34.8 + dLat],
            [113.5, 34.8],
          ],
        ],
      },
    };
    expect(areaM2(f)).toBeGreaterThan(9900);
    expect(areaM2(f)).toBeLessThan(10100);
  });

  it('formats', () => {
    expect(formatLength(850.4)).toBe('850 m');
    expect(formatLength(1234)).toBe('1.23 km');
    expect(formatArea(500)).toBe('500 m²');
    expect(formatArea(234_000)).toBe('23.4 ha');
    expect(formatArea(1_720_000)).toBe('1.72 km²');
  });

  it('formats with Chinese unit words', () => {
    expect(formatLength(850.4, 'zh')).toBe('850 米');
    expect(formatLength(12_345, 'zh')).toBe('12.3 公里');
    expect(formatArea(234_000, 'zh')).toBe('23.4 公顷');
    expect(formatArea(1_720_000, 'zh')).toBe('1.72 平方公里');
  });
});
