import { describe, expect, it } from 'vitest';
import { createExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import { atLeast } from '../../../src/map/present-labels';

const spec = latest.layout_symbol['text-size'];
const sizeAt = (expr: unknown, zoom: number, properties: Record<string, unknown> = {}) => {
  const e = createExpression(expr, spec as never);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  return e.value.evaluate({ zoom }, { type: 'Point', properties } as never) as number;
};

describe('presentation labels at least a minimum size', () => {
  it('raises a constant, keeps a larger one', () => {
    expect(atLeast(12, 20)).toBe(20);
    expect(atLeast(24, 20)).toBe(24);
  });

  it('raises a zoom curve stop by stop, so MapLibre still accepts it', () => {
    const curve = ['interpolate', ['linear'], ['zoom'], 13, 11, 17, 24];
    const raised = atLeast(curve, 20);
    for (const z of [10, 13, 15, 17, 19]) expect(sizeAt(raised, z)).toBeGreaterThanOrEqual(20);
    expect(sizeAt(raised, 17)).toBe(24);
    const step = ['step', ['zoom'], 10, 14, 30];
    expect(sizeAt(atLeast(step, 20), 12)).toBe(20);
    expect(sizeAt(atLeast(step, 20), 15)).toBe(30);
  });

  it('wraps a data expression in max', () => {
    const data = ['get', 'size'];
    expect(sizeAt(atLeast(data, 20), 12, { size: 8 })).toBe(20);
    expect(sizeAt(atLeast(data, 20), 12, { size: 28 })).toBe(28);
  });
});
