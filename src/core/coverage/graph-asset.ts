/**
 * The prebuilt graphs asset: every scenario's walk graph, snapping index, cell links and prepared
 * green spaces, the same for the scenario without its guessed features (key `<scenario>|sure`, when
 * a guessed road changes its network), each with the default answer (the multi-source search field
 * for the default smallest green space and green rule), and the residential raster, for the bundled
 * data, serialised at build time (scripts/geodata/build-graphs.ts) so the worker loads typed arrays
 * instead of rebuilding them from GeoJSON or searching on every start.
 *
 * Layout: "GCGR", format version (u32 LE), header length (u32 LE), a JSON header (the input's
 * fingerprint, extent, cell size, grid size, the residential totals, a table of the shared arrays
 * and per scenario a table of arrays: type, byte offset, length), then the arrays, each aligned to 8
 * bytes. The fingerprint hashes everything the arrays are built from (roads, water, green spaces,
 * residential blocks, the standard's radius tiers, extent, cell size, this format's version), so an
 * asset is used only for exactly the data it was built from: imported data, or geodata edited since
 * the build, builds at run time.
 */
import { buildCellLinks, type CellLinks } from './cell-links';
import { type WalkGraph, buildWalkGraph } from './graph';
import { GREEN, type NearestField, POINT, PRED, REC, recColumn } from './dijkstra';
import type { GreenRule } from './green-class';
import type { GreenField } from './green-field';
import type { GridSpec } from './grid-spec';
import { buildBarriers } from './barriers';
import type { LocalProjection } from './projection';
import type { ServiceRadiusStandard } from './radius';
import type { ResidentialRaster } from './residential';
import { EdgeIndex } from './snap';
import type { SourcePoints } from './sources';
import type { CoverageLayers, Scenario } from './types';

export const GRAPH_ASSET_MAGIC = 'GCGR';
/** Bump whenever the layout or anything the arrays are built from changes meaning. */
export const GRAPH_ASSET_VERSION = 3;

/** The asset's key of a scenario's parts without guessed features. */
export const sureKey = (scenario: Scenario): string => `${scenario}|sure`;

/** A green space's scenario-dependent preparation (model.ts prepareGreen), by feature index. */
export interface PrebuiltGreen {
  feature: number;
  field: GreenField;
  directOk: Uint8Array;
  points: SourcePoints;
}

/** What a scenario model takes prebuilt instead of building. */
export interface PrebuiltParts {
  graph: WalkGraph;
  edges: EdgeIndex;
  links: CellLinks;
  /** The scenario's green spaces prepared, in layer order (absent: prepared at run time). */
  greens?: PrebuiltGreen[];
  /** The search field of the default source set (header.defaults), so a first answer needs no search. */
  field?: NearestField;
  /** That source set's access grid (scenarios with guesses: their first image needs no fill). */
  grid?: { dist: Float32Array; green: Int32Array };
}

export interface GraphAssetHeader {
  fingerprint: string;
  extent: number[];
  cellM: number;
  cols: number;
  rows: number;
  /** The smallest green space and green rule of the source sets whose fields the scenarios carry. */
  defaults: { minAreaM2: number; greenRule: GreenRule };
  /** The residential raster's totals (its arrays are in `shared`). */
  residential: { totalArea: number; totalPop: number };
  shared: ArrayTable;
  scenarios: Record<string, ArrayTable>;
}

type ArrayTable = Record<string, [type: ArrayKind, byteOffset: number, length: number]>;

type ArrayKind = 'f64' | 'f32' | 'i32' | 'u8';
type Typed = Float64Array | Float32Array | Int32Array | Uint8Array;
const CTOR = { f64: Float64Array, f32: Float32Array, i32: Int32Array, u8: Uint8Array } as const;
const kindOf = (a: Typed): ArrayKind =>
  a instanceof Float64Array
    ? 'f64'
    : a instanceof Float32Array
      ? 'f32'
      : a instanceof Int32Array
        ? 'i32'
        : 'u8';

/**
 * A 64-bit fingerprint (hex) of what the prebuilt parts depend on: the roads, water, green spaces
 * and residential blocks (their JSON text: the app hands the worker the same parsed files the build
 * read), the standard's radius tiers, the extent and the cell size. Two FNV-1a-style lanes over one
 * string: a native JSON.stringify and one tight loop, a few milliseconds on the worker's cold start.
 */
export function graphFingerprint(
  layers: CoverageLayers,
  extent: readonly number[],
  cellM: number,
  standard: ServiceRadiusStandard,
): string {
  const tiers = standard.tiers.map((t) => [t.minAreaM2, t.maxAreaM2 ?? null, t.radiusM]);
  const text = JSON.stringify([
    `v${GRAPH_ASSET_VERSION}`,
    extent.slice(0, 4),
    cellM,
    tiers,
    layers.roads,
    layers.water ?? null,
    layers.green,
    layers.residential,
  ]);
  let h1 = 0x811c9dc5,
    h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 2) {
    // Two UTF-16 units a step (the last alone when the length is odd: NaN | 0 is 0).
    const x = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    h1 = Math.imul(h1 ^ x, 0x01000193);
    h2 = Math.imul(h2 ^ x, 0x5bd1e995) ^ (h2 >>> 15);
  }
  h1 = Math.imul(h1 ^ text.length, 0x01000193);
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return hex(h1) + hex(h2);
}

/**
 * The parts of one scenario built from GeoJSON (what the build script serialises): `prepare` is
 * the model builder's own preparation of the green spaces (model.ts) and the default source set's
 * search, given the built parts.
 */
export function buildParts(
  layers: CoverageLayers,
  scenario: Scenario,
  proj: LocalProjection,
  grid: GridSpec,
  prepare: (parts: PrebuiltParts) => Pick<PrebuiltParts, 'greens' | 'field' | 'grid'>,
): PrebuiltParts {
  const graph = buildWalkGraph(layers.roads, scenario, proj);
  const edges = new EdgeIndex(graph);
  const links = buildCellLinks(grid, graph, buildBarriers(layers.water, layers.roads, scenario, proj));
  const parts: PrebuiltParts = { graph, edges, links };
  return { ...parts, ...prepare(parts) };
}

/** Concatenates per-green arrays, with a start index per green (length n + 1). */
function concat<T extends Typed>(
  make: new (n: number) => T,
  items: readonly T[],
): { start: Int32Array; all: T } {
  const start = new Int32Array(items.length + 1);
  items.forEach((a, k) => (start[k + 1] = start[k] + a.length));
  const all = new make(start[items.length]);
  items.forEach((a, k) => all.set(a as never, start[k]));
  return { start, all };
}

function partsArrays(p: PrebuiltParts): Record<string, Typed> {
  const g = p.graph;
  const e = p.edges.serial();
  const greens = p.greens ?? [];
  const field = (k: keyof GreenField) => greens.map((x) => x.field[k]);
  const pts = (k: keyof SourcePoints) => greens.map((x) => x.points[k]);
  const cells = concat(Int32Array, field('cells') as Int32Array[]);
  const points = concat(Int32Array, pts('green') as Int32Array[]);
  return {
    nodeLng: g.nodeLng,
    nodeLat: g.nodeLat,
    nodeX: g.nodeX,
    nodeY: g.nodeY,
    nodeDense: g.nodeDense,
    edgeA: g.edgeA,
    edgeB: g.edgeB,
    edgeM: g.edgeM,
    edgeRoad: g.edgeRoad,
    offsets: g.offsets,
    adjTarget: g.adjTarget,
    adjEdge: g.adjEdge,
    adjM: g.adjM,
    runA: g.runA,
    runB: g.runB,
    runFirst: g.runFirst,
    runEdges: g.runEdges,
    snapIndex: new Uint8Array(e.data),
    snapEdge: e.sampleEdge,
    linkStart: p.links.start,
    linkNode: p.links.node,
    linkOffset: p.links.offset,
    linkWater: p.links.water,
    linkNearBarrier: p.links.nearBarrier,
    greenFeature: Int32Array.from(greens, (x) => x.feature),
    fieldStart: cells.start,
    fieldCells: cells.all,
    fieldDist: concat(Float32Array, field('dist') as Float32Array[]).all,
    fieldNearX: concat(Float64Array, field('nearX') as Float64Array[]).all,
    fieldNearY: concat(Float64Array, field('nearY') as Float64Array[]).all,
    directOk: concat(
      Uint8Array,
      greens.map((x) => x.directOk),
    ).all,
    pointStart: points.start,
    pointGreen: points.all,
    pointX: concat(Float64Array, pts('x') as Float64Array[]).all,
    pointY: concat(Float64Array, pts('y') as Float64Array[]).all,
    pointEdge: concat(Int32Array, pts('edge') as Int32Array[]).all,
    pointT: concat(Float32Array, pts('t') as Float32Array[]).all,
    pointLeg: concat(Float32Array, pts('leg') as Float32Array[]).all,
    ...fieldArrays(p),
  };
}

function fieldArrays(p: PrebuiltParts): Record<string, Typed> {
  if (!p.field) throw new Error('Graphs asset: every scenario carries its default search field.');
  const f = p.field;
  return {
    fieldDistAll: f.dist,
    fieldGreenAll: recColumn(f, GREEN),
    fieldPredAll: recColumn(f, PRED),
    fieldPointAll: recColumn(f, POINT),
    ...(p.grid ? { gridDist: p.grid.dist, gridGreen: p.grid.green } : {}),
  };
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodeGraphAsset(
  meta: Omit<GraphAssetHeader, 'scenarios' | 'shared' | 'residential'>,
  parts: ReadonlyArray<[string, PrebuiltParts]>,
  residential: ResidentialRaster,
): Uint8Array {
  const chunks: Typed[] = [];
  let at = 0;
  // An array equal to one already written (a scenario without guesses shares its water and
  // barrier flags, and often green fields, with the scenario) is stored once.
  const written = new Map<string, { bytes: Uint8Array; at: number }[]>();
  const chunkAt: number[] = [];
  const tableOf = (arrays: Record<string, Typed>): ArrayTable => {
    const table: ArrayTable = {};
    for (const [name, a] of Object.entries(arrays)) {
      const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      const key = `${kindOf(a)}:${a.byteLength}:${sampleHash(bytes)}`;
      const same = written.get(key)?.find((w) => equalBytes(w.bytes, bytes));
      if (same) {
        table[name] = [kindOf(a), same.at, a.length];
        continue;
      }
      table[name] = [kindOf(a), at, a.length];
      written.set(key, [...(written.get(key) ?? []), { bytes, at }]);
      chunks.push(a);
      chunkAt.push(at);
      at = align8(at + a.byteLength);
    }
    return table;
  };
  const shared = tableOf({ resArea: residential.area, resPop: residential.pop, resBlock: residential.block });
  const scenarios: GraphAssetHeader['scenarios'] = {};
  for (const [scenario, p] of parts) scenarios[scenario] = tableOf(partsArrays(p));
  const head: GraphAssetHeader = {
    ...meta,
    residential: { totalArea: residential.totalArea, totalPop: residential.totalPop },
    shared,
    scenarios,
  };
  const header = new TextEncoder().encode(JSON.stringify(head));
  const dataStart = align8(12 + header.length);
  const out = new Uint8Array(dataStart + at);
  out.set(new TextEncoder().encode(GRAPH_ASSET_MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, GRAPH_ASSET_VERSION, true);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  chunks.forEach((a, k) =>
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + chunkAt[k]),
  );
  return out;
}

/** A cheap hash of up to 4096 evenly spaced bytes (equal arrays are then compared in full). */
function sampleHash(b: Uint8Array): number {
  let h = 0x811c9dc5;
  const step = Math.max(1, Math.floor(b.length / 4096));
  for (let i = 0; i < b.length; i += step) h = Math.imul(h ^ b[i], 0x01000193);
  return h >>> 0;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Reads the header; throws a specific message for a file that is not a graphs asset of this version. */
export function readGraphAssetHeader(buf: ArrayBuffer): { header: GraphAssetHeader; dataStart: number } {
  if (buf.byteLength < 12 || new TextDecoder().decode(new Uint8Array(buf, 0, 4)) !== GRAPH_ASSET_MAGIC)
    throw new Error('Not a graphs asset (no "GCGR" magic): rebuild it with `npm run data:graphs`.');
  const view = new DataView(buf);
  const version = view.getUint32(4, true);
  if (version !== GRAPH_ASSET_VERSION)
    throw new Error(
      `Graphs asset format ${version}, this app reads ${GRAPH_ASSET_VERSION}: rebuild it with \`npm run data:graphs\`.`,
    );
  const len = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 12, len))) as GraphAssetHeader;
  return { header, dataStart: align8(12 + len) };
}

/**
 * The prebuilt parts of every scenario in the asset and the residential raster, as typed arrays
 * over the asset's buffer (the snapping index gets its own copy: kdbush reads a buffer from its start).
 */
export function decodeGraphAsset(
  buf: ArrayBuffer,
  proj: LocalProjection,
): { header: GraphAssetHeader; parts: Map<string, () => PrebuiltParts>; residential: ResidentialRaster } {
  const { header, dataStart } = readGraphAssetHeader(buf);
  const reader =
    (where: string, table: ArrayTable) =>
    <K extends ArrayKind>(name: string, kind: K): InstanceType<(typeof CTOR)[K]> => {
      const t = table[name];
      if (!t || t[0] !== kind) throw new Error(`Graphs asset: array ${where}/${name} missing or mistyped.`);
      return new CTOR[kind](buf, dataStart + t[1], t[2]) as InstanceType<(typeof CTOR)[K]>;
    };
  const res = reader('shared', header.shared);
  const residential: ResidentialRaster = {
    area: res('resArea', 'f32'),
    pop: res('resPop', 'f32'),
    block: res('resBlock', 'i32'),
    ...header.residential,
  };
  const parts = new Map<string, () => PrebuiltParts>();
  for (const [scenario, table] of Object.entries(header.scenarios)) {
    let done: PrebuiltParts | null = null;
    // Decoded when the scenario is first asked for: the first answer needs one scenario.
    const id = scenario.split('|')[0] as Scenario;
    parts.set(
      scenario,
      () => (done ??= decodeParts(id, proj, reader(scenario, table), (name) => name in table)),
    );
  }
  return { header, parts, residential };
}

type Reader = <K extends ArrayKind>(name: string, kind: K) => InstanceType<(typeof CTOR)[K]>;

/** One scenario's parts: the graph, its CSR and lengths as stored (nothing recomputed), and the rest. */
function decodeParts(
  scenario: Scenario,
  proj: LocalProjection,
  arr: Reader,
  has: (name: string) => boolean,
): PrebuiltParts {
  const nodeLng = arr('nodeLng', 'f64'),
    edgeA = arr('edgeA', 'i32'),
    runA = arr('runA', 'i32');
  const graph: WalkGraph = {
    scenario,
    proj,
    nodeCount: nodeLng.length,
    nodeLng,
    nodeLat: arr('nodeLat', 'f64'),
    nodeX: arr('nodeX', 'f64'),
    nodeY: arr('nodeY', 'f64'),
    nodeDense: arr('nodeDense', 'u8'),
    edgeCount: edgeA.length,
    edgeA,
    edgeB: arr('edgeB', 'i32'),
    edgeM: arr('edgeM', 'f32'),
    edgeRoad: arr('edgeRoad', 'i32'),
    offsets: arr('offsets', 'i32'),
    adjTarget: arr('adjTarget', 'i32'),
    adjEdge: arr('adjEdge', 'i32'),
    adjM: arr('adjM', 'f32'),
    runCount: runA.length,
    runA,
    runB: arr('runB', 'i32'),
    runFirst: arr('runFirst', 'i32'),
    runEdges: arr('runEdges', 'i32'),
  };
  const snap = arr('snapIndex', 'u8');
  const edges = new EdgeIndex(graph, {
    data: snap.buffer.slice(snap.byteOffset, snap.byteOffset + snap.byteLength) as ArrayBuffer,
    sampleEdge: arr('snapEdge', 'i32'),
  });
  const links: CellLinks = {
    start: arr('linkStart', 'i32'),
    node: arr('linkNode', 'i32'),
    offset: arr('linkOffset', 'f32'),
    water: arr('linkWater', 'u8'),
    nearBarrier: arr('linkNearBarrier', 'u8'),
  };
  const grid = has('gridDist') ? { dist: arr('gridDist', 'f32'), green: arr('gridGreen', 'i32') } : undefined;
  return { graph, edges, links, greens: decodeGreens(arr), field: decodeField(arr), grid };
}

/**
 * The default source set's field: distances are a view over the asset (the engine copies the field
 * before lowering it); the asset keeps pred, green and point as three columns, interleaved here into
 * the search's per-node records.
 */
function decodeField(arr: Reader): NearestField {
  const dist = arr('fieldDistAll', 'f64');
  const rec = new Int32Array(REC * dist.length).fill(-1);
  const columns: [number, Int32Array][] = [
    [PRED, arr('fieldPredAll', 'i32')],
    [GREEN, arr('fieldGreenAll', 'i32')],
    [POINT, arr('fieldPointAll', 'i32')],
  ];
  for (const [at, col] of columns) for (let v = 0; v < col.length; v++) rec[REC * v + at] = col[v];
  return { dist, rec };
}

/** The prepared green spaces: subarrays of the concatenated arrays, no copies. */
function decodeGreens(arr: Reader): PrebuiltGreen[] {
  const feature = arr('greenFeature', 'i32');
  const fs = arr('fieldStart', 'i32'),
    ps = arr('pointStart', 'i32');
  const [cells, dist, nearX, nearY, directOk] = [
    arr('fieldCells', 'i32'),
    arr('fieldDist', 'f32'),
    arr('fieldNearX', 'f64'),
    arr('fieldNearY', 'f64'),
    arr('directOk', 'u8'),
  ];
  const [green, x, y, edge, t, leg] = [
    arr('pointGreen', 'i32'),
    arr('pointX', 'f64'),
    arr('pointY', 'f64'),
    arr('pointEdge', 'i32'),
    arr('pointT', 'f32'),
    arr('pointLeg', 'f32'),
  ];
  return Array.from(feature, (f, k) => {
    const [a, b] = [fs[k], fs[k + 1]],
      [c, d] = [ps[k], ps[k + 1]];
    return {
      feature: f,
      field: {
        cells: cells.subarray(a, b),
        dist: dist.subarray(a, b),
        nearX: nearX.subarray(a, b),
        nearY: nearY.subarray(a, b),
      },
      directOk: directOk.subarray(a, b),
      points: {
        green: green.subarray(c, d),
        x: x.subarray(c, d),
        y: y.subarray(c, d),
        edge: edge.subarray(c, d),
        t: t.subarray(c, d),
        leg: leg.subarray(c, d),
      },
    };
  });
}
