/**
 * Hypothetical parks a planner places: a point with an area (drawn as a circle of that area) or a
 * polygon. Each becomes one more green space in the source set; moving or removing one is a new list.
 * Prepared what-ifs are cached per scenario model, so re-sending the same list costs nothing extra.
 */
import { type GreenField, greenField } from './green-field';
import type { GridSpec } from './grid-spec';
import { memo } from './memo';
import { greenReach, prepareGreen, type PreparedGreen, type ScenarioModel } from './model';
import { parkRadiusM } from './park-radius';
import { toX, toY } from './projection';

export type WhatIf =
  | { id: string; kind: 'point'; lng: number; lat: number; area_m2: number; name?: string }
  | { id: string; kind: 'polygon'; coordinates: number[][][]; name?: string };

/** Vertices of the circle drawn for a point what-if. */
const CIRCLE_STEPS = 32;

const cache = new WeakMap<ScenarioModel, Map<string, PreparedGreen>>();
/**
 * A what-if's distance field per grid: it depends on the grid and the park's shape alone, so the
 * scenario and its version without guesses (another model on the same grid) share it. It is most
 * of a what-if's preparation (the cells within 500 m of its outline).
 */
const fields = new WeakMap<GridSpec, Map<string, GreenField>>();

export function prepareWhatIfs(model: ScenarioModel, whatIfs: readonly WhatIf[]): PreparedGreen[] {
  return whatIfs.map((w) => {
    const key = JSON.stringify(w);
    return memo(cache, model, key, 200, () => prepareWhatIf(model, w, key));
  });
}

/** @param key the what-if's cache key (its JSON), to share its field with other models on this grid */
export function prepareWhatIf(model: ScenarioModel, w: WhatIf, key = JSON.stringify(w)): PreparedGreen {
  const proj = model.grid.proj;
  let ring: Float64Array;
  if (w.kind === 'point') {
    if (!Number.isFinite(w.lng) || !Number.isFinite(w.lat))
      throw new Error(`What-if ${w.id}: invalid position (${w.lng}, ${w.lat}).`);
    if (!(w.area_m2 > 0 && w.area_m2 < 1e8))
      throw new Error(`What-if ${w.id}: area must be between 0 and 100 km², got ${w.area_m2} m².`);
    const r = parkRadiusM(w.area_m2);
    const cx = toX(proj, w.lng),
      cy = toY(proj, w.lat);
    ring = new Float64Array(2 * (CIRCLE_STEPS + 1));
    for (let k = 0; k <= CIRCLE_STEPS; k++) {
      const a = (2 * Math.PI * (k % CIRCLE_STEPS)) / CIRCLE_STEPS;
      ring[2 * k] = cx + r * Math.cos(a);
      ring[2 * k + 1] = cy + r * Math.sin(a);
    }
  } else {
    const outer = w.coordinates?.[0];
    if (!outer || outer.length < 4)
      throw new Error(`What-if ${w.id}: a polygon needs a closed ring of at least 4 positions.`);
    ring = new Float64Array(outer.length * 2);
    outer.forEach((c, k) => {
      if (!Number.isFinite(c[0]) || !Number.isFinite(c[1]))
        throw new Error(`What-if ${w.id}: invalid position at vertex ${k}.`);
      ring[2 * k] = toX(proj, c[0]);
      ring[2 * k + 1] = toY(proj, c[1]);
    });
  }
  const area = w.kind === 'point' ? w.area_m2 : Math.abs(ringArea(ring));
  const name = w.name ?? w.id;
  const reach = greenReach(model.standard, area);
  const field = memo(fields, model.grid, `${reach}|${key}`, 200, () =>
    greenField(model.grid, [[ring]], reach),
  );
  return prepareGreen(
    model,
    {
      id: w.id,
      name_zh: name,
      name_en: name,
      area_m2: area,
      illustrative: true,
      guessed: false,
      feature: -1,
      whatIf: true,
    },
    [[ring]],
    undefined,
    field,
  );
}

function ringArea(r: Float64Array): number {
  let a = 0;
  for (let k = 0; k + 3 < r.length; k += 2) a += r[k] * r[k + 3] - r[k + 2] * r[k + 1];
  return a / 2;
}
