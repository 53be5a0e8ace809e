/**
 * The whole coverage computation behind one function call, with caches at every level so that a
 * parameter change redoes only what depends on it:
 *
 *   scenario, cell size   → walk graph, snapping index, barriers, grid links, green fields  (model.ts)
 *     (and once more without guessed features, only if a guessed road changes the network) (guesses.ts)
 *   + smallest green, rule → source set: multi-source Dijkstra field, direct walks           (source-set.ts)
 *     (and the source set without guessed features: the other end of every range)      (without-guessed.ts)
 *   + what-ifs            → incremental extension of that source set (no full search)
 *   any of the above      → access grid (effective metres; speed-independent)                (grid.ts)
 *   + speed, bands        → band polygons, statistics, gaps, roads by walk time
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bandPolygons } from './bands';
import { dataExtent } from './extent';
import { OUTLINED_GAPS, findGaps } from './gaps';
import {
  type GraphAssetHeader,
  type PrebuiltParts,
  decodeGraphAsset,
  graphFingerprint,
  readGraphAssetHeader,
  sureKey,
} from './graph-asset';
import { type NearestField, copyField } from './dijkstra';
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
import { type AccessGrid, accessValues, fillAccessGrid, updateAccessGrid } from './grid';
import { type GridSpec, makeGrid } from './grid-spec';
import { type PreparedGreen, type ScenarioModel, buildScenarioModel } from './model';
import { nearestGreens } from './nearest';
import { type CoverageParams, type ResolvedParams, limitsOf, resolveParams } from './params';
import { pointInfo } from './point-info';
import { type LocalProjection, makeProjection, toLat, toLng } from './projection';
import { DEFAULT_STANDARD, type ServiceRadiusStandard, radiusBuffers } from './radius';
import { radiusCovered } from './radius-cells';
import { type ResidentialRaster, rasterizeResidential } from './residential';
import type { CoverageResult, GridResult, ScenarioComparison, Suggestion } from './results';
import { roadTimes } from './road-times';
import { memo } from './memo';
import { stopwatch } from './stopwatch';
import {
  type SourceSet,
  buildSourceSet,
  extendSourceSet,
  selectGreens,
  sourceSetWithField,
} from './source-set';
import { type CoverageStats, type RadiusStat, radiusStats, statsDelta } from './stats';
import {
  type ResidentialAccess,
  type ResidentialCounts,
  countResidential,
  residentialAccess,
  residentialCells,
  residentialFromGrid,
} from './residential-access';
import { type CoverageLayers, type Scenario, inScenario } from './types';
import { type WhatIf, prepareWhatIfs } from './whatif';
import { DEFAULT_GREEN_RULE, type GreenRule, countsAsGreen } from './green-class';
import { roadGuessed, withoutGuesses } from './guesses';
import { type ScenarioInfo, assumedOpen, scenariosOf } from './scenarios';
import {
  type NearestRanged,
  type PointInfoRanged,
  gapRanges,
  nearestRanged,
  pointInfoRanged,
} from './without-guessed';

export { dataExtent } from './extent';
export { type CoverageParams, type ResolvedParams, resolveParams } from './params';
export type { CoverageResult, GreenSummary, GridResult, ScenarioComparison, Suggestion } from './results';
export type { AccessImageResult } from './access-image';
export type { NearestRanged, PointInfoRanged } from './without-guessed';

/** The scenarios the comparison computes (each with its range without guessed features). */
const COMPARED: readonly ['2014', '2015', 'today'] = ['2014', '2015', 'today'];

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
  /**
   * The standard's covered cells and rate per model and green rule (sets without what-ifs), and the
   * rate per set with what-ifs (the model's cells plus the what-ifs' own).
   */
  private readonly radiusByModel = new WeakMap<
    ScenarioModel,
    Map<GreenRule, { covered: Uint8Array; stat: RadiusStat }>
  >();
  private readonly radiusBySet = new WeakMap<SourceSet, RadiusStat>();
  private readonly statsCache = new WeakMap<SourceSet, Map<string, CoverageStats>>();
  private readonly buffers = new Map<string, ReturnType<typeof radiusBuffers>>();
  /** The model each source set was built on (a set without guesses may have its own network). */
  private readonly setModels = new WeakMap<SourceSet, ScenarioModel>();
  private readonly guessedRoads = new Map<Scenario, { guessed: number; assumed: number }>();
  private years: { scenarios: ScenarioInfo[]; latestYear: number } | null = null;
  private readonly polygonCache = new WeakMap<SourceSet, Map<string, CoverageResult['bands']>>();
  private readonly images = new WeakMap<SourceSet, Map<string, { image: AccessImage; tally: BandTally }>>();
  /** Scenario parts from a graphs asset built for exactly these layers (see usePrebuilt). */
  private prebuilt: {
    cellM: number;
    parts: Map<string, () => PrebuiltParts>;
    defaults: GraphAssetHeader['defaults'];
  } | null = null;
  /** The default source set's search field (and grid) of each model built from the asset (until clearResults). */
  private prebuiltFields = new WeakMap<
    ScenarioModel,
    { field: NearestField; grid?: { dist: Float32Array; green: Int32Array } }
  >();
  /** The residential cells' values of each source set: all that statistics and gaps read. */
  private readonly residentialValues = new WeakMap<SourceSet, ResidentialAccess>();

  constructor(layers: CoverageLayers, extent?: readonly number[]) {
    if (!layers?.roads?.features || !layers.green?.features || !layers.residential?.features) {
      throw new Error('Coverage needs roads, green and residential FeatureCollections.');
    }
    this.layers = layers;
    this.standard = layers.standard ?? DEFAULT_STANDARD;
    this.extent = extent ? (extent.slice(0, 4) as [number, number, number, number]) : dataExtent(layers);
    this.proj = makeProjection((this.extent[0] + this.extent[2]) / 2, (this.extent[1] + this.extent[3]) / 2);
  }

  /**
   * Forgets source sets and everything derived from them (models stay), and the asset's default
   * answers: the next compute redoes the search.
   */
  clearResults(): void {
    this.baseSets.clear();
    this.whatIfSets.clear();
    this.prebuiltFields = new WeakMap();
  }

  /**
   * An engine on these layers with the graphs asset applied when it was built from exactly them:
   * the extent is then the asset's (the same `dataExtent` of the same layers, which the fingerprint
   * covers, so it is not walked again). Returns the engine and why the asset was not used, or null.
   * Throws on a file that is not a graphs asset of this format.
   */
  static withAsset(
    layers: CoverageLayers,
    asset: ArrayBuffer,
    extent?: readonly number[],
  ): { engine: CoverageEngine; why: string | null } {
    if (!extent) {
      const { header } = readGraphAssetHeader(asset);
      const engine = new CoverageEngine(layers, header.extent);
      const fingerprint = graphFingerprint(layers, header.extent, header.cellM, engine.standard);
      if (fingerprint === header.fingerprint) return { engine, why: engine.applyAsset(asset, header) };
    }
    const engine = new CoverageEngine(layers, extent);
    return { engine, why: engine.usePrebuilt(asset) };
  }

  /**
   * Takes every scenario's walk graph, snapping index, cell links and prepared green spaces, and the
   * residential raster, from a graphs asset (built by scripts/geodata/build-graphs.ts) when it was
   * built from exactly these layers, standard, extent and cell size; otherwise they are built from
   * GeoJSON as before. Returns why it was not used, or null.
   * Throws on a file that is not a graphs asset of this format.
   */
  usePrebuilt(asset: ArrayBuffer): string | null {
    const { header } = readGraphAssetHeader(asset);
    const fingerprint = graphFingerprint(this.layers, this.extent, header.cellM, this.standard);
    if (header.fingerprint !== fingerprint)
      return `The graphs asset was built from other data (${header.fingerprint}, these layers ${fingerprint}): building graphs at run time.`;
    return this.applyAsset(asset, header);
  }

  /** Takes the asset's parts (its fingerprint already checked against these layers and extent). */
  private applyAsset(asset: ArrayBuffer, header: GraphAssetHeader): string | null {
    const spec = makeGrid(this.proj, this.extent, header.cellM);
    if (spec.cols !== header.cols || spec.rows !== header.rows)
      return `The graphs asset's grid is ${header.cols}×${header.rows}, this one ${spec.cols}×${spec.rows}: building graphs at run time.`;
    const { parts, residential } = decodeGraphAsset(asset, this.proj);
    this.prebuilt = { cellM: header.cellM, parts, defaults: header.defaults };
    this.grids.set(header.cellM, { spec, residential });
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

  /** 2014, the plan, each year a feature opened, and today, with the latest year sourced (scenarios.ts). */
  get timeline(): { scenarios: ScenarioInfo[]; latestYear: number } {
    return (this.years ??= scenariosOf(this.layers));
  }

  /**
   * The model of a scenario, or (withoutGuessed) the same without its guessed features: the same
   * network and prepared green spaces when no guessed road is walkable in it, else built again
   * from the layers with those roads left out.
   */
  model(scenario: Scenario, cellM: number, withoutGuessed = false): ScenarioModel {
    const key = `${scenario}|${cellM}${withoutGuessed ? '|sure' : ''}`;
    let m = this.models.get(key);
    if (!m) {
      const spec = this.gridFor(cellM).spec;
      // Graph, snapping index, cell links, prepared green spaces and the default search field from
      // the graphs asset when it matches (usePrebuilt), for the scenario and for it without guesses.
      const prebuilt = (key: string) =>
        this.prebuilt?.cellM === cellM ? this.prebuilt.parts.get(key)?.() : undefined;
      let parts: PrebuiltParts | undefined;
      if (!withoutGuessed) {
        parts = prebuilt(scenario);
        m = buildScenarioModel(this.layers, scenario, this.proj, spec, this.standard, parts);
      } else {
        const sure = withoutGuesses(this.layers, scenario);
        if (sure.roadsChanged) {
          parts = prebuilt(sureKey(scenario));
          m = buildScenarioModel(sure.layers, scenario, this.proj, spec, this.standard, parts);
        } else {
          const full = this.model(scenario, cellM);
          m = { ...full, greens: full.greens.filter((g) => !g.ref.guessed) };
        }
      }
      if (parts?.field) this.prebuiltFields.set(m, { field: parts.field, grid: parts.grid });
      this.models.set(key, m);
    }
    return m;
  }

  /**
   * The source set of a scenario, minimum size, green rule and what-if list (what-ifs extend the
   * cached base incrementally); withoutGuessed: the same without guessed features, what-ifs kept.
   * Cached by the green spaces the minimum size and rule select, not by their values: a new
   * minimum that selects the same ones (the zone's are all far above 1,000 m²) searches nothing.
   */
  sourceSet(p: ResolvedParams, withoutGuessed = false): SourceSet {
    const model = this.model(p.scenario, p.cellM, withoutGuessed);
    const greens = selectGreens(model.greens, p.minAreaM2, p.greenRule);
    const baseKey = baseKeyOf(p, model, greens, withoutGuessed);
    let base = this.baseSets.get(baseKey);
    if (!base) {
      // The asset's default answer: the same search, done at build time (a copy: sets are never
      // lowered in place, but the asset's views must stay as built).
      const pre = this.prebuiltFields.get(model);
      const d = this.prebuilt?.defaults;
      if (pre && d && p.minAreaM2 === d.minAreaM2 && p.greenRule === d.greenRule) {
        base = sourceSetWithField(model, greens, copyField(pre.field));
        // Its access grid as built (views over the asset: grids are never changed in place).
        if (pre.grid) this.accessGrids.set(base, { spec: model.grid, ...pre.grid });
      } else base = buildSourceSet(model, greens);
      this.setModels.set(base, model);
      this.baseSets.set(baseKey, base);
    }
    if (p.whatIfs.length === 0) return base;
    const key = JSON.stringify(p.whatIfs);
    const hit = this.whatIfSets.get(baseKey);
    if (hit && hit.key === key) return hit.set;
    const set = extendSourceSet(model, base, prepareWhatIfs(model, p.whatIfs));
    this.setModels.set(set, model);
    this.whatIfSets.set(baseKey, { key, set });
    return set;
  }

  private modelOf(p: ResolvedParams, set: SourceSet): ScenarioModel {
    return this.setModels.get(set) ?? this.model(p.scenario, p.cellM);
  }

  accessGrid(p: ResolvedParams, set: SourceSet): AccessGrid {
    let a = this.accessGrids.get(set);
    if (!a) {
      const m = this.modelOf(p, set);
      a = fillAccessGrid(m.grid, m.links, set.field, set.direct);
      this.accessGrids.set(set, a);
    }
    return a;
  }

  /**
   * The residential cells' values of a source set and, when they are filled now, their counts at
   * these parameters: read from the full grid when it is there, else filled from the search field
   * with the statistics counted in the same pass (residential-access.ts), a tenth of a grid's cells.
   */
  private residential(
    p: ResolvedParams,
    set: SourceSet,
  ): { access: ResidentialAccess; counts?: ResidentialCounts } {
    let access = this.residentialValues.get(set);
    if (access) return { access };
    const { residential } = this.gridFor(p.cellM);
    const full = this.accessGrids.get(set);
    let counts: ResidentialCounts | undefined;
    if (full) access = residentialFromGrid(full, residential);
    else {
      const m = this.modelOf(p, set);
      ({ access, counts } = residentialAccess(
        m.links,
        set.field,
        set.direct,
        residential,
        limitsOf(p),
        illustrativeFlags(set),
      ));
    }
    this.residentialValues.set(set, access);
    return { access, counts };
  }

  /**
   * The standard's service-radius rate. It counts every green space by its own size tiers, whatever
   * the minimum set here, and what counts as green follows the rule (the standard counts park
   * green, G1): without what-ifs it depends on the model and the rule alone, so a change of the
   * smallest green space keeps it.
   */
  private radius(p: ResolvedParams, set: SourceSet): RadiusStat {
    const m = this.modelOf(p, set);
    const { residential } = this.gridFor(p.cellM);
    const cells = m.grid.cols * m.grid.rows;
    const count = (mask: Uint8Array) =>
      radiusStats(mask, residential, this.standard.targets, residentialCells(residential));
    let byRule = this.radiusByModel.get(m);
    if (!byRule) this.radiusByModel.set(m, (byRule = new Map()));
    let base = byRule.get(p.greenRule);
    if (!base) {
      const greens = m.greens.filter((g) => countsAsGreen(g.ref, p.greenRule));
      const covered = radiusCovered(cells, greens, this.standard);
      base = { covered, stat: count(covered) };
      byRule.set(p.greenRule, base);
    }
    const whatIfs = set.greens.filter((g) => g.ref.whatIf);
    if (whatIfs.length === 0) return base.stat;
    let r = this.radiusBySet.get(set);
    if (!r) {
      // The model's covered cells, plus the what-ifs' (not every green space's cells again).
      r = count(radiusCovered(cells, whatIfs, this.standard, base.covered.slice()));
      this.radiusBySet.set(set, r);
    }
    return r;
  }

  /** Statistics only (no polygons): used for the comparison of scenarios. Cached per source set, speed and bands. */
  stats(p: ResolvedParams, set = this.sourceSet(p)): CoverageStats {
    const key = `${p.speed}|${p.bands.join(',')}`;
    return memo(this.statsCache, set, key, 16, () => this.computeStats(p, set));
  }

  /**
   * Statistics with their range: the figures, what in them is guessed, and the same figures without
   * the guessed features (one more source set and search; cached like the first).
   */
  statsWithRange(p: ResolvedParams): CoverageStats {
    const set = this.sourceSet(p);
    const s = this.stats(p, set);
    if (s.withoutGuessed) return s;
    const ids = guessedIds(set);
    const roads = this.guessedRoadCount(p.scenario);
    const assumedGreens = set.greens.filter(
      (g) =>
        g.ref.feature >= 0 && assumedOpen(this.layers.green.features[g.ref.feature].properties, p.scenario),
    ).length;
    s.guesses = {
      greens: ids.size,
      greenIds: [...ids],
      roads: roads.guessed,
      assumedOpen: { greens: assumedGreens, roads: roads.assumed },
    };
    s.withoutGuessed = this.restsOnGuesses(p, set)
      ? this.stats(p, this.sourceSet(p, true))
      : { ...s, withoutGuessed: undefined };
    return s;
  }

  /** Whether anything in a computation is guessed (if not, the answer without guesses is the same). */
  private restsOnGuesses(p: ResolvedParams, set: SourceSet): boolean {
    return guessedIds(set).size > 0 || this.guessedRoadCount(p.scenario).guessed > 0;
  }

  /** Walkable roads of a scenario that are guessed, and of them those counted open by assumption. */
  private guessedRoadCount(scenario: Scenario): { guessed: number; assumed: number } {
    let n = this.guessedRoads.get(scenario);
    if (!n) {
      const roads = this.layers.roads.features.filter((f) => {
        const q = f.properties;
        return !!q && !!f.geometry && q.walkable && inScenario(q, scenario) && roadGuessed(q, scenario);
      });
      n = {
        guessed: roads.length,
        assumed: roads.filter((f) => assumedOpen(f.properties, scenario)).length,
      };
      this.guessedRoads.set(scenario, n);
    }
    return n;
  }

  private computeStats(p: ResolvedParams, set: SourceSet): CoverageStats {
    const { residential } = this.gridFor(p.cellM);
    const { access, counts: filled } = this.residential(p, set);
    const counts = filled ?? countResidential(access, residential, limitsOf(p), illustrativeFlags(set));
    return {
      totalResidentialM2: residential.totalArea,
      totalPopulation: residential.totalPop,
      bands: counts.bands,
      unreachablePopulation: counts.unreachablePopulation,
      illustrativePopulation: counts.illustrativePopulation,
      radius: this.radius(p, set),
    };
  }

  compute(params: CoverageParams): CoverageResult {
    const p = resolveParams(params);
    const { timings, lap } = stopwatch();
    const model = this.model(p.scenario, p.cellM);
    lap('model');
    const set = this.sourceSet(p);
    lap('sources+dijkstra');
    // The full grid and the polygons only when asked for: the map draws the access image, and the
    // app asks for the outlines (and exports, print) in idle time. Statistics and gaps read the
    // residential cells alone.
    const grid = p.polygons ? this.accessGrid(p, set) : null;
    lap('grid');
    const bands = grid ? this.bandPolygons(p, set, model.grid, grid) : NO_BANDS;
    lap('bands');
    const stats = p.draft ? this.stats(p, set) : this.statsWithRange(p);
    lap('stats');
    const { residential } = this.gridFor(p.cellM);
    const limits = limitsOf(p);
    const limitM = limits[limits.length - 1].metres;
    const access = this.residential(p, set).access;
    // Gap outlines are polygons too: only when polygons are asked for.
    const gaps = findGaps(model.grid, access, limitM, residential, p.polygons ? OUTLINED_GAPS : 0);
    lap('gaps');
    if (!p.draft) {
      const sure = this.restsOnGuesses(p, set) ? this.residential(p, this.sourceSet(p, true)).access : access;
      gapRanges(gaps, model.grid.cols, model.grid.rows, sure, limitM, residential);
      lap('withoutGuessed');
    }
    const result: CoverageResult = {
      params: p,
      greens: set.greens.map(({ ref }) => ({
        id: ref.id,
        name_zh: ref.name_zh,
        name_en: ref.name_en,
        area_m2: ref.area_m2,
        whatIf: ref.whatIf,
        illustrative: ref.illustrative,
        guessed: ref.guessed,
        green_class: ref.green_class,
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
      if (p.deferCompare && !this.comparisonReady(p)) result.comparisonDeferred = true;
      else Object.assign(result, this.compareScenarios(p));
      lap('compare');
    }
    return result;
  }

  /**
   * The comparison of scenarios: 2014 as built, the 2015 plan and today without what-ifs, each with
   * its range without guessed features, their differences, and what the what-ifs change in this
   * scenario. What a result carries when params.compare (asked for apart when it deferred it).
   */
  comparison(params: CoverageParams): ScenarioComparison {
    return this.compareScenarios(resolveParams(params));
  }

  private compareScenarios(p: ResolvedParams): ScenarioComparison {
    const base = { ...p, whatIfs: [] };
    const [s2014, s2015, today] = COMPARED.map((scenario) => this.statsWithRange({ ...base, scenario }));
    const out: ScenarioComparison = {
      scenarioStats: { '2014': s2014, '2015': s2015, today },
      planDelta: statsDelta(s2014, s2015),
      todayDelta: statsDelta(s2014, today),
    };
    if (p.whatIfs.length > 0) out.whatIfDelta = statsDelta(this.stats(base), this.stats(p));
    return out;
  }

  /**
   * Whether the comparison needs no search not done yet: every compared scenario's source set (and
   * the one without guesses, where its figures rest on guesses) is there, so it only counts cached
   * values. A what-if or a new speed keeps it ready; a new smallest green space does not.
   */
  private comparisonReady(p: ResolvedParams): boolean {
    return COMPARED.every((scenario) => {
      const q = { ...p, scenario, whatIfs: [] };
      const key = (sure: boolean) => {
        const m = this.models.get(`${scenario}|${p.cellM}${sure ? '|sure' : ''}`);
        return m && baseKeyOf(q, m, selectGreens(m.greens, p.minAreaM2, p.greenRule), sure);
      };
      const k = key(false);
      const set = k && this.baseSets.get(k);
      if (!set) return false;
      const sure = key(true);
      return (!!sure && this.baseSets.has(sure)) || !this.restsOnGuesses(q, set);
    });
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
      this.residential(p, set).access,
      limit,
      residential,
      0,
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
    const { timings, lap } = stopwatch();
    const model = this.model(p.scenario, p.cellM);
    const { residential } = this.gridFor(p.cellM);
    const limits = limitsOf(p);
    const base = this.sourceSet({ ...p, whatIfs: [] });
    const painted = memo(this.images, base, `${p.speed}|${p.bands.join(',')}`, 16, () => {
      const grid = this.accessGrid(p, base);
      return {
        image: paintAccessImage(model.grid, grid.dist, limits),
        tally: tallyBands(grid.dist, residential, limits),
      };
    });
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
      // A dropped park's grid is kept for the result that follows; a drag frame computes the
      // changed cells alone (no copy of the whole grid).
      if (!grid && !p.draft) {
        grid = updateAccessGrid(baseGrid, model.links, set.field, set.direct, cells);
        this.accessGrids.set(set, grid);
      }
      const kept = grid;
      const values = kept
        ? Float32Array.from(cells, (c) => kept.dist[c])
        : accessValues(model.links, set.field, set.direct, cells);
      lap('grid');
      repaintCells(
        model.grid,
        values,
        limits,
        { width: model.grid.cols, height: model.grid.rows, rgba },
        cells,
      );
      tally = updateTally(tally, cells, baseGrid.dist, values, residential, limits);
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

  /** The nearest green space from a place, and (where it rests on a guess) the answer without guesses. */
  pointInfo(params: CoverageParams, lng: number, lat: number): PointInfoRanged {
    const p = resolveParams(params);
    const set = this.sourceSet(p);
    const main = pointInfo(this.model(p.scenario, p.cellM), set, lng, lat, p.speed);
    if (!this.restsOnGuesses(p, set)) return pointInfoRanged(main, main, guessedIds(set));
    const sureSet = this.sourceSet(p, true);
    const sure = pointInfo(this.modelOf(p, sureSet), sureSet, lng, lat, p.speed);
    return pointInfoRanged(main, sure, guessedIds(set));
  }

  /**
   * The k nearest green spaces by walking time, each marked when guessed, and (where the nearest
   * rests on a guess: a guessed park or a walk over a guessed road) the nearest without guesses.
   */
  nearest(params: CoverageParams, lng: number, lat: number, k = 3): NearestRanged {
    const p = resolveParams(params);
    const set = this.sourceSet(p);
    const main = nearestGreens(this.model(p.scenario, p.cellM), set, lng, lat, p.speed, k);
    if (!this.restsOnGuesses(p, set)) return nearestRanged(main, main, guessedIds(set));
    const sureSet = this.sourceSet(p, true);
    const sure = nearestGreens(this.modelOf(p, sureSet), sureSet, lng, lat, p.speed, 1);
    return nearestRanged(main, sure, guessedIds(set));
  }

  /** Straight-line service-radius buffers of the scenario's green spaces, for display (Turf buffer). */
  radiusBuffers(
    scenario: Scenario,
    greenRule: GreenRule = DEFAULT_GREEN_RULE,
  ): FeatureCollection<Polygon | MultiPolygon, { id: string; radius_m: number }> {
    const key = `${scenario}|${greenRule}`;
    let fc = this.buffers.get(key);
    if (!fc) {
      const greens = this.layers.green.features.filter(
        (f) =>
          f.geometry &&
          f.properties &&
          inScenario(f.properties, scenario) &&
          countsAsGreen(f.properties, greenRule),
      ) as Parameters<typeof radiusBuffers>[1];
      fc = radiusBuffers(this.standard, greens);
      this.buffers.set(key, fc);
    }
    return fc;
  }

  /** Band polygons of a source set at a speed and bands, traced once and cached. */
  private bandPolygons(
    p: ResolvedParams,
    set: SourceSet,
    spec: GridSpec,
    grid: AccessGrid,
  ): CoverageResult['bands'] {
    const key = `${p.speed}|${p.bands.join(',')}|${p.draft ? 2 : 1}`;
    return memo(this.polygonCache, set, key, 8, () =>
      bandPolygons(spec, grid.dist, limitsOf(p), p.draft ? 2 : 1),
    );
  }

  /**
   * The access grid in walk seconds and nearest green per cell (not part of a result: the map draws
   * the access image; tests and tools ask for the grid itself).
   */
  gridResult(params: CoverageParams): GridResult {
    const p = resolveParams(params);
    const set = this.sourceSet(p);
    const spec = this.modelOf(p, set).grid;
    const grid = this.accessGrid(p, set);
    const speed = p.speed;
    const seconds = new Float32Array(grid.dist.length);
    for (let c = 0; c < seconds.length; c++)
      seconds[c] = grid.dist[c] === Infinity ? NaN : grid.dist[c] / speed;
    return {
      cols: spec.cols,
      rows: spec.rows,
      cellM: spec.cellM,
      bbox: gridBbox(spec),
      seconds,
      // A copy: the cached grid must stay as it is.
      green: grid.green.slice(),
    };
  }
}

const NO_BANDS: CoverageResult['bands'] = { type: 'FeatureCollection', features: [] };

/**
 * The cache key of a scenario's source set without what-ifs (and of the one without guesses): which
 * of the model's green spaces are selected, one digit each.
 */
function baseKeyOf(
  p: ResolvedParams,
  model: ScenarioModel,
  selected: readonly PreparedGreen[],
  withoutGuessed = false,
): string {
  const chosen = new Set(selected);
  const mask = model.greens.map((g) => (chosen.has(g) ? 1 : 0)).join('');
  return `${p.scenario}|${p.cellM}${withoutGuessed ? '|sure' : ''}|${mask}`;
}

const illustrativeCache = new WeakMap<SourceSet, Uint8Array>();
/** Per green index of a set: 1 where its people count as resting on an illustrative green space (what-ifs never). */
function illustrativeFlags(set: SourceSet): Uint8Array {
  let flags = illustrativeCache.get(set);
  if (!flags)
    illustrativeCache.set(
      set,
      (flags = Uint8Array.from(set.greens, (g) => (g.ref.illustrative && !g.ref.whatIf ? 1 : 0))),
    );
  return flags;
}

const guessedIdCache = new WeakMap<SourceSet, Set<string>>();
function guessedIds(set: SourceSet): Set<string> {
  let ids = guessedIdCache.get(set);
  if (!ids)
    guessedIdCache.set(set, (ids = new Set(set.greens.filter((g) => g.ref.guessed).map((g) => g.ref.id))));
  return ids;
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
