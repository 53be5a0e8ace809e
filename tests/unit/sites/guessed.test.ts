import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../../src/core/coverage/params';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import type { CoverageLayers } from '../../../src/core/coverage/types';
import { prepareWhatIf } from '../../../src/core/coverage/whatif';
import { CoverageGain, sitePark } from '../../../src/core/sites/coverage-gain';
import { guessedBlocks, guessedRoads } from '../../../src/core/sites/guessed';
import { block, ll, road } from '../../fixtures/coverage/build';
import { EXTENT_PLAN } from '../../fixtures/sites/build';

/**
 * One road, authored as two features: west (x −1000..0) and east (x 0..1000). A park at x = −200
 * reaches block Z (x 400..500, 1,000 people) only along the east road: Z is more than 300 m from the
 * park and from the west road's end, so neither a direct walk nor a walk off the west road's end
 * reaches it. Within 15 minutes (900 m) the park brings all of Z (at most 18 + 675 + 114 m).
 */
function layers(eastProps: Record<string, unknown>, zProps: Record<string, unknown> = {}): CoverageLayers {
  const z = block('Z', 400, 20, 500, 120, 1000);
  Object.assign(z.properties, zProps);
  return {
    roads: {
      type: 'FeatureCollection',
      features: [
        road('west', [
          [-1000, 0],
          [0, 0],
        ]),
        road(
          'east',
          [
            [0, 0],
            [1000, 0],
          ],
          eastProps,
        ),
      ],
    },
    green: { type: 'FeatureCollection', features: [] },
    residential: { type: 'FeatureCollection', features: [z] },
  };
}

function measure(l: CoverageLayers) {
  const engine = new CoverageEngine(l, EXTENT_PLAN);
  const p = resolveParams({ scenario: '2014', bands: [15] });
  const model = engine.model('2014', 50);
  const set = engine.sourceSet(p);
  const grid = engine.accessGrid(p, set);
  const { residential } = engine.gridFor(50);
  const gains = new CoverageGain(model.graph, model.links, residential, set.field, grid.dist, 900);
  const [lng, lat] = ll(-200, 60);
  const park = sitePark(
    model.graph,
    prepareWhatIf(model, { id: 's', kind: 'point', lng, lat, area_m2: 6400 }),
  );
  const flags = {
    roads: guessedRoads(l.roads.features, '2014'),
    blocks: guessedBlocks(l.residential.features),
  };
  return gains.detail(park, flags, residential.block);
}

describe('how much of a gain rests on guesses', () => {
  it('counts people reached only along a guessed road, and people in guessed blocks', () => {
    const sound = measure(layers({ confidence: 'high' }));
    expect(sound.gain).toBeCloseTo(1000, 6);
    expect(sound.guessed).toEqual({ residential: 0, roads: 0, total: 0, share: 0 });

    const road = measure(layers({ illustrative: true }));
    expect(road.gain).toBeCloseTo(1000, 6);
    expect(road.guessed.roads).toBeCloseTo(1000, 6);
    expect(road.guessed.residential).toBe(0);

    // A low-confidence road exists (only its position is rough): not a guess (coverage/guesses.ts).
    expect(measure(layers({ confidence: 'low' })).guessed.roads).toBe(0);

    const both = measure(layers({ illustrative: true }, { confidence: 'low' }));
    expect(both.guessed.residential).toBeCloseTo(1000, 6);
    expect(both.guessed.roads).toBeCloseTo(1000, 6);
    expect(both.guessed.total).toBeCloseTo(1000, 6); // each person counted once
    expect(both.guessed.share).toBeCloseTo(1, 6);
  });
});
