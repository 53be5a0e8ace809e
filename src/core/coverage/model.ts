/**
 * Everything about one scenario that does not depend on the sources' filter, the what-ifs or the
 * speed: the walk graph, its snapping index, barriers, the grid's links to the network, and each
 * green space's access points and distance field. Built once per (scenario, cell size) and cached.
 */
import { type Barriers, buildBarriers, legBlocked } from './barriers';
import { type CellLinks, buildCellLinks } from './cell-links';
import { MAX_OFF_NETWORK_M } from './constants';
import { type WalkGraph, buildWalkGraph } from './graph';
import type { PrebuiltParts } from './graph-asset';
import { type GreenField, greenField } from './green-field';
import { type GridSpec, cellX, cellY, localRings } from './grid-spec';
import type { LocalProjection } from './projection';
import { type ServiceRadiusStandard, maxRadius, serviceRadius } from './radius';
import { greenGuessed } from './guesses';
import { EdgeIndex } from './snap';
import { stopwatch } from './stopwatch';
import { type GreenRef, type SourcePoints, accessPoints, joinSources } from './sources';
import { type CoverageLayers, type Scenario, inScenario } from './types';

/** A green space prepared for one scenario (an authored one or a what-if). */
export interface PreparedGreen {
  readonly ref: GreenRef;
  /** Polygons → rings → [x0, y0, ...] local metres. */
  readonly polys: Float64Array[][];
  /** Cells within reach of the green space (see green-field.ts). */
  readonly field: GreenField;
  /** Per field cell: 1 when a direct walk from the cell into the green space is allowed (≤ 300 m, no barrier). */
  readonly directOk: Uint8Array;
  /** Its access points joined to the network (green index 0 = this green space). */
  readonly points: SourcePoints;
}

export interface ScenarioModel {
  readonly scenario: Scenario;
  readonly grid: GridSpec;
  readonly graph: WalkGraph;
  readonly edges: EdgeIndex;
  readonly barriers: Barriers;
  readonly links: CellLinks;
  readonly standard: ServiceRadiusStandard;
  /** Green spaces that exist in the scenario, of any size. */
  readonly greens: PreparedGreen[];
  /** Per-stage build times, ms. */
  readonly timings: Record<string, number>;
}

export function buildScenarioModel(
  layers: CoverageLayers,
  scenario: Scenario,
  proj: LocalProjection,
  grid: GridSpec,
  standard: ServiceRadiusStandard,
  prebuilt?: PrebuiltParts,
): ScenarioModel {
  const { timings, lap } = stopwatch();
  // Graph, snapping index and cell links come from the graphs asset when it matches (graph-asset.ts).
  const graph = prebuilt?.graph ?? buildWalkGraph(layers.roads, scenario, proj);
  lap('graph');
  const edges = prebuilt?.edges ?? new EdgeIndex(graph);
  // Barriers are built when first needed: a model from the graphs asset needs them only to place
  // what-ifs and starting points, not for its first answer.
  let barriers: Barriers | undefined;
  const barriersOf = () => (barriers ??= buildBarriers(layers.water, layers.roads, scenario, proj));
  if (!prebuilt) barriersOf();
  lap('indexes');
  const links = prebuilt?.links ?? buildCellLinks(grid, graph, barriersOf());
  lap('cellLinks');
  const base = {
    grid,
    edges,
    get barriers() {
      return barriersOf();
    },
    links,
    standard,
  };
  const greens: PreparedGreen[] = [];
  // Prepared green spaces from the asset, in layer order, when it has them.
  const pre = prebuilt?.greens;
  layers.green.features.forEach((f, k) => {
    const p = f.properties;
    if (!p || !f.geometry || !inScenario(p, scenario)) return;
    const ref: GreenRef = {
      id: p.id,
      name_zh: p.name_zh ?? p.id,
      name_en: p.name_en ?? p.name_zh ?? p.id,
      area_m2: p.area_m2,
      illustrative: p.illustrative === true,
      guessed: greenGuessed(p, scenario),
      green_class: p.green_class,
      open_access: p.open_access === true,
      feature: k,
      whatIf: false,
    };
    const polys = localRings(proj, f.geometry);
    if (!pre) return void greens.push(prepareGreen(base, ref, polys, p.entrances));
    const done = pre[greens.length];
    if (done?.feature !== k)
      throw new Error(`Graphs asset: its green spaces of ${scenario} are not this layer's.`);
    greens.push({ ref, polys, field: done.field, directOk: done.directOk, points: done.points });
  });
  if (pre && pre.length !== greens.length)
    throw new Error(`Graphs asset: its green spaces of ${scenario} are not this layer's.`);
  lap('greens');
  return {
    scenario,
    grid,
    graph,
    edges,
    get barriers() {
      return barriersOf();
    },
    links,
    standard,
    greens,
    timings,
  };
}

/** How far a green space's distance field reaches: its direct walks and any service radius. */
export function greenReach(std: ServiceRadiusStandard, areaM2: number): number {
  return Math.max(MAX_OFF_NETWORK_M, maxRadius(std), serviceRadius(std, areaM2));
}

/**
 * Prepares one green space: distance field, direct-walk permissions and joined access points.
 * `field`: its distance field when already computed on this grid to `greenReach` (it depends on the
 * grid and the shape alone; the rest depends on the model's network and barriers).
 */
export function prepareGreen(
  m: Pick<ScenarioModel, 'grid' | 'edges' | 'barriers' | 'links' | 'standard'>,
  ref: GreenRef,
  polys: Float64Array[][],
  entrances?: ReadonlyArray<readonly [number, number]>,
  known?: GreenField,
): PreparedGreen {
  const field = known ?? greenField(m.grid, polys, greenReach(m.standard, ref.area_m2));
  const directOk = new Uint8Array(field.cells.length);
  for (let k = 0; k < field.cells.length; k++) {
    const c = field.cells[k];
    if (field.dist[k] > MAX_OFF_NETWORK_M || m.links.water[c]) continue;
    if (m.links.nearBarrier[c] && field.dist[k] > 0) {
      const x = cellX(m.grid, c % m.grid.cols),
        y = cellY(m.grid, Math.floor(c / m.grid.cols));
      if (legBlocked(m.barriers, x, y, field.nearX[k], field.nearY[k])) continue;
    }
    directOk[k] = 1;
  }
  let points = joinSources(m.edges, m.barriers, [accessPoints(m.grid.proj, polys, entrances)]);
  // Known entrances that no walkable road reaches (incomplete data) fall back to the whole boundary.
  if (points.green.length === 0 && entrances && entrances.length > 0) {
    points = joinSources(m.edges, m.barriers, [accessPoints(m.grid.proj, polys)]);
  }
  return { ref, polys, field, directOk, points };
}
