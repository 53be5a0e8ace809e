/**
 * What is a guess, in one place, and the layers of a scenario with the guesses taken out, so every
 * figure can also be computed without them (DESIGN.md method 9: answers carry their uncertainty).
 *
 * - A green space is guessed when its `confidence` is `low`, when it is `illustrative` (its
 *   existence or extent is a guess), or when it counts in the scenario only by the assumption of
 *   scenarios.ts (under construction at the end of 2014, no `opened` year, counted open today).
 *   Where the data rates the outline apart from the position (`outline_confidence`), `illustrative`
 *   marks a guessed outline of a green space whose existence and place are sourced (`confidence`
 *   medium or high): that one stays, as a guessed outline moves walks by metres, not the finding.
 * - A road is guessed when `illustrative` (its existence or course is a guess) or counted by that
 *   same assumption. A low-confidence road that is not illustrative exists; only its position is
 *   rough, so it stays.
 * - Only walkable guessed roads are taken out: a guessed barrier (an expressway main line, a railway)
 *   stays, or leaving it out would make walks shorter, not surer.
 * - What-if parks are the planner's proposals, not guesses: they count either way.
 */
import { type Dated, type Scenario, assumedOpen, inScenario } from './scenarios';
import type { CoverageLayers } from './types';

interface Guessable extends Dated {
  illustrative?: boolean;
  confidence?: string;
  /** Green spaces: how sure the outline is, where the data rates it apart from the position. */
  outline_confidence?: string;
}

export function greenGuessed(p: Guessable, scenario: Scenario): boolean {
  const existenceGuessed = p.illustrative === true && p.outline_confidence === undefined;
  return p.confidence === 'low' || existenceGuessed || assumedOpen(p, scenario);
}

export function roadGuessed(p: Guessable, scenario: Scenario): boolean {
  return p.illustrative === true || assumedOpen(p, scenario);
}

/**
 * The layers with the scenario's guessed green spaces and walkable guessed roads blanked out (their
 * geometry set to null, so feature indices stay the same), and whether a road of the scenario was
 * blanked (if not, the walk network is the same and need not be built again).
 */
export function withoutGuesses(
  layers: CoverageLayers,
  scenario: Scenario,
): { layers: CoverageLayers; roadsChanged: boolean } {
  let roadsChanged = false;
  const roads = layers.roads.features.map((f) => {
    const p = f.properties;
    if (!p || !f.geometry || !p.walkable || !roadGuessed(p, scenario)) return f;
    if (inScenario(p, scenario)) roadsChanged = true;
    return { ...f, geometry: null as unknown as typeof f.geometry };
  });
  const green = layers.green.features.map((f) =>
    f.properties && greenGuessed(f.properties, scenario)
      ? { ...f, geometry: null as unknown as typeof f.geometry }
      : f,
  );
  return {
    layers: {
      ...layers,
      roads: { ...layers.roads, features: roads },
      green: { ...layers.green, features: green },
    },
    roadsChanged,
  };
}
