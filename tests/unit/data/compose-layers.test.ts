import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { composeLayer } from '../../../src/state/compose-layers';

const f = (id: string): Feature => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Point', coordinates: [0, 0] },
});
const ids = (fc: FeatureCollection) => fc.features.map((x) => x.properties?.id);
const bundled: FeatureCollection = { type: 'FeatureCollection', features: [f('b1'), f('b2')] };

describe('composeLayer', () => {
  it('adds, replaces and ignores other layers, in import order', () => {
    expect(
      ids(composeLayer(bundled, [{ layer: 'greenery', mode: 'add', features: [f('i1')] }], 'greenery')),
    ).toEqual(['b1', 'b2', 'i1']);
    expect(
      ids(composeLayer(bundled, [{ layer: 'greenery', mode: 'replace', features: [f('i1')] }], 'greenery')),
    ).toEqual(['i1']);
    expect(
      ids(
        composeLayer(
          bundled,
          [
            { layer: 'greenery', mode: 'add', features: [f('i1')] },
            { layer: 'roads', mode: 'replace', features: [f('r1')] },
            { layer: 'greenery', mode: 'replace', features: [f('i2')] },
            { layer: 'greenery', mode: 'add', features: [f('i3')] },
          ],
          'greenery',
        ),
      ),
    ).toEqual(['i2', 'i3']);
  });

  it('returns a new collection and never mutates the bundled one', () => {
    const out = composeLayer(bundled, [], 'greenery');
    expect(out).not.toBe(bundled);
    expect(out.features).not.toBe(bundled.features);
    composeLayer(bundled, [{ layer: 'greenery', mode: 'add', features: [f('i1')] }], 'greenery');
    expect(ids(bundled)).toEqual(['b1', 'b2']);
  });
});
