/**
 * The destinations that count in one computation (green spaces of a scenario above the minimum size,
 * plus any what-ifs), with the multi-source Dijkstra field and the direct walks into them.
 * Extending a set with more green spaces never reruns the search: it copies the base field and
 * relaxes only what the new sources improve (see dijkstra.ts).
 */
import { OFF_NETWORK_DETOUR } from './constants';
import { type NearestField, copyField, emptyField, relax } from './dijkstra';
import { type GreenRule, countsAsGreen } from './green-class';
import type { DirectAccess } from './grid';
import type { PreparedGreen, ScenarioModel } from './model';
import { type SourcePoints, concatSources, seedsOf } from './sources';

export interface SourceSet {
  /** Green index g in the field and grid refers to greens[g]. */
  readonly greens: PreparedGreen[];
  /** All access points; points.green[k] indexes greens. */
  readonly points: SourcePoints;
  readonly field: NearestField;
  readonly direct: DirectAccess;
  /** Dijkstra nodes settled to build this set (the what-if cost measure). */
  readonly settled: number;
}

const EMPTY_POINTS: SourcePoints = {
  green: new Int32Array(0),
  x: new Float64Array(0),
  y: new Float64Array(0),
  edge: new Int32Array(0),
  t: new Float32Array(0),
  leg: new Float32Array(0),
};

/** The green spaces of a model that count as destinations: at least `minAreaM2`, and green by `rule`. */
export function selectGreens(
  greens: readonly PreparedGreen[],
  minAreaM2: number,
  rule: GreenRule,
): PreparedGreen[] {
  return greens.filter((g) => g.ref.area_m2 >= minAreaM2 && countsAsGreen(g.ref, rule));
}

export function buildSourceSet(model: ScenarioModel, greens: PreparedGreen[]): SourceSet {
  const cells = model.grid.cols * model.grid.rows;
  const empty: SourceSet = {
    greens: [],
    points: EMPTY_POINTS,
    field: emptyField(model.graph.nodeCount),
    direct: { dist: new Float32Array(cells).fill(Infinity), green: new Int32Array(cells).fill(-1) },
    settled: 0,
  };
  return extend(model, empty, greens, false);
}

/**
 * The set of these green spaces with its search field given (the graphs asset's default answer,
 * searched at build time by buildSourceSet on the same model): no search.
 */
export function sourceSetWithField(
  model: ScenarioModel,
  greens: PreparedGreen[],
  field: NearestField,
): SourceSet {
  const cells = model.grid.cols * model.grid.rows;
  const points = greens.length
    ? concatSources(
        ...greens.map((g, k): SourcePoints => ({ ...g.points, green: g.points.green.map(() => k) })),
      )
    : EMPTY_POINTS;
  const direct: DirectAccess = {
    dist: new Float32Array(cells).fill(Infinity),
    green: new Int32Array(cells).fill(-1),
  };
  greens.forEach((g, k) => addDirect(direct, g, k));
  return { greens, points, field, direct, settled: 0 };
}

/** A new set with `extra` green spaces added; `base` is left untouched. */
export function extendSourceSet(model: ScenarioModel, base: SourceSet, extra: PreparedGreen[]): SourceSet {
  return extend(model, base, extra, true);
}

function extend(model: ScenarioModel, base: SourceSet, extra: PreparedGreen[], copy: boolean): SourceSet {
  const greens = [...base.greens, ...extra];
  const relabelled = extra.map((g, k): SourcePoints => ({
    ...g.points,
    green: g.points.green.map(() => base.greens.length + k),
  }));
  const points = extra.length ? concatSources(base.points, ...relabelled) : base.points;
  const field = copy ? copyField(base.field) : base.field;
  const newPoints: SourcePoints = {
    green: points.green.subarray(base.points.green.length),
    x: points.x.subarray(base.points.x.length),
    y: points.y.subarray(base.points.y.length),
    edge: points.edge.subarray(base.points.edge.length),
    t: points.t.subarray(base.points.t.length),
    leg: points.leg.subarray(base.points.leg.length),
  };
  const settled = relax(model.graph, field, seedsOf(model.graph, newPoints, base.points.green.length));
  const direct: DirectAccess = copy
    ? { dist: base.direct.dist.slice(), green: base.direct.green.slice() }
    : base.direct;
  extra.forEach((g, k) => addDirect(direct, g, base.greens.length + k));
  return { greens, points, field, direct, settled: base.settled + settled };
}

function addDirect(direct: DirectAccess, g: PreparedGreen, index: number): void {
  const { cells, dist } = g.field;
  for (let k = 0; k < cells.length; k++) {
    if (!g.directOk[k]) continue;
    const d = dist[k] * OFF_NETWORK_DETOUR;
    const c = cells[k];
    if (d < direct.dist[c]) {
      direct.dist[c] = d;
      direct.green[c] = index;
    }
  }
}
