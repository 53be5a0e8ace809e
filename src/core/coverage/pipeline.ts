/**
 * The whole coverage computation behind one function call, with caches at every level so that a
 * parameter change redoes only what depends on it:
 *
 *   scenario, cell size   → walk graph, snapping index, barriers, grid links, green fields  (model.ts)
 *   + smallest green      → source set: multi-source Dijkstra field, direct walks            (source-set.ts)
 *   + what-ifs            → incremental extension of that source set (no full search)
 *   any of the above      → access grid (effective metres; speed-independent)                (grid.ts)
 *   + speed, bands        → band polygons, statistics, gaps, roads by walk time
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bandPolygons } from './bands';
import { dataExtent } from './extent';
import { findGaps } from './gaps';
import { type PrebuiltParts, decodeGraphAsset, graphFingerprint, readGraphAssetHeader } from './graph-asset';
import {
  type AccessImage,
  type AccessImageResult,
  type BandTally,
  paintAccessImage,
  repaintCells,
  tallyBands,
  tallyStats,
  updateTally,
} from './access-image';
import { changedCells } from './changed-cells';
import { type AccessGrid, fillAccessGrid, updateAccessGrid } from './grid';
import { type GridSpec, makeGrid } from './grid-spec';
import { type ScenarioModel, buildScenarioModel } from './model';
import { type NearestResult, nearestGreens } from './nearest';
import { type CoverageParams, type ResolvedParams, limitsOf, resolveParams } from './params';
import { type PointInfo, pointInfo } from './point-info';
import { type LocalProjection, makeProjection, toLat, toLng } from './projection';
import { type ServiceRadiusStandard, parseStandard, radiusBuffers } from './radius';
import { radiusCovered } from './radius-cells';
import { type ResidentialRaster, rasterizeResidential } from './residential';
import type { CoverageResult, GridResult, Suggestion } from './results';
import { roadTimes } from './road-times';
import { type SourceSet, buildSourceSet, extendSourceSet } from './source-set';
import { type CoverageStats, bandStats, radiusStats, statsDelta } from './stats';
import { type CoverageLayers, type Scenario, statusInScenario } from './types';
import { type WhatIf, prepareWhatIfs } from './whatif';

export { dataExtent } from './extent';
export { type CoverageParams, type ResolvedParams, resolveParams } from './params';
export type { CoverageResult, GreenSummary, GridResult, Suggestion } from './results';
export type { AccessImageResult } from './access-image';

export class CoverageEngine {
  readonly layers: CoverageLayers;
  readonly proj: LocalProjection;
  readonly standard: ServiceRadiusStandard;
  /** [west, south, east, north] the grid covers: the study area, cropped to the data plus a margin. */
  readonly extent: [number, number, number, number];
  private readonly grids = new Map<number, { spec: GridSpec; residential: ResidentialRaster }>();
  private readonly models = new Map<string, ScenarioModel>();
  private readonly baseSets = new Map<string, SourceSet>();
  private readonly whatIfSets = new Map<string, { key: string; set: SourceSet }>();
  private readonly accessGrids = new WeakMap<SourceSet, AccessGrid>();
  private readonly radiusMasks = new WeakMap<SourceSet, Uint8Array>();
  private readonly statsCache = new WeakMap<SourceSet, Map<string, CoverageStats>>();
  private readonly buffers = new Map<Scenario, ReturnType<typeof radiusBuffers>>();
  private readonly images = new WeakMap<SourceSet, Map<string, { image: AccessImage; tally: BandTally }>>();
  /** Scenario parts from a graphs asset built for exactly these layers (see usePrebuilt). */
  private prebuilt: { cellM: number; parts: Map<string, PrebuiltParts> } | null = null;

  constructor(layers: CoverageLayers, extent?: readonly number[]) {
    if (!layers?.roads?.features || !layers.green?.features || !layers.residential?.features) {
      throw new Error('Coverage needs roads, green and residential FeatureCollections.');
    }
    this.layers = layers;
    this.standard = parseStandard(layers.standards);
    this.extent = extent ? (extent.slice(0, 4) as [number, number, number, number]) : dataExtent(layers);
    this.proj = makeProjection((this.extent[0] + this.extent[2]) / 2, (this.extent[1] + this.extent[3]) / 2);
  }

  /** Forgets source sets and everything derived from them (models stay): the next compute redoes the search. */
  clearResults(): void {
    this.baseSets.clear();
    this.whatIfSets.clear();
  }

  /**
   * Takes every scenario's walk graph, snapping index and cell links from a graphs asset (built by
   * scripts/geodata/build-graphs.ts) when it was built from exactly these roads, water, extent and
   * cell size; otherwise they are built from GeoJSON as before. Returns why it was not used, or null.
   * Throws on a file that is not a graphs asset of this format.
   */
  usePrebuilt(asset: ArrayBuffer): string | null {
    const { header } = readGraphAssetHeader(asset);
    const fingerprint = graphFingerprint(this.layers, this.extent, header.cellM);
    if (header.fingerprint !== fingerprint)
      return `The graphs asset was built from other data (${header.fingerprint}, these layers ${fingerprint}): building graphs at run time.`;
    const { spec } = this.gridFor(header.cellM);
    if (spec.cols !== header.cols || spec.rows !== header.rows)
      return `The graphs asset's grid is ${header.cols}×${header.rows}, this one ${spec.cols}×${spec.rows}: building graphs at run time.`;
    this.prebuilt = { cellM: header.cellM, parts: decodeGraphAsset(asset, this.proj).parts };
    return null;
  }

  gridFor(cellM: number): { spec: GridSpec; residential: ResidentialRaster } {
    let g = this.grids.get(cellM);
    if (!g) {
      const spec = makeGrid(this.proj, this.extent, cellM);
      g = { spec, residential: rasterizeResidential(spec, this.layers.residential) };
      this.grids.set(cellM, g);
    }
    return g;
  }

  model(scenario: Scenario, cellM: number): ScenarioModel {
    const key = `${scenario}|${cellM}`;
    let m = this.models.get(key);
    if (!m) {
      const parts = this.prebuilt?.cellM === cellM ? this.prebuilt.parts.get(scenario) : undefined;
      m = buildScenarioModel(
        this.layers,
        scenario,
        this.proj,
        this.gridFor(cellM).spec,
        this.standard,
        parts,
      );
      this.models.set(key, m);
    }
    return m;
  }

  /** The source set of a scenario, minimum size and what-if list (what-ifs extend the cached base incrementally). */
  sourceSet(p: ResolvedParams): SourceSet {
    const model = this.model(p.scenario, p.cellM);
    const baseKey = `${p.scenario}|${p.cellM}|${p.minAreaM2}`;
    let base = this.baseSets.get(baseKey);
    if (!base) {
      base = buildSourceSet(
        model,
        model.greens.filter((g) => g.ref.area_m2 >= p.minAreaM2),
      );
      this.baseSets.set(baseKey, base);
    }
    if (p.whatIfs.length === 0) return base;
    const key = JSON.stringify(p.whatIfs);
    const hit = this.whatIfSets.get(baseKey);
    if (hit && hit.key === key) return hit.set;
    const set = extendSourceSet(model, base, prepareWhatIfs(model, p.whatIfs));
    this.whatIfSets.set(baseKey, { key, set });
    return set;
  }

  accessGrid(p: ResolvedParams, set: SourceSet): AccessGrid {
    let a = this.accessGrids.get(set);
    if (!a) {
      const m = this.model(p.scenario, p.cellM);
      a = fillAccessGrid(m.grid, m.links, set.field, set.direct);
      this.accessGrids.set(set, a);
    }
    return a;
  }

  private radiusMask(p: ResolvedParams, set: SourceSet): Uint8Array {
    let mask = this.radiusMasks.get(set);
    if (!mask) {
      const m = this.model(p.scenario, p.cellM);
      // The standard's method counts every green space by its own size tiers, whatever the minimum set here.
      const whatIfs = set.greens.filter((g) => g.ref.whatIf);
      mask = radiusCovered(m.grid.cols * m.grid.rows, [...m.greens, ...whatIfs], this.standard);
      this.radiusMasks.set(set, mask);
    }
    return mask;
  }

  /** Statistics only (no polygons): used for the comparison of scenarios. Cached per source set, speed and bands. */
  stats(p: ResolvedParams, set = this.sourceSet(p)): CoverageStats {
    const key = `${p.speed}|${p.bands.join(',')}`;
    let byKey = this.statsCache.get(set);
    if (!byKey) this.statsCache.set(set, (byKey = new Map()));
    let s = byKey.get(key);
    if (!s) {
      s = this.computeStats(p, set);
      if (byKey.size > 16) byKey.clear();
      byKey.set(key, s);
    }
    return s;
  }

  private computeStats(p: ResolvedParams, set: SourceSet): CoverageStats {
    const { residential } = this.gridFor(p.cellM);
    const grid = this.accessGrid(p, set);
    const limits = limitsOf(p);
    const { bands, unreachablePopulation } = bandStats(grid.dist, residential, limits);
    let illustrative = 0;
    for (let c = 0; c < grid.dist.length; c++) {
      const gi = grid.green[c];
      if (gi >= 0 && residential.pop[c] > 0 && set.greens[gi].ref.illustrative && !set.greens[gi].ref.whatIf)
        illustrative += residential.pop[c];
    }
    return {
      totalResidentialM2: residential.totalArea,
      totalPopulation: residential.totalPop,
      bands,
      unreachablePopulation,
      illustrativePopulation: illustrative,
      radius: radiusStats(this.radiusMask(p, set), residential, this.standard.targets),
    };
  }

  compute(params: CoverageParams): CoverageResult {
    const p = resolveParams(params);
    const timings: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      timings[name] = (timings[name] ?? 0) + now - t;
      t = now;
    };
    const model = this.model(p.scenario, p.cellM);
    lap('model');
    const set = this.sourceSet(p);
    lap('sources+dijkstra');
    const grid = this.accessGrid(p, set);
    lap('grid');
    const limits = limitsOf(p);
    const bands = bandPolygons(model.grid, grid.dist, limits, p.draft ? 2 : 1);
    lap('bands');
    const stats = this.stats(p, set);
    lap('stats');
    const { residential } = this.gridFor(p.cellM);
    const gaps = findGaps(model.grid, grid.dist, limits[limits.length - 1].metres, residential);
    lap('gaps');
    const result: CoverageResult = {
      params: p,
      grid: this.gridResult(model.grid, grid, p.speed),
      greens: set.greens.map(({ ref }) => ({
        id: ref.id,
        name_zh: ref.name_zh,
        name_en: ref.name_en,
        area_m2: ref.area_m2,
        whatIf: ref.whatIf,
        illustrative: ref.illustrative,
      })),
      bands,
      gaps,
      stats,
      timings,
    };
    if (p.roadTimes) {
      const ids = this.layers.roads.features.map((f) => f.properties?.id ?? '');
      result.roadTimes = roadTimes(model.graph, set.field, p.speed, p.bands[p.bands.length - 1], ids);
      lap('roadTimes');
    }
    if (p.compare) {
      const base = { ...p, whatIfs: [] };
      const s2014 = this.stats({ ...base, scenario: '2014' });
      const s2015 = this.stats({ ...base, scenario: '2015' });
      result.scenarioStats = { '2014': s2014, '2015': s2015 };
      result.planDelta = statsDelta(s2014, s2015);
      if (p.whatIfs.length > 0) result.whatIfDelta = statsDelta(p.scenario === '2014' ? s2014 : s2015, stats);
      lap('compare');
    }
    return result;
  }

  /**
   * "Where would one more park help most?": tries a park of `areaM2` at the centre of each of the
   * `count` most populated gaps (one at a time, as incremental what-ifs) and ranks the places by the
   * people it brings within the largest band.
   */
  suggest(params: CoverageParams, count = 5, areaM2 = 10000): Suggestion[] {
    const p = resolveParams(params);
    const set = this.sourceSet(p);
    const { residential } = this.gridFor(p.cellM);
    const limits = limitsOf(p);
    const limit = limits[limits.length - 1].metres;
    const before = this.stats(p, set).bands.at(-1)!.population;
    const gaps = findGaps(
      this.model(p.scenario, p.cellM).grid,
      this.accessGrid(p, set).dist,
      limit,
      residential,
    );
    const out = gaps.slice(0, count).map((gap) => {
      const whatIf: WhatIf = {
        id: `suggest-${gap.rank}`,
        kind: 'point',
        lng: gap.centroid[0],
        lat: gap.centroid[1],
        area_m2: areaM2,
      };
      const trial = this.sourceSet({ ...p, whatIfs: [...p.whatIfs, whatIf] });
      const after = this.computeStats(p, trial).bands.at(-1)!.population;
      return {
        gapRank: gap.rank,
        lng: gap.centroid[0],
        lat: gap.centroid[1],
        areaM2,
        gapPopulation: gap.population,
        gain: after - before,
      };
    });
    // Leave the caches holding the caller's own what-ifs, not the last trial.
    this.sourceSet(p);
    return out.sort((a, b) => b.gain - a.gain);
  }

  /**
   * The access grid as an image coloured by band, with the band statistics (access-image.ts). The
   * scenario's grid without what-ifs is painted and counted once; a what-if then copies it and
   * repaints and recounts only the cells it improves, so a drag frame costs the incremental search
   * plus those cells. No polygons are traced.
   */
  accessImage(params: CoverageParams): AccessImageResult {
    const p = resolveParams(params);
    const timings: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      timings[name] = now - t;
      t = now;
    };
    const model = this.model(p.scenario, p.cellM);
    const { residential } = this.gridFor(p.cellM);
    const limits = limitsOf(p);
    const base = this.sourceSet({ ...p, whatIfs: [] });
    const key = `${p.speed}|${p.bands.join(',')}`;
    let byKey = this.images.get(base);
    if (!byKey) this.images.set(base, (byKey = new Map()));
    let painted = byKey.get(key);
    if (!painted) {
      const grid = this.accessGrid(p, base);
      painted = {
        image: paintAccessImage(model.grid, grid.dist, limits),
        tally: tallyBands(grid.dist, residential, limits),
      };
      if (byKey.size > 16) byKey.clear();
      byKey.set(key, painted);
    }
    lap('base');
    // A copy: the worker transfers the image, and the cached one must stay usable.
    const rgba = painted.image.rgba.slice();
    let tally = painted.tally;
    let changed = 0;
    if (p.whatIfs.length > 0) {
      const set = this.sourceSet(p);
      lap('sources+dijkstra');
      const baseGrid = this.accessGrid(p, base);
      const cells = changedCells(model.links, base.field, set.field, set.greens.slice(base.greens.length));
      let grid = this.accessGrids.get(set);
      if (!grid) {
        grid = updateAccessGrid(baseGrid, model.links, set.field, set.direct, cells);
        this.accessGrids.set(set, grid);
      }
      lap('grid');
      repaintCells(
        model.grid,
        grid.dist,
        limits,
        { width: model.grid.cols, height: model.grid.rows, rgba },
        cells,
      );
      tally = updateTally(tally, cells, baseGrid.dist, grid.dist, residential, limits);
      changed = cells.length;
      lap('repaint+stats');
    }
    return {
      width: model.grid.cols,
      height: model.grid.rows,
      bbox: gridBbox(model.grid),
      rgba,
      ...tallyStats(tally, residential, limits),
      changedCells: changed,
      timings,
    };
  }

  pointInfo(params: CoverageParams, lng: number, lat: number): PointInfo {
    const p = resolveParams(params);
    return pointInfo(this.model(p.scenario, p.cellM), this.sourceSet(p), lng, lat, p.speed);
  }

  nearest(params: CoverageParams, lng: number, lat: number, k = 3): NearestResult {
    const p = resolveParams(params);
    return nearestGreens(this.model(p.scenario, p.cellM), this.sourceSet(p), lng, lat, p.speed, k);
  }

  /** Straight-line service-radius buffers of the scenario's green spaces, for display (Turf buffer). */
  radiusBuffers(
    scenario: Scenario,
  ): FeatureCollection<Polygon | MultiPolygon, { id: string; radius_m: number }> {
    let fc = this.buffers.get(scenario);
    if (!fc) {
      const greens = this.layers.green.features.filter(
        (f) => f.geometry && f.properties && statusInScenario(f.properties.status, scenario),
      ) as Parameters<typeof radiusBuffers>[1];
      fc = radiusBuffers(this.standard, greens);
      this.buffers.set(scenario, fc);
    }
    return fc;
  }

  private gridResult(spec: GridSpec, grid: AccessGrid, speed: number): GridResult {
    const seconds = new Float32Array(grid.dist.length);
    for (let c = 0; c < seconds.length; c++)
      seconds[c] = grid.dist[c] === Infinity ? NaN : grid.dist[c] / speed;
    return {
      cols: spec.cols,
      rows: spec.rows,
      cellM: spec.cellM,
      bbox: gridBbox(spec),
      seconds,
      // A copy: the worker transfers result buffers, and the cached grid must stay usable.
      green: grid.green.slice(),
    };
  }
}

/** [west, south, east, north] of a grid, degrees. */
function gridBbox(spec: GridSpec): [number, number, number, number] {
  return [
    toLng(spec.proj, spec.x0),
    toLat(spec.proj, spec.y0),
    toLng(spec.proj, spec.x0 + spec.cols * spec.cellM),
    toLat(spec.proj, spec.y0 + spec.rows * spec.cellM),
  ];
}
