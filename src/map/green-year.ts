/**
 * Green spaces drawn as of the chosen year: open ones as built, the rest hatched (规划 / 未建).
 * A `later` green space (opened after 2014) is hatched in 2014 and the plan, and drawn as built in
 * a year step from its opening year and today. Which features *count* in a year is the core's rule
 * (core/coverage/scenarios.ts); this only draws "built by then" against "not (yet) built".
 */
import { setFilterValue } from './style-setters';
import type { ExpressionSpecification, Map as MlMap } from 'maplibre-gl';
import { parseScenario, type Scenario } from '../core/coverage/scenarios';

const HATCH_LAYER = 'greenery-hatch';
/** An opening year beyond any scenario, for features with none. */
const NEVER = 1e6;

/** The hatch filter of the green-space layer for a scenario: guessed, or not open by then. */
export function greenHatchFilter(scenario: Scenario): ExpressionSpecification {
  const s = parseScenario(scenario);
  // The plan shows the state at the end of 2014 with unbuilt parks hatched; today every opening counts.
  const year =
    !s || s.kind === 'built' || s.kind === 'plan' ? 2014 : s.kind === 'today' ? NEVER - 1 : s.year!;
  const opened: ExpressionSpecification = ['<=', ['to-number', ['coalesce', ['get', 'opened'], NEVER]], year];
  const built: ExpressionSpecification =
    s?.kind === 'today'
      ? ['any', ['==', ['get', 'status'], 'existing'], ['==', ['get', 'status'], 'later'], opened]
      : ['any', ['==', ['get', 'status'], 'existing'], opened];
  return ['any', ['==', ['get', 'illustrative'], true], ['!', built]];
}

/** Applies the year's hatch to the green-space layer (no-op before the style has it). */
export function showGreenYear(map: MlMap, scenario: Scenario): void {
  if (map.getLayer(HATCH_LAYER)) setFilterValue(map, HATCH_LAYER, greenHatchFilter(scenario));
}
