/**
 * The map's style setters skip a value the layer already has (MapLibre would render a frame for it
 * anyway) and pass any other value through.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { setFilterValue, setLayoutValue, setPaintValue } from '../../../src/map/style-setters';

/** A stand-in for the map: one layer's layout, paint and filter, and the setter calls it received. */
function fakeMap() {
  const layout: Record<string, unknown> = { 'text-field': ['get', 'name_zh'], 'text-size': 14 };
  const paint: Record<string, unknown> = { 'text-halo-width': 1.5 };
  let filter: unknown = ['==', ['get', 'status'], 'existing'];
  const calls: string[] = [];
  const map = {
    getLayoutProperty: (_: string, n: string) => layout[n],
    getPaintProperty: (_: string, n: string) => paint[n],
    getFilter: () => filter,
    setLayoutProperty: (_: string, n: string, v: unknown) => {
      calls.push(`layout ${n}`);
      layout[n] = v;
    },
    setPaintProperty: (_: string, n: string, v: unknown) => {
      calls.push(`paint ${n}`);
      paint[n] = v;
    },
    setFilter: (_: string, f: unknown) => {
      calls.push('filter');
      filter = f;
    },
  };
  return {
    map: map as unknown as MapLibreMap,
    calls,
    layout,
    paint,
    get filter() {
      return filter;
    },
  };
}

describe('style setters', () => {
  it('leave a layer alone when it already has the value (an equal expression included)', () => {
    const f = fakeMap();
    setLayoutValue(f.map, 'l', 'text-field', ['get', 'name_zh']);
    setLayoutValue(f.map, 'l', 'text-size', 14);
    setPaintValue(f.map, 'l', 'text-halo-width', 1.5);
    setFilterValue(f.map, 'l', ['==', ['get', 'status'], 'existing']);
    expect(f.calls).toEqual([]);
  });

  it('set a value that differs', () => {
    const f = fakeMap();
    setLayoutValue(f.map, 'l', 'text-field', ['get', 'name_en']);
    setPaintValue(f.map, 'l', 'text-halo-width', 2);
    setFilterValue(f.map, 'l', ['==', ['get', 'status'], 'planned']);
    expect(f.calls).toEqual(['layout text-field', 'paint text-halo-width', 'filter']);
    expect(f.layout['text-field']).toEqual(['get', 'name_en']);
    expect(f.paint['text-halo-width']).toBe(2);
    expect(f.filter).toEqual(['==', ['get', 'status'], 'planned']);
  });
});
