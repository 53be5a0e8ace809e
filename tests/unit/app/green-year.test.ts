import { describe, expect, it } from 'vitest';
import { expression } from '@maplibre/maplibre-gl-style-spec';
import { greenHatchFilter } from '../../../src/map/green-year';
import type { Scenario } from '../../../src/core/coverage/scenarios';

/** Whether the green-space hatch (not built by then, or guessed) applies to a feature in a scenario. */
function hatched(scenario: Scenario, properties: Record<string, unknown>): boolean {
  const e = expression.createExpression(greenHatchFilter(scenario), {
    type: 'boolean',
    value: 'boolean',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
  } as never);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  return e.value.evaluate({ zoom: 12 }, { type: 'Polygon', properties } as never) as boolean;
}

describe('green spaces drawn as of the chosen year', () => {
  const later = { status: 'later', opened: 2018 };
  it('draws a later park unbuilt before its opening year and built from it and today', () => {
    expect(hatched('2014', later)).toBe(true);
    expect(hatched('2015', later)).toBe(true);
    expect(hatched('2016', later)).toBe(true);
    expect(hatched('2018', later)).toBe(false);
    expect(hatched('today', later)).toBe(false);
    expect(hatched('today', { status: 'later' })).toBe(false);
  });
  it('keeps existing parks built, planned ones unbuilt, and guesses hatched in every year', () => {
    for (const s of ['2014', '2015', '2018', 'today'] as Scenario[]) {
      expect(hatched(s, { status: 'existing' })).toBe(false);
      expect(hatched(s, { status: 'planned' })).toBe(true);
      expect(hatched(s, { status: 'existing', illustrative: true })).toBe(true);
    }
    expect(hatched('2020', { status: 'planned', opened: 2019 })).toBe(false);
  });
});
