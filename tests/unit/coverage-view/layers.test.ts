/**
 * The coverage view's map layers, checked against MapLibre's own style specification (a bad
 * expression fails here, not as a blank layer in the browser), and the roads-by-walk-time colours
 * evaluated with MapLibre's expression engine.
 */
import { describe, expect, it } from 'vitest';
import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import {
  COVERAGE_SOURCES,
  coverageGroups,
  coverageLayerSpecs,
  LATE_LAYER_IDS,
  roadColor,
  roadTimeColor,
} from '../../../src/map/coverage-layers';
import { dictionaries } from '../../../src/i18n';

function styleWith(bands: number[]): StyleSpecification {
  const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
  return {
    version: 8,
    sources: Object.fromEntries(Object.values(COVERAGE_SOURCES).map((id) => [id, empty])),
    layers: coverageLayerSpecs(bands).map((l) => l.spec),
  };
}

function colourOf(bands: number[], minutes: number | null): string {
  const parsed = createExpression(roadTimeColor(bands), {
    type: 'color',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
  } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const c = parsed.value.evaluate({ zoom: 14 }, {
    type: 2,
    properties: { minutes },
    geometry: [],
  } as never) as {
    toString(): string;
  };
  return c.toString();
}

describe('coverage map layers', () => {
  for (const bands of [
    [5, 10, 15],
    [3, 8],
    [2, 4, 6, 30],
  ]) {
    it(`validate against the MapLibre style spec (bands ${bands.join(', ')})`, () => {
      expect(validateStyleMin(styleWith(bands))).toEqual([]);
    });
  }

  it('every layer a group toggles exists, and every legend row has both languages', () => {
    const { zh, en } = dictionaries();
    const bands = [5, 10, 15];
    const ids = new Set([...coverageLayerSpecs(bands).map((l) => l.spec.id), ...LATE_LAYER_IDS]);
    for (const g of coverageGroups(bands)) {
      expect(
        g.layerIds.filter((id) => !ids.has(id)),
        g.id,
      ).toEqual([]);
      for (const row of [{ key: g.labelKey }, ...g.legend]) {
        expect(zh[row.key], row.key).toBeTruthy();
        expect(en[row.key], row.key).toBeTruthy();
      }
    }
  });

  it('the legend names each band by its own minutes', () => {
    const { en } = dictionaries();
    const legend = coverageGroups([4, 12, 20])[0].legend.map((r) => en[r.key]);
    expect(legend).toHaveLength(3);
    legend.forEach((text, i) => expect(text).toContain(String([4, 12, 20][i])));
  });

  it('colours a road by the band its whole minutes fall in, and beyond the largest band apart', () => {
    const bands = [5, 10, 15];
    const within5 = colourOf(bands, 5);
    expect(colourOf(bands, 1)).toBe(within5);
    expect(colourOf(bands, 6)).not.toBe(within5);
    expect(colourOf(bands, 6)).toBe(colourOf(bands, 10));
    expect(colourOf(bands, 11)).toBe(colourOf(bands, 15));
    expect(colourOf(bands, 11)).not.toBe(colourOf(bands, 10));
    const beyond = colourOf(bands, null);
    for (const m of [1, 6, 11]) expect(colourOf(bands, m)).not.toBe(beyond);
    expect(new Set([roadColor(0), roadColor(1), roadColor(2)]).size).toBe(3);
  });
});
