/**
 * The style's first view draws each layer type with one shader program (src/map/shared-programs.ts).
 * MapLibre picks a program by layer type (dashed lines and pattern fills have their own) and by how
 * each data-driven paint property is bound: a uniform (a constant, or a zoom curve evaluated per
 * frame), an attribute (a value per feature, and every dash pattern or fill pattern that varies) or
 * an attribute pair interpolated by zoom (per feature and zoom). The same rules are read here from
 * the style specification's own expression kinds.
 */
import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StylePropertySpecification } from 'maplibre-gl';
import { styleData } from './style-data';
import { buildStyle } from '../../../src/map/style';
import { dashes, lineWidth, perFeature, perZoom, SOLID } from '../../../src/map/shared-programs';

const data = styleData;

type Specs = Record<string, StylePropertySpecification & { 'property-type'?: string }>;
const paintSpecs = (type: string) => (latest as unknown as Record<string, Specs>)[`paint_${type}`];

/** How MapLibre binds one paint value: u (uniform), a (per feature) or z (per feature and zoom). */
function binding(value: unknown, spec: StylePropertySpecification & { 'property-type'?: string }): string {
  const crossFaded = spec['property-type']?.startsWith('cross-faded');
  if (value === undefined) return 'u';
  const r = createPropertyExpression(value, 'paint', spec);
  if (r.result === 'error') throw new Error(r.value.map((e) => e.message).join('; '));
  const kind = r.value.kind;
  if (kind === 'constant' || kind === 'camera') return 'u';
  if (kind === 'source' || crossFaded) return 'a';
  return 'z';
}

/** The program a layer draws with: its kind and the binding of every data-driven paint property. */
function program(layer: LayerSpecification): string {
  const paint = ('paint' in layer ? layer.paint : undefined) as Record<string, unknown> | undefined;
  const specs = paintSpecs(layer.type);
  let kind: string = layer.type;
  if (paint?.['line-dasharray'] !== undefined) kind = 'lineSDF';
  if (paint?.['fill-pattern'] !== undefined) kind = 'fillPattern';
  const bound = Object.entries(specs)
    .filter(([, s]) => /data-driven/.test(s['property-type'] ?? ''))
    .map(([p, s]) => {
      // An unset outline colour is the fill colour (MapLibre's fill layer).
      const v = p === 'fill-outline-color' ? (paint?.[p] ?? paint?.['fill-color']) : paint?.[p];
      return `${binding(v, s)}_${p}`;
    });
  return [kind, ...bound.sort()].join('/');
}

describe('shader programs of the first view', () => {
  it('draws each layer type with one program', () => {
    const layers = buildStyle(data, 'zh', 'http://127.0.0.1/').layers;
    const byType = new Map<string, Set<string>>();
    for (const l of layers) {
      const p = program(l);
      const kind = p.split('/')[0];
      byType.set(kind, (byType.get(kind) ?? new Set()).add(p));
    }
    const several = [...byType].filter(([, programs]) => programs.size > 1);
    expect(several).toEqual([]);
    // Background, plain fills, pattern fills, (dashed) lines, circles, labels.
    expect([...byType.keys()].sort()).toEqual([
      'background',
      'circle',
      'fill',
      'fillPattern',
      'lineSDF',
      'symbol',
    ]);
  });

  it('writes constants per feature and per zoom without changing them', () => {
    const line = paintSpecs('line');
    expect(binding(perFeature('#ffffff'), line['line-color'])).toBe('a');
    expect(binding(lineWidth(2), line['line-width'])).toBe('z');
    expect(binding(perZoom(['get', 'w']), line['line-width'])).toBe('z');
    expect(binding(SOLID, line['line-dasharray'])).toBe('a');
    expect(binding(dashes([4, 2]), line['line-dasharray'])).toBe('a');
    const value = (v: unknown, spec: StylePropertySpecification, zoom: number) => {
      const r = createPropertyExpression(v, 'paint', spec);
      if (r.result === 'error') throw new Error('invalid');
      return r.value.evaluate({ zoom }, { type: 'LineString', properties: {} } as never);
    };
    for (const zoom of [9, 12.5, 19])
      expect(value(lineWidth(0.8), line['line-width'], zoom)).toBeCloseTo(0.8, 9);
    expect(value(dashes([4, 2]), line['line-dasharray'], 12)).toEqual([4, 2]);
    expect(value(SOLID, line['line-dasharray'], 12)).toEqual([1, 0]);
  });
});
