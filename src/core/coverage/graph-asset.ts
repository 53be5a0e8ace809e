/**
 * The prebuilt graphs asset: every scenario's walk graph, snapping index and cell links for the
 * bundled data, serialised at build time (scripts/geodata/build-graphs.ts) so the worker loads typed
 * arrays instead of rebuilding them from GeoJSON on every start.
 *
 * Layout: "GCGR", format version (u32 LE), header length (u32 LE), a JSON header (the input's
 * fingerprint, extent, cell size, grid size, and per scenario a table of arrays: type, byte offset,
 * length), then the arrays, each aligned to 8 bytes. The fingerprint hashes everything the arrays
 * are built from (roads, water, extent, cell size, this format's version), so an asset is used only
 * for exactly the data it was built from: imported data, or geodata edited since the build, builds
 * its graphs at run time.
 */
import { buildCellLinks, type CellLinks } from './cell-links';
import { type WalkGraph, buildWalkGraph, fromEdges } from './graph';
import type { GridSpec } from './grid-spec';
import { buildBarriers } from './barriers';
import type { LocalProjection } from './projection';
import { EdgeIndex } from './snap';
import type { CoverageLayers, Scenario } from './types';

export const GRAPH_ASSET_MAGIC = 'GCGR';
/** Bump whenever the layout or anything the arrays are built from changes meaning. */
export const GRAPH_ASSET_VERSION = 1;

/** What a scenario model takes prebuilt instead of building. */
export interface PrebuiltParts {
  graph: WalkGraph;
  edges: EdgeIndex;
  links: CellLinks;
}

export interface GraphAssetHeader {
  fingerprint: string;
  extent: number[];
  cellM: number;
  cols: number;
  rows: number;
  scenarios: Record<string, Record<string, [type: ArrayKind, byteOffset: number, length: number]>>;
}

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
 * A 64-bit fingerprint (hex) of what the prebuilt parts depend on: every road and water feature
 * (properties and coordinates to 1e-7°), the extent and the cell size. Two FNV-1a-style lanes.
 */
export function graphFingerprint(layers: CoverageLayers, extent: readonly number[], cellM: number): string {
  let h1 = 0x811c9dc5,
    h2 = 0x01000193 ^ 0x5bd1e995;
  const mix = (x: number) => {
    h1 = Math.imul(h1 ^ x, 0x01000193);
    h2 = Math.imul(h2 ^ x, 0x5bd1e995) ^ (h2 >>> 15);
  };
  const text = (s: string) => {
    for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
    mix(0xffff);
  };
  const coords = (c: unknown): void => {
    if (typeof c === 'number') mix(Math.round(c * 1e7) | 0);
    else if (Array.isArray(c)) {
      for (const x of c) coords(x);
      mix(0xfffe);
    }
  };
  text(`v${GRAPH_ASSET_VERSION}|${extent.slice(0, 4).join(',')}|${cellM}`);
  for (const fc of [layers.roads, layers.water]) {
    text(`layer ${fc?.features.length ?? -1}`);
    for (const f of fc?.features ?? []) {
      text(JSON.stringify(f.properties ?? null));
      text(f.geometry?.type ?? 'none');
      coords((f.geometry as { coordinates?: unknown } | null)?.coordinates);
    }
  }
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return hex(h1) + hex(h2);
}

/** Builds the parts of one scenario from GeoJSON (what the build script serialises). */
export function buildParts(
  layers: CoverageLayers,
  scenario: Scenario,
  proj: LocalProjection,
  grid: GridSpec,
): PrebuiltParts {
  const graph = buildWalkGraph(layers.roads, scenario, proj);
  const edges = new EdgeIndex(graph);
  const links = buildCellLinks(grid, graph, buildBarriers(layers.water, layers.roads, scenario, proj));
  return { graph, edges, links };
}

function partsArrays(p: PrebuiltParts): Record<string, Typed> {
  const g = p.graph;
  const e = p.edges.serial();
  return {
    nodeLng: g.nodeLng,
    nodeLat: g.nodeLat,
    nodeDense: g.nodeDense,
    edgeA: g.edgeA,
    edgeB: g.edgeB,
    edgeRoad: g.edgeRoad,
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
  };
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodeGraphAsset(
  meta: Omit<GraphAssetHeader, 'scenarios'>,
  parts: ReadonlyArray<[Scenario, PrebuiltParts]>,
): Uint8Array {
  const scenarios: GraphAssetHeader['scenarios'] = {};
  const chunks: Typed[] = [];
  let at = 0;
  for (const [scenario, p] of parts) {
    const table: GraphAssetHeader['scenarios'][string] = {};
    for (const [name, a] of Object.entries(partsArrays(p))) {
      table[name] = [kindOf(a), at, a.length];
      chunks.push(a);
      at = align8(at + a.byteLength);
    }
    scenarios[scenario] = table;
  }
  const header = new TextEncoder().encode(JSON.stringify({ ...meta, scenarios }));
  const dataStart = align8(12 + header.length);
  const out = new Uint8Array(dataStart + at);
  out.set(new TextEncoder().encode(GRAPH_ASSET_MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, GRAPH_ASSET_VERSION, true);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  let k = 0;
  for (const [, table] of Object.entries(scenarios))
    for (const [, [, off]] of Object.entries(table)) {
      const a = chunks[k++];
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + off);
    }
  return out;
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
 * The prebuilt parts of every scenario in the asset, as typed arrays over the asset's buffer (the
 * snapping index gets its own copy: kdbush reads a buffer from its start).
 */
export function decodeGraphAsset(
  buf: ArrayBuffer,
  proj: LocalProjection,
): { header: GraphAssetHeader; parts: Map<string, PrebuiltParts> } {
  const { header, dataStart } = readGraphAssetHeader(buf);
  const parts = new Map<string, PrebuiltParts>();
  for (const [scenario, table] of Object.entries(header.scenarios)) {
    const arr = <K extends ArrayKind>(name: string, kind: K): InstanceType<(typeof CTOR)[K]> => {
      const t = table[name];
      if (!t || t[0] !== kind)
        throw new Error(`Graphs asset: array ${scenario}/${name} missing or mistyped.`);
      return new CTOR[kind](buf, dataStart + t[1], t[2]) as InstanceType<(typeof CTOR)[K]>;
    };
    const graph = fromEdges(
      scenario as Scenario,
      proj,
      arr('nodeLng', 'f64'),
      arr('nodeLat', 'f64'),
      arr('edgeA', 'i32'),
      arr('edgeB', 'i32'),
      arr('edgeRoad', 'i32'),
      {
        runA: arr('runA', 'i32'),
        runB: arr('runB', 'i32'),
        runFirst: arr('runFirst', 'i32'),
        runEdges: arr('runEdges', 'i32'),
      },
    );
    graph.nodeDense.set(arr('nodeDense', 'u8'));
    const snap = arr('snapIndex', 'u8');
    const edges = new EdgeIndex(graph, {
      data: buf.slice(snap.byteOffset, snap.byteOffset + snap.byteLength),
      sampleEdge: arr('snapEdge', 'i32'),
    });
    const links: CellLinks = {
      start: arr('linkStart', 'i32'),
      node: arr('linkNode', 'i32'),
      offset: arr('linkOffset', 'f32'),
      water: arr('linkWater', 'u8'),
      nearBarrier: arr('linkNearBarrier', 'u8'),
    };
    parts.set(scenario, { graph, edges, links });
  }
  return { header, parts };
}
