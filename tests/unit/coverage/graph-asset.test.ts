/**
 * The graphs asset (graph-asset.ts, scripts/geodata/build-graphs.ts): a round trip gives the graph,
 * snapping index and cell links built from GeoJSON; the build is deterministic; an asset of other
 * data is refused (graphs then build at run time) and a foreign file is rejected with a clear message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraphAsset, bundledLayers, GRAPHS_FILE } from '../../../scripts/geodata/build-graphs';
import { DEFAULT_CELL_M } from '../../../src/core/coverage/constants';
import { GRAPH_ASSET_VERSION, readGraphAssetHeader } from '../../../src/core/coverage/graph-asset';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import { SCENARIOS } from '../../../src/core/coverage/types';
import { mulberry32 } from './random';

const layers = bundledLayers();
const bytes = buildGraphAsset(layers);
const asBuffer = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

describe('graphs asset', () => {
  it('is deterministic: the same geodata gives the same bytes', () => {
    expect(Buffer.from(buildGraphAsset(bundledLayers())).equals(Buffer.from(bytes))).toBe(true);
  });

  it('round-trips to the graph, snapping index and cell links built from GeoJSON, for every scenario', () => {
    const fromGeoJson = new CoverageEngine(layers);
    const fromAsset = new CoverageEngine(layers);
    const buf = asBuffer(bytes);
    expect(fromAsset.usePrebuilt(buf)).toBeNull();
    const rnd = mulberry32(4);
    for (const scenario of SCENARIOS) {
      const a = fromGeoJson.model(scenario, DEFAULT_CELL_M);
      const b = fromAsset.model(scenario, DEFAULT_CELL_M);
      expect(b.links.node.buffer).toBe(buf); // taken from the asset, not rebuilt
      for (const k of [
        'nodeLng',
        'nodeLat',
        'nodeX',
        'nodeY',
        'nodeDense',
        'edgeA',
        'edgeB',
        'edgeM',
        'edgeRoad',
        'offsets',
        'adjTarget',
        'adjEdge',
        'adjM',
        'runA',
        'runB',
        'runFirst',
        'runEdges',
      ] as const)
        expect(Array.from(b.graph[k]), k).toEqual(Array.from(a.graph[k]));
      for (const k of ['start', 'node', 'offset', 'water', 'nearBarrier'] as const)
        expect(Array.from(b.links[k]), k).toEqual(Array.from(a.links[k]));
      // The green spaces prepared as the model builder prepares them.
      expect(b.greens.map((g) => g.ref)).toEqual(a.greens.map((g) => g.ref));
      a.greens.forEach((ga, i) => {
        const gb = b.greens[i];
        expect(gb.directOk.buffer).toBe(buf);
        for (const k of ['cells', 'dist', 'nearX', 'nearY'] as const)
          expect(Array.from(gb.field[k]), `${ga.ref.id} ${k}`).toEqual(Array.from(ga.field[k]));
        expect(Array.from(gb.directOk)).toEqual(Array.from(ga.directOk));
        for (const k of ['green', 'x', 'y', 'edge', 't', 'leg'] as const)
          expect(Array.from(gb.points[k]), `${ga.ref.id} ${k}`).toEqual(Array.from(ga.points[k]));
      });
      const [w, s, e, n] = fromGeoJson.extent;
      for (let q = 0; q < 50; q++) {
        const x = a.grid.x0 + rnd() * a.grid.cols * a.grid.cellM,
          y = a.grid.y0 + rnd() * a.grid.rows * a.grid.cellM;
        expect(b.edges.edgesNear(x, y, 200)).toEqual(a.edges.edgesNear(x, y, 200));
      }
      // And the answers: same statistics and the same nearest parks.
      const ra = fromGeoJson.compute({ scenario, compare: false, roadTimes: false }),
        rb = fromAsset.compute({ scenario, compare: false, roadTimes: false });
      expect(rb.stats).toEqual(ra.stats);
      const lng = w + (e - w) * 0.5,
        lat = s + (n - s) * 0.5;
      expect(fromAsset.nearest({ scenario }, lng, lat)).toEqual(fromGeoJson.nearest({ scenario }, lng, lat));
    }
  }, 120_000); // builds every scenario of the real zone twice: slow on a loaded machine

  it('carries the residential raster rasterised from the blocks', () => {
    const fromGeoJson = new CoverageEngine(layers).gridFor(DEFAULT_CELL_M).residential;
    const fromAsset = new CoverageEngine(layers);
    const buf = asBuffer(bytes);
    expect(fromAsset.usePrebuilt(buf)).toBeNull();
    const r = fromAsset.gridFor(DEFAULT_CELL_M).residential;
    expect(r.pop.buffer).toBe(buf);
    for (const k of ['area', 'pop', 'block'] as const)
      expect(Array.from(r[k]), k).toEqual(Array.from(fromGeoJson[k]));
    expect([r.totalArea, r.totalPop]).toEqual([fromGeoJson.totalArea, fromGeoJson.totalPop]);
  });

  it('is refused when green spaces, blocks or the standard differ (they are prepared in it too)', () => {
    const extent = new CoverageEngine(layers).extent;
    const buf = asBuffer(bytes);
    const green = structuredClone(layers);
    green.green.features[0].properties.area_m2 += 1;
    const blocks = structuredClone(layers);
    blocks.residential.features[0].properties.population =
      (blocks.residential.features[0].properties.population ?? 0) + 1;
    const standard = {
      ...layers,
      standard: {
        ...layers.standard!,
        tiers: layers.standard!.tiers.map((t) => ({ ...t, radiusM: t.radiusM + 1 })),
      },
    };
    for (const edited of [green, blocks, standard])
      expect(new CoverageEngine(edited, extent).usePrebuilt(buf)).toMatch(/built from other data/);
  });

  it('is refused for other data (imported or edited roads build at run time)', () => {
    const edited = structuredClone(layers);
    const f = edited.roads.features.find((r) => r.geometry.type === 'LineString')!;
    (f.geometry.coordinates as number[][])[0][0] += 1e-5;
    const engine = new CoverageEngine(edited, new CoverageEngine(layers).extent);
    const buf = asBuffer(bytes);
    expect(engine.usePrebuilt(buf)).toMatch(/built from other data/);
    expect(engine.model(SCENARIOS[0], DEFAULT_CELL_M).links.node.buffer).not.toBe(buf);
  });

  it('rejects a file that is not a graphs asset, or of another format version, saying how to rebuild', () => {
    const engine = new CoverageEngine(layers);
    expect(() => engine.usePrebuilt(new TextEncoder().encode('{"type":"FeatureCollection"}').buffer)).toThrow(
      /Not a graphs asset.*npm run data:graphs/,
    );
    const old = bytes.slice();
    new DataView(old.buffer).setUint32(4, GRAPH_ASSET_VERSION + 1, true);
    expect(() => engine.usePrebuilt(asBuffer(old))).toThrow(/format \d+, this app reads \d+/);
  });

  it('the built asset in public/ (if present) matches the geodata: rebuild with npm run data:graphs', () => {
    if (!existsSync(GRAPHS_FILE)) return; // built by `npm run build` / `vite`; a fresh clone has none yet
    const disk = readFileSync(GRAPHS_FILE);
    expect(readGraphAssetHeader(asBuffer(disk)).header.fingerprint).toBe(
      readGraphAssetHeader(asBuffer(bytes)).header.fingerprint,
    );
  });
});
