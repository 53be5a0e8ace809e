/**
 * The graphs asset (graph-asset.ts, scripts/geodata/build-graphs.ts): a round trip gives the graph,
 * snapping index and cell links built from GeoJSON, for each scenario and each without its guessed
 * features, and the default answer equals a fresh search; the build is deterministic; an asset of
 * other data is refused (graphs then build at run time) and a foreign file is rejected with a clear
 * message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraphAsset, bundledLayers, GRAPHS_FILE } from '../../../scripts/geodata/build-graphs';
import { DEFAULT_CELL_M } from '../../../src/core/coverage/constants';
import { GRAPH_ASSET_VERSION, readGraphAssetHeader, sureKey } from '../../../src/core/coverage/graph-asset';
import { CoverageEngine, resolveParams } from '../../../src/core/coverage/pipeline';
import { fillAccessGrid } from '../../../src/core/coverage/grid';
import { limitsOf } from '../../../src/core/coverage/params';
import { buildSourceSet, selectGreens } from '../../../src/core/coverage/source-set';
import { bandStats } from '../../../src/core/coverage/stats';
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
    const keys = Object.keys(readGraphAssetHeader(buf).header.scenarios);
    for (const [scenario, sure] of SCENARIOS.flatMap((s) => [[s, false] as const, [s, true] as const])) {
      // The bundled data has guessed roads in every scenario: each has its own network without them.
      expect(keys).toContain(sure ? sureKey(scenario) : scenario);
      const a = fromGeoJson.model(scenario, DEFAULT_CELL_M, sure);
      const b = fromAsset.model(scenario, DEFAULT_CELL_M, sure);
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
      if (sure) continue; // the answers below carry their range without guesses
      // The default answer: the search done at build time equals one done now.
      const p = resolveParams({ scenario });
      const setB = fromAsset.sourceSet(p);
      expect(setB.settled).toBe(0); // not searched: the asset's field
      const fresh = buildSourceSet(a, selectGreens(a.greens, p.minAreaM2, p.greenRule));
      expect(Array.from(setB.field.dist)).toEqual(Array.from(fresh.field.dist));
      expect(Array.from(setB.field.rec)).toEqual(Array.from(fresh.field.rec));
      // Its access grid, stored too, equals a fill now.
      const gridB = fromAsset.accessGrid(p, setB);
      expect(gridB.dist.buffer).toBe(buf);
      const gridA = fillAccessGrid(a.grid, a.links, fresh.field, fresh.direct);
      expect(Array.from(gridB.dist)).toEqual(Array.from(gridA.dist));
      expect(Array.from(gridB.green)).toEqual(Array.from(gridA.green));
      // And the answers: same statistics (with their range without guesses) and the same nearest parks.
      const ra = fromGeoJson.compute({ scenario, compare: false, roadTimes: false }),
        rb = fromAsset.compute({ scenario, compare: false, roadTimes: false });
      expect(rb.stats).toEqual(ra.stats);
      // Both with and without guesses, equal to band statistics of a full grid (the engine fills
      // only residential cells for statistics).
      const res = fromAsset.gridFor(DEFAULT_CELL_M).residential;
      for (const [sure, stats] of [
        [false, rb.stats],
        [true, rb.stats.withoutGuessed!],
      ] as const) {
        const m = fromAsset.model(scenario, DEFAULT_CELL_M, sure);
        const set = fromAsset.sourceSet(p, sure);
        const full = bandStats(fillAccessGrid(m.grid, m.links, set.field, set.direct).dist, res, limitsOf(p));
        expect(stats.bands).toEqual(full.bands);
        expect(stats.unreachablePopulation).toBe(full.unreachablePopulation);
      }
      const lng = w + (e - w) * 0.5,
        lat = s + (n - s) * 0.5;
      expect(fromAsset.nearest({ scenario }, lng, lat)).toEqual(fromGeoJson.nearest({ scenario }, lng, lat));
    }
  }, 120_000); // builds every scenario of the real zone twice: slow on a loaded machine

  it('gives the engine its extent, equal to the one computed from the layers', () => {
    const buf = asBuffer(bytes);
    const { engine, why } = CoverageEngine.withAsset(layers, buf);
    expect(why).toBeNull();
    expect(engine.extent).toEqual(new CoverageEngine(layers).extent);
    expect(engine.model(SCENARIOS[0], DEFAULT_CELL_M).links.node.buffer).toBe(buf);
    // Other data: the extent is computed from the layers, and the asset is refused.
    const edited = structuredClone(layers);
    (
      edited.roads.features.find((r) => r.geometry.type === 'LineString')!.geometry.coordinates as number[][]
    )[0][0] += 1e-3;
    const other = CoverageEngine.withAsset(edited, buf);
    expect(other.why).toMatch(/built from other data/);
    expect(other.engine.extent).toEqual(new CoverageEngine(edited).extent);
  });

  it('after clearResults the default answer is searched again, with the same field', () => {
    const { engine } = CoverageEngine.withAsset(layers, asBuffer(bytes));
    const p = resolveParams({ scenario: '2015' });
    const before = engine.sourceSet(p);
    engine.clearResults();
    const after = engine.sourceSet(p);
    expect(after.settled).toBeGreaterThan(0);
    expect(Array.from(after.field.dist)).toEqual(Array.from(before.field.dist));
  });

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
