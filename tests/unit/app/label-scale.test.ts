import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { applyLabelScale } from '../../../src/map/label-scale';

interface Layer {
  id: string;
  type: string;
  layout: Record<string, unknown>;
  paint: Record<string, unknown>;
}

/** Just the map calls label-scale makes: the style's layers, their properties, 'styledata'. */
function fakeMap(layers: Layer[]) {
  const handlers: (() => void)[] = [];
  const byId = (id: string) => layers.find((l) => l.id === id);
  const map = {
    getLayersOrder: () => layers.map((l) => l.id),
    getLayer: byId,
    getLayoutProperty: (id: string, p: string) => byId(id)!.layout[p],
    getPaintProperty: (id: string, p: string) => byId(id)!.paint[p],
    setLayoutProperty: (id: string, p: string, v: unknown) => void (byId(id)!.layout[p] = v),
    setPaintProperty: (id: string, p: string, v: unknown) => void (byId(id)!.paint[p] = v),
    on: (_: string, h: () => void) => void handlers.push(h),
  };
  return { map: map as unknown as MapLibreMap, styleChanged: () => handlers.forEach((h) => h()), layers };
}

describe('map labels scaled with the interface on big screens', () => {
  it('scales text, halos, circle radii and rings, also of layers added later, and restores them at 1', () => {
    const { map, styleChanged, layers } = fakeMap([
      {
        id: 'label',
        type: 'symbol',
        layout: { 'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 16, 15] },
        paint: { 'text-halo-width': 1.5 },
      },
      { id: 'fill', type: 'fill', layout: {}, paint: { 'fill-opacity': 0.5 } },
    ]);
    applyLabelScale(map, 2);
    expect(layers[0].layout['text-size']).toEqual(['interpolate', ['linear'], ['zoom'], 10, 22, 16, 30]);
    expect(layers[0].paint['text-halo-width']).toBe(3);
    expect(layers[1].paint['fill-opacity']).toBe(0.5);
    // A feature adds its layer on first use (the gap ranks): scaled at the next style change.
    layers.push({
      id: 'badge',
      type: 'circle',
      layout: {},
      paint: { 'circle-radius': 11, 'circle-stroke-width': 2 },
    });
    styleChanged();
    expect(layers[2].paint).toEqual({ 'circle-radius': 22, 'circle-stroke-width': 4 });
    // Scaling again starts from the style's values, not from the scaled ones.
    applyLabelScale(map, 1.5);
    expect(layers[2].paint['circle-radius']).toBe(16.5);
    applyLabelScale(map, 1);
    expect(layers[0].layout['text-size']).toEqual(['interpolate', ['linear'], ['zoom'], 10, 11, 16, 15]);
    expect(layers[0].paint['text-halo-width']).toBe(1.5);
    expect(layers[2].paint).toEqual({ 'circle-radius': 11, 'circle-stroke-width': 2 });
  });

  it('does not take a size raised while presenting (k = 1) as the style value', () => {
    const { map, styleChanged, layers } = fakeMap([]);
    applyLabelScale(map, 1);
    // Added during the presentation, which raises it to 30 for the back of the room …
    layers.push({ id: 'late', type: 'symbol', layout: { 'text-size': 30 }, paint: {} });
    styleChanged();
    // … and puts back its 12 when it ends; then the big screen's scale applies to 12.
    layers[0].layout['text-size'] = 12;
    applyLabelScale(map, 2);
    styleChanged();
    expect(layers[0].layout['text-size']).toBe(24);
  });
});
