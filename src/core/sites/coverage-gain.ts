/**
 * People a new park brings within the band, measured incrementally from the current coverage.
 *
 * The current state is a copy of the search field (walk metres from every node to its nearest green
 * space) and the set of populated cells already within the band. To measure a park, its seeds are
 * relaxed (coverage/dijkstra.ts `relax`, the same search as a what-if) into a scratch field that holds
 * min(current, limit): the search is decrease-only, so it visits just the nodes the park brings
 * closer than both their current distance and the band — a bounded, incremental search. The cells
 * joined to those nodes (inverse-links.ts) and the cells with a direct walk into the park that come
 * within the limit and were not yet covered are the gain. The touched nodes are then restored, so
 * each measurement costs what the park changes, not the size of the graph.
 *
 * Adding a park (`add`) relaxes its seeds into the current field for good: later measurements start
 * from the coverage with it. A cell's walk after adding parks is the minimum over all sources, so the
 * cells a park newly covers are exactly those the pipeline would count (tests compare with it).
 */
import { OFF_NETWORK_DETOUR } from '../coverage/constants';
import {
  GREEN,
  type NearestField,
  REC,
  type Seeds,
  copyField,
  greenOf,
  pointOf,
  predOf,
  relax,
} from '../coverage/dijkstra';
import type { WalkGraph } from '../coverage/graph';
import type { PreparedGreen } from '../coverage/model';
import type { ResidentialRaster } from '../coverage/residential';
import { seedsOf } from '../coverage/sources';
import type { CellLinks } from '../coverage/cell-links';
import { type InverseLinks, inverseLinks } from './inverse-links';
import type { GuessedShare } from './types';

/** A park ready to be measured: its prepared green space and its seeds, marked as the park being measured. */
export interface SitePark {
  readonly green: PreparedGreen;
  readonly seeds: Seeds;
}

/** Green index written by a measured park's seeds: no real green space has it, so touched nodes are recognisable. */
const MEASURED = -2;
/** Green indices of added parks start here (the field is private, so any distinct value does). */
const ADDED = 1 << 30;

export function sitePark(graph: WalkGraph, green: PreparedGreen): SitePark {
  const seeds = seedsOf(graph, green.points);
  seeds.green.fill(MEASURED);
  return { green, seeds };
}

/** Flags per road feature and per residential block: 1 where the feature is a guess. */
export interface GuessFlags {
  roads: Uint8Array;
  blocks: Uint8Array;
}

export interface CellGain {
  gain: number;
  cells: Int32Array;
  guessed: GuessedShare;
}

export class CoverageGain {
  readonly limit: number;
  /** 1 for populated cells within the band now. */
  readonly covered: Uint8Array;
  /** People within the band now. */
  coveredPopulation: number;
  /** Gain evaluations made so far. */
  evaluations = 0;
  private readonly graph: WalkGraph;
  private readonly pop: Float32Array;
  private readonly inv: InverseLinks;
  private readonly current: NearestField;
  private readonly scratch: NearestField;
  private readonly nodeStamp: Int32Array;
  private readonly cellStamp: Int32Array;
  private readonly touched: Int32Array;
  /** Scratch list of the cells a measured park newly covers. */
  private readonly newCells: Int32Array;
  private touchedCount = 0;
  private stamp = 0;
  private added = 0;

  /**
   * @param field the search field of the starting coverage (copied, never changed)
   * @param cellDist the starting access grid's effective metres per cell
   * @param limit the band, effective metres
   */
  constructor(
    graph: WalkGraph,
    links: CellLinks,
    residential: ResidentialRaster,
    field: NearestField,
    cellDist: Float32Array,
    limit: number,
  ) {
    this.graph = graph;
    this.limit = limit;
    this.pop = residential.pop;
    this.inv = inverseLinks(links, graph.nodeCount, residential.pop);
    this.current = copyField(field);
    this.scratch = copyField(field);
    this.clampScratch();
    this.covered = new Uint8Array(cellDist.length);
    let people = 0;
    for (let c = 0; c < cellDist.length; c++) {
      if (this.pop[c] > 0 && cellDist[c] <= limit) {
        this.covered[c] = 1;
        people += this.pop[c];
      }
    }
    this.coveredPopulation = people;
    this.nodeStamp = new Int32Array(graph.nodeCount);
    this.cellStamp = new Int32Array(cellDist.length);
    this.touched = new Int32Array(graph.nodeCount);
    this.newCells = new Int32Array(cellDist.length);
  }

  /** People the park would newly bring within the band. */
  gain(park: SitePark): number {
    this.evaluations++;
    this.search(park);
    let gain = 0;
    const n = this.collectNewCells(park);
    for (let i = 0; i < n; i++) gain += this.pop[this.newCells[i]];
    this.restore();
    return gain;
  }

  /** The cells the park would newly cover, its gain, and how much of the gain rests on guesses. */
  detail(park: SitePark, flags: GuessFlags, blockOf: Int32Array): CellGain {
    this.evaluations++;
    this.search(park);
    const sound = this.soundCells(park, flags.roads);
    const n = this.collectNewCells(park);
    const cells = this.newCells.slice(0, n);
    let gain = 0,
      resid = 0,
      roads = 0,
      total = 0;
    for (const c of cells) {
      const p = this.pop[c];
      gain += p;
      const b = blockOf[c];
      const guessedBlock = b >= 0 && flags.blocks[b] === 1;
      if (guessedBlock) resid += p;
      if (!sound.has(c)) roads += p;
      if (guessedBlock || !sound.has(c)) total += p;
    }
    this.restore();
    return {
      gain,
      cells,
      guessed: { residential: resid, roads, total, share: gain > 0 ? total / gain : 0 },
    };
  }

  /** Adds the park for good; returns its gain. */
  add(park: SitePark): number {
    let gain = 0;
    this.search(park);
    const n = this.collectNewCells(park);
    for (let i = 0; i < n; i++) {
      const c = this.newCells[i];
      gain += this.pop[c];
      this.covered[c] = 1;
    }
    this.restore();
    this.coveredPopulation += gain;
    const seeds = {
      ...park.seeds,
      green: new Int32Array(park.seeds.green.length).fill(ADDED + this.added++),
    };
    relax(this.graph, this.current, seeds);
    this.clampScratch();
    return gain;
  }

  /** Relaxes the park's seeds into the scratch field and lists the nodes it improved. */
  private search(park: SitePark): void {
    const { scratch, graph, nodeStamp, touched } = this;
    relax(graph, scratch, park.seeds);
    // The improved nodes carry MEASURED and are connected to an improved seed node by pred links.
    const mark = ++this.stamp;
    let n = 0;
    const seedNodes = park.seeds.node;
    for (let k = 0; k < seedNodes.length; k++) {
      const u = seedNodes[k];
      if (greenOf(scratch, u) === MEASURED && nodeStamp[u] !== mark) {
        nodeStamp[u] = mark;
        touched[n++] = u;
      }
    }
    const { offsets, adjTarget } = graph;
    for (let i = 0; i < n; i++) {
      const u = touched[i];
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = adjTarget[k];
        if (greenOf(scratch, v) === MEASURED && nodeStamp[v] !== mark) {
          nodeStamp[v] = mark;
          touched[n++] = v;
        }
      }
    }
    this.touchedCount = n;
  }

  /**
   * Lists in newCells (returning how many) every populated, uncovered cell the searched park brings
   * within the limit: through the network (links of the touched nodes) or by a direct walk into it.
   */
  private collectNewCells(park: SitePark): number {
    const { scratch, inv, covered, cellStamp, touched, limit, newCells } = this;
    const mark = this.stamp;
    let n = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = touched[i];
      const d = scratch.dist[v];
      for (let k = inv.start[v]; k < inv.start[v + 1]; k++) {
        const c = inv.cell[k];
        if (covered[c] || cellStamp[c] === mark) continue;
        if (Math.fround(d + inv.offset[k]) > limit) continue;
        cellStamp[c] = mark;
        newCells[n++] = c;
      }
    }
    const { field, directOk } = park.green;
    for (let k = 0; k < field.cells.length; k++) {
      const c = field.cells[k];
      if (!directOk[k] || covered[c] || cellStamp[c] === mark || !(this.pop[c] > 0)) continue;
      if (Math.fround(field.dist[k] * OFF_NETWORK_DETOUR) > limit) continue;
      cellStamp[c] = mark;
      newCells[n++] = c;
    }
    return n;
  }

  /**
   * The uncovered cells the searched park brings within the limit along some route that uses no
   * guessed road, or by a direct walk into the park (which uses no road at all).
   */
  private soundCells(park: SitePark, guessedRoads: Uint8Array): Set<number> {
    const { scratch, inv, covered, touched, limit } = this;
    const soundNode = this.soundRoutes(park, guessedRoads);
    const out = new Set<number>();
    for (let i = 0; i < this.touchedCount; i++) {
      if (!soundNode[i]) continue;
      const d = scratch.dist[touched[i]];
      const v = touched[i];
      for (let k = inv.start[v]; k < inv.start[v + 1]; k++) {
        const c = inv.cell[k];
        if (!covered[c] && Math.fround(d + inv.offset[k]) <= limit) out.add(c);
      }
    }
    const { field, directOk } = park.green;
    for (let k = 0; k < field.cells.length; k++) {
      if (directOk[k] && Math.fround(field.dist[k] * OFF_NETWORK_DETOUR) <= limit) out.add(field.cells[k]);
    }
    return out;
  }

  /**
   * Per touched node (in touched order): 1 when its route from the park uses no guessed road.
   * Routes are followed by pred links, whose nodes were improved before (smaller distance). The last
   * stretch from a node to a cell (part of one edge, within 25 m, plus the off-network leg) is not
   * checked: the grid's links keep nodes, not roads.
   */
  private soundRoutes(park: SitePark, guessedRoads: Uint8Array): Uint8Array {
    const { scratch, graph, touched } = this;
    const n = this.touchedCount;
    const order = Array.from(touched.subarray(0, n)).sort((a, b) => scratch.dist[a] - scratch.dist[b]);
    const soundOf = new Map<number, number>();
    const roadOk = (e: number) => {
      const r = graph.edgeRoad[e];
      return r < 0 || guessedRoads[r] !== 1;
    };
    for (const v of order) {
      const p = predOf(scratch, v);
      let ok: boolean;
      if (p < 0) {
        ok = roadOk(park.green.points.edge[pointOf(scratch, v)]);
      } else {
        let e = -1,
          best = Infinity;
        for (let k = graph.offsets[v]; k < graph.offsets[v + 1]; k++) {
          if (graph.adjTarget[k] === p && graph.adjM[k] < best) {
            best = graph.adjM[k];
            e = graph.adjEdge[k];
          }
        }
        ok = (soundOf.get(p) ?? 0) === 1 && e >= 0 && roadOk(e);
      }
      soundOf.set(v, ok ? 1 : 0);
    }
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = soundOf.get(touched[i]) ?? 0;
    return out;
  }

  private restore(): void {
    const { scratch, current, touched, limit } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = touched[i];
      scratch.dist[v] = Math.min(current.dist[v], limit);
      scratch.rec[REC * v + GREEN] = greenOf(current, v);
    }
    this.touchedCount = 0;
  }

  /** scratch = min(current, limit): the bound that keeps every measurement within the band. */
  private clampScratch(): void {
    const { scratch, current, limit } = this;
    for (let v = 0; v < current.dist.length; v++) scratch.dist[v] = Math.min(current.dist[v], limit);
    scratch.rec.set(current.rec);
  }
}
