/**
 * Keeps an imported layer light enough to draw and to hand to the main thread: above a vertex
 * budget, geometries are simplified (Douglas-Peucker, @turf/simplify) with the smallest tolerance
 * from a short ladder that gets under the budget. A few metres are invisible on a city map and far
 * below the coverage grid's 50 m cells; DESIGN.md "Hostile sizes": below the refusal limits files
 * load, simplified for display if needed.
 */
import simplify from '@turf/simplify';
import type { Feature } from 'geojson';
import { countLayerPositions, countPositions } from '../core/geo/positions';

/** Positions above which a layer is simplified before it reaches the main thread. */
export const DISPLAY_VERTEX_BUDGET = 300_000;
/** Tolerances tried in order, in metres (converted to degrees at the zone's latitude). */
const LADDER_METRES = [0.5, 1, 2, 5, 10];
const METRES_PER_DEGREE = 111_320;

/**
 * Simplifies `features` in place when they exceed the budget.
 * @returns the positions kept and the tolerance used in metres (undefined when untouched)
 */
export async function simplifyForDisplay(
  features: Feature[],
  budget = DISPLAY_VERTEX_BUDGET,
  onStep?: (fraction: number) => Promise<void>,
): Promise<{ kept: number; metres?: number }> {
  let kept = countLayerPositions(features);
  if (kept <= budget) return { kept };
  let metres: number | undefined;
  for (let step = 0; step < LADDER_METRES.length && kept > budget; step++) {
    metres = LADDER_METRES[step];
    const tolerance = metres / METRES_PER_DEGREE;
    kept = 0;
    for (let i = 0; i < features.length; i++) {
      const f = features[i];
      if (f.geometry) {
        // Simplifying an already simplified geometry with a larger tolerance is equivalent for
        // Douglas-Peucker within that tolerance; mutate avoids doubling the memory of a big layer.
        simplify(f, { tolerance, highQuality: false, mutate: true });
        kept += countPositions(f.geometry);
      }
      if (onStep && i % 2000 === 0) await onStep((step + i / features.length) / LADDER_METRES.length);
    }
  }
  return { kept, metres };
}
