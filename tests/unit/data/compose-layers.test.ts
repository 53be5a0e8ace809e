import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import {
  chunkByPositions,
  composeLayer,
  markGrowth,
  pushLayer,
  PUSH_POSITIONS,
  type LayerSource,
} from '../../../src/state/compose-layers';

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

describe('pushLayer', () => {
  const line = (id: string, n: number): Feature => ({
    type: 'Feature',
    properties: { id },
    geometry: {
      type: 'LineString',
      coordinates: Array.from({ length: n }, (_, i) => [113.5 + i * 1e-5, 34.8]),
    },
  });

  function fakeSource() {
    const calls: string[] = [];
    let release: (() => void) | null = null;
    const src: LayerSource & { calls: string[]; release: () => void; holdNext: boolean } = {
      calls,
      holdNext: false,
      setData: (d) => void calls.push(`set ${d.features.length}`),
      updateData: (diff) => {
        calls.push(`add ${diff.add.map((x) => x.properties?.id).join(',')}`);
        if (!src.holdNext) return Promise.resolve();
        return new Promise<void>((r) => (release = r));
      },
      release: () => release?.(),
    };
    return src;
  }

  it('splits added features into pieces of bounded size, a big feature alone', () => {
    const pieces = chunkByPositions([line('a', 6), line('b', 6), line('c', 25), line('d', 3)], 12);
    expect(pieces.map((p) => p.map((x) => x.properties?.id))).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('sends only the added features, in pieces, when a layer grew from what the map shows', async () => {
    const added = Array.from({ length: 5 }, (_, i) => line(`i${i}`, PUSH_POSITIONS / 2));
    const next = composeLayer(bundled, [{ layer: 'greenery', mode: 'add', features: added }], 'greenery');
    markGrowth(next, bundled, added);
    const src = fakeSource();
    await pushLayer(src, bundled, next);
    expect(src.calls).toEqual(['add i0,i1', 'add i2,i3', 'add i4']);
  });

  it('sends the whole layer when it did not grow from what the map shows', async () => {
    const added = [line('i0', 3)];
    const next = composeLayer(bundled, [{ layer: 'greenery', mode: 'add', features: added }], 'greenery');
    markGrowth(next, bundled, added);
    const other: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const src = fakeSource();
    await pushLayer(src, other, next);
    const plain = composeLayer(bundled, [], 'greenery');
    await pushLayer(src, bundled, plain);
    expect(src.calls).toEqual(['set 3', 'set 2']);
  });

  it('stops sending pieces of an older push once a newer one starts', async () => {
    const added = Array.from({ length: 3 }, (_, i) => line(`i${i}`, PUSH_POSITIONS));
    const next = composeLayer(bundled, [{ layer: 'greenery', mode: 'add', features: added }], 'greenery');
    markGrowth(next, bundled, added);
    const src = fakeSource();
    src.holdNext = true;
    const first = pushLayer(src, bundled, next);
    src.holdNext = false;
    await pushLayer(src, next, bundled);
    src.release();
    await first;
    expect(src.calls).toEqual(['add i0', 'set 2']);
  });
});
