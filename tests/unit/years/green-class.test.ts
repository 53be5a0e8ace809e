import { describe, expect, it } from 'vitest';
import { countsAsGreen } from '../../../src/core/coverage/green-class';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import type { CoverageLayers, GreenInput } from '../../../src/core/coverage/types';
import { EXTENT_SIMPLE, simpleLayers } from '../../fixtures/coverage/build';

describe('what counts as green (CJJ/T 85-2017)', () => {
  it('counts G1 always, G2 by the standard only where open with paths, and everything under "all"', () => {
    const rows: [Partial<GreenInput>, boolean, boolean][] = [
      [{ green_class: 'G1' }, true, true],
      [{ green_class: 'G1', open_access: false }, true, true],
      [{ green_class: 'G2' }, false, true],
      [{ green_class: 'G2', open_access: false }, false, true],
      [{ green_class: 'G2', open_access: true }, true, true],
      [{}, true, true], // unclassified (older data): nothing says it is a shelter belt
    ];
    for (const [p, standard, all] of rows) {
      expect(countsAsGreen(p, 'standard'), JSON.stringify(p)).toBe(standard);
      expect(countsAsGreen(p, 'all'), JSON.stringify(p)).toBe(all);
    }
  });

  /** The simple fixture (block A within 5 min of park P, B beyond 15), with P's class set. */
  const withP = (props: Partial<GreenInput>): CoverageLayers => {
    const l = simpleLayers();
    Object.assign(l.green.features[0].properties!, props);
    return l;
  };
  const share15 = (layers: CoverageLayers, greenRule?: 'standard' | 'all') => {
    const r = new CoverageEngine(layers, EXTENT_SIMPLE).compute({
      scenario: '2014',
      greenRule,
      compare: false,
    });
    return {
      walk: r.stats.bands[2].populationShare,
      radius: r.stats.radius.landRate,
      greens: r.greens.length,
    };
  };

  it('leaves a closed shelter belt out of the walk and the service radius by default', () => {
    expect(share15(withP({ green_class: 'G2' }))).toEqual({ walk: 0, radius: 0, greens: 0 });
  });

  it('counts it when a source says it is open with paths, or when all green spaces count', () => {
    const known = { walk: 0.25, radius: 0.5, greens: 1 }; // the fixture's hand-computed answer
    expect(share15(withP({ green_class: 'G2', open_access: true }))).toEqual(known);
    expect(share15(withP({ green_class: 'G2' }), 'all')).toEqual(known);
    expect(share15(withP({ green_class: 'G1' }))).toEqual(known);
  });

  it('applies the rule to the service-radius buffers drawn on the map', () => {
    const engine = new CoverageEngine(withP({ green_class: 'G2' }), EXTENT_SIMPLE);
    expect(engine.radiusBuffers('2014').features).toHaveLength(0);
    expect(engine.radiusBuffers('2014', 'all').features).toHaveLength(1);
  });

  it('refuses an unknown rule', () => {
    const engine = new CoverageEngine(simpleLayers(), EXTENT_SIMPLE);
    expect(() => engine.compute({ scenario: '2014', greenRule: 'parks' as 'all' })).toThrow(
      /"standard" or "all"/,
    );
  });
});
