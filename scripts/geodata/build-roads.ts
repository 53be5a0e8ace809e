/**
 * Builds the road network and its companions from geodata/sources/:
 *   roads.geojson      every road piece between intersections (crossing roads share a vertex)
 *   water.geojson      须水河 and lakes (barriers; roads crossing them get bridge pieces)
 *   boundary.geojson   the zone's approximate extent (the official line is not public)
 *   landmarks.geojson  Metro Line 1 stations, campus gates, other anchors
 *   crossings.geojson  the crossings of road-crossings.csv that the network contains, for search
 * Run: npx tsx scripts/geodata/build-roads.ts
 * Sources and reasons: geodata/sources/road-control-points.json, water-control-points.json,
 * landmarks.json, boundary-control-points.json, road-crossings.csv (all WGS-84; see SOURCES.md).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import buffer from '@turf/buffer';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { lineString, point } from '@turf/helpers';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, LineString, Polygon, Position } from 'geojson';
import { parseCommentedCsv } from './csv.ts';
import { busPlaces, type BusPlaceConfig } from './roads/bus-places.ts';
import {
  busCourse,
  busEvidence,
  busRoadDefs,
  englishPlaceName,
  joinEnds,
  tieEnds,
  type BusRoadConfig,
} from './roads/bus-roads.ts';
import { STUDY_BBOX } from '../../src/core/geodata/schema.ts';
import {
  distM,
  extendPast,
  fitLine,
  key,
  nearestOnLine,
  offsetLine,
  round6,
  segmentHit,
  toLL,
  toXY,
} from './roads/planar.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'geodata', 'sources');
const OUT = join(ROOT, 'geodata');
const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(SRC, name), 'utf8')) as T;

// ---------------------------------------------------------------- source types

export type ControlPoint = { p: [number, number]; why: string; src?: string };
export type Anchor = string | ControlPoint;
export type Level = 'high' | 'medium' | 'low';
export type Status = 'existing' | 'under_construction' | 'planned';

export interface PartDef {
  until?: string | ControlPoint;
  status?: Status;
  plan?: string;
  confidence?: Level;
  illustrative?: boolean;
  note?: string;
  /** Another name this stretch carries (see name_alt), where only part of the road has it. */
  name_alt?: string;
}

export interface RoadDef {
  id: string;
  name_zh: string;
  name_en: string;
  class: 'expressway' | 'arterial' | 'secondary' | 'local' | 'path' | 'railway';
  walkable?: boolean;
  fit?: 'line' | 'through';
  from_bus?: true;
  stub?: true;
  anchors?: Anchor[];
  offset_of?: string;
  offset_m?: number;
  start_onto?: string;
  end_onto?: string;
  /** Starts exactly where that road ends (a road that changes name, e.g. 科学大道 → 北三环). */
  start_from?: string;
  status?: Status;
  plan?: string;
  confidence?: Level;
  illustrative?: boolean;
  note?: string;
  parts?: PartDef[];
}

interface RoadSources {
  plan_text: string;
  bus_roads: BusRoadConfig;
  defaults: { confidence: Level; status: Status };
  rejected_crossings: { a: string; b: string; reason: string }[];
  roads: RoadDef[];
}

interface CrossingRow {
  a: string;
  b: string;
  n: number;
  at: Position;
}

// ---------------------------------------------------------------- load

const roadSrc = readJson<RoadSources>('road-control-points.json');
const crossingRows: CrossingRow[] = parseCommentedCsv(
  readFileSync(join(SRC, 'road-crossings.csv'), 'utf8'),
).map((r) => ({
  a: r.road_a,
  b: r.road_b,
  n: Number(r.n_pois),
  at: [Number(r.wgs84_lng), Number(r.wgs84_lat)],
}));
const pairKey = (a: string, b: string) => [a, b].sort().join('/');
const crossingByPair = new Map(crossingRows.map((c) => [pairKey(c.a, c.b), c]));
const rejected = new Set(roadSrc.rejected_crossings.map((r) => pairKey(r.a, r.b)));

function resolveAnchor(a: Anchor): Position {
  if (typeof a !== 'string') return a.p;
  const [x, y] = a.replace(/^x:/, '').split('/');
  const row = crossingByPair.get(pairKey(x, y));
  if (!row) throw new Error(`Anchor ${a}: no such crossing in road-crossings.csv`);
  return row.at;
}

const busInput = {
  config: roadSrc.bus_roads,
  stopsCsv: readFileSync(join(SRC, 'bus-stops-2013.csv'), 'utf8'),
  crossings: crossingRows.filter((c) => !rejected.has(pairKey(c.a, c.b))),
  summaryText: readFileSync(join(SRC, 'road-lines-summary.txt'), 'utf8'),
  bbox: STUDY_BBOX,
};
// Drawn roads whose course the 2013 bus stops fix better than the hand-placed points (bus_roads.refit):
// their anchors become the course the stops give; ends, parts and status stay as defined.
const busEv = busEvidence(busInput);
for (const d of roadSrc.roads) {
  if (!(d.name_zh in roadSrc.bus_roads.refit) || d.offset_of) continue;
  const got = busCourse(busEv.of(d.name_zh), STUDY_BBOX);
  if (!got)
    throw new Error(`${d.id}: bus_roads.refit names ${d.name_zh}, but the bus network gives it no course`);
  d.anchors = got.line.map((p) => ({
    p: round6(p) as [number, number],
    why: `course from the 2013 bus stops (rms ${got.course.rms.toFixed(0)} m): ${roadSrc.bus_roads.refit[d.name_zh]}`,
    src: 'bus-stops-2013.csv',
  }));
  d.fit = 'through';
  // Its ends stay carried onto the roads it was drawn to (化工路 from 西四环 to 西三环, which the
  // 2013 stops of 绕城路 and 西环路 now place): past 西三环 the road is 农业路 (冉屯路 in 2013).
}
const defs: RoadDef[] = [...roadSrc.roads];
const defById = new Map(defs.map((d) => [d.id, d]));
if (defById.size !== defs.length) throw new Error('Duplicate road ids in road-control-points.json');
const isWalkable = (d: RoadDef) => d.walkable ?? !(d.class === 'expressway' || d.class === 'railway');

// ---------------------------------------------------------------- 1. courses

const lines = new Map<string, Position[]>();
for (const d of defs) {
  if (d.offset_of) continue;
  const pts = (d.anchors ?? []).map(resolveAnchor);
  lines.set(d.id, d.fit === 'line' ? fitLine(pts) : pts.map((p) => [...p]));
}
for (const d of defs) {
  if (!d.offset_of) continue;
  const base = lines.get(d.offset_of);
  if (!base) throw new Error(`${d.id}: offset_of ${d.offset_of} unknown or itself an offset`);
  lines.set(d.id, offsetLine(base, d.offset_m ?? 0));
}

// Roads the map lacks, and stretches of drawn roads beyond their drawn course, from the 2013 bus
// network and the crossings (roads/bus-roads.ts).
const drawnLines = new Map<string, Position[][]>();
for (const d of defs) drawnLines.set(d.name_zh, [...(drawnLines.get(d.name_zh) ?? []), lines.get(d.id)!]);
const busBuilt = busRoadDefs({ ...busInput, drawn: defs, drawnLines });
for (const b of busBuilt.defs) {
  defs.push(b);
  defById.set(b.id, b);
  lines.set(
    b.id,
    b.anchors.map((a) => [...a.p]),
  );
}
const fromBus = new Set(busBuilt.defs.map((b) => b.id));

/**
 * Moves one end of `line` onto `target`: along the end segment's direction (extending up to 1.5 km
 * or trimming back within that segment) to where it meets the target; failing that, to the
 * target's nearest point. Returns the new line.
 */
function snapEnd(id: string, line: Position[], atStart: boolean, targetId: string): Position[] {
  const target = lines.get(targetId);
  if (!target) throw new Error(`${id}: onto ${targetId} unknown`);
  const l = atStart ? [...line].reverse() : [...line];
  const from = l[l.length - 2];
  const end = l[l.length - 1];
  const already = nearestOnLine(target, end);
  if (already.dist < 3) {
    // Already on the target (e.g. both drawn through the same crossing): join it there, at its
    // end when that is as close, so an L-corner leaves no stub.
    const targetEnd = [target[0], target[target.length - 1]].find((q) => distM(q, end) < 3);
    l[l.length - 1] = targetEnd ? [...targetEnd] : already.at;
    return atStart ? l.reverse() : l;
  }
  const lastLen = distM(from, end);
  const far = extendPast(from, end, 1500);
  const rayLen = lastLen + 1500;
  let best: { s: number; at: Position } | null = null;
  for (let i = 0; i < target.length - 1; i++) {
    const hit = segmentHit(from, far, target[i], target[i + 1], 0.5);
    if (!hit) continue;
    const s = hit.t * rayLen - lastLen; // metres beyond the current end (negative: trims back)
    if (s < -(lastLen - 1)) continue;
    if (!best || Math.abs(s) < Math.abs(best.s)) best = { s, at: hit.at };
  }
  if (best) {
    // Meeting the target within 3 m of its own end: join that end (an L-corner, not a stub).
    const targetEnd = [target[0], target[target.length - 1]].find((q) => distM(q, best!.at) < 3);
    l[l.length - 1] = targetEnd ? [...targetEnd] : best.at;
  } else {
    const near = nearestOnLine(target, end);
    if (near.dist > 400) throw new Error(`${id}: ${targetId} is ${near.dist.toFixed(0)} m from its end`);
    l[l.length - 1] = near.at;
  }
  return atStart ? l.reverse() : l;
}

// Two passes so that a road snapped onto another sees that road's own snapped ends.
for (let pass = 0; pass < 2; pass++) {
  for (const d of defs) {
    let l = lines.get(d.id)!;
    if (d.start_from) {
      const prev = lines.get(d.start_from);
      if (!prev) throw new Error(`${d.id}: start_from ${d.start_from} unknown`);
      l = [[...prev[prev.length - 1]], ...l.slice(1)];
    }
    if (d.start_onto) l = snapEnd(d.id, l, true, d.start_onto);
    if (d.end_onto) l = snapEnd(d.id, l, false, d.end_onto);
    lines.set(d.id, l);
  }
}

// Bus-drawn roads end where their evidence ends: carry each end onto the road just ahead, trim a
// short overshoot back to the last crossing, or tie it to a road alongside.
// Three passes: a road joined onto another sees that road's own joined ends. A stub through a single
// crossing reaches up to 800 m for a road to meet (it is drawn as a guess beyond its crossing anyway). Then ends left within
// 45 m of a road beside them are moved onto it (the noding's 1 m tolerance would miss them).
const othersOf = (id: string) =>
  defs.filter((o) => o.id !== id && isWalkable(o)).map((o) => lines.get(o.id)!);
for (let pass = 0; pass < 3; pass++)
  for (const d of defs)
    if (fromBus.has(d.id))
      lines.set(
        d.id,
        joinEnds(
          lines.get(d.id)!,
          othersOf(d.id),
          roadSrc.bus_roads.reach_m?.[d.name_zh] ?? (d.stub ? 800 : 160),
        ),
      );
for (let pass = 0; pass < 2; pass++)
  for (const d of defs) if (fromBus.has(d.id)) lines.set(d.id, tieEnds(lines.get(d.id)!, othersOf(d.id)));

// ---------------------------------------------------------------- 2. noding

interface Node {
  at: Position; // rounded to 6 decimals: identical in every road that shares it
  roads: Set<string>;
}
const nodes: Node[] = [];
/** The node within 1.5 m of p, or a new one. */
function nodeAt(p: Position): Node {
  for (const n of nodes) if (distM(n.at, p) < 1.5) return n;
  const n = { at: round6(p), roads: new Set<string>() };
  nodes.push(n);
  return n;
}

type Mark = { seg: number; t: number; at: Position; node?: Node; cut?: 'part' | 'barrier'; part?: number };
const marks = new Map<string, Mark[]>(defs.map((d) => [d.id, []]));

const walkableDefs = defs.filter(isWalkable);
for (let i = 0; i < walkableDefs.length; i++) {
  for (let j = i + 1; j < walkableDefs.length; j++) {
    const A = walkableDefs[i];
    const B = walkableDefs[j];
    const la = lines.get(A.id)!;
    const lb = lines.get(B.id)!;
    for (let s = 0; s < la.length - 1; s++) {
      for (let u = 0; u < lb.length - 1; u++) {
        const hit = segmentHit(la[s], la[s + 1], lb[u], lb[u + 1], 1.0);
        if (!hit) continue;
        const node = nodeAt(hit.at);
        node.roads.add(A.id).add(B.id);
        marks.get(A.id)!.push({ seg: s, t: hit.t, at: node.at, node });
        marks.get(B.id)!.push({ seg: u, t: hit.u, at: node.at, node });
      }
    }
  }
}

/** Rebuilds a road's vertex list with its marks inserted in order; marks within 1 m of a vertex replace it. */
type Vertex = { at: Position; node?: Node; cut?: 'part' | 'barrier'; part?: number };
function withMarks(line: Position[], ms: Mark[]): Vertex[] {
  const out: Vertex[] = [];
  const push = (v: Vertex) => {
    const last = out[out.length - 1];
    if (last && distM(last.at, v.at) < 1.0) {
      // Merge: a node or cut wins over a plain vertex.
      out[out.length - 1] = {
        at: v.node ? v.at : last.node ? last.at : v.at,
        node: last.node ?? v.node,
        cut: last.cut ?? v.cut,
        part: last.part ?? v.part,
      };
    } else out.push(v);
  };
  for (let s = 0; s < line.length; s++) {
    push({ at: line[s] });
    if (s === line.length - 1) break;
    const segMarks = ms.filter((m) => m.seg === s).sort((a, b) => a.t - b.t);
    for (const m of segMarks) push({ at: m.at, node: m.node, cut: m.cut, part: m.part });
  }
  return out;
}

const vertices = new Map<string, Vertex[]>(
  defs.map((d) => [d.id, withMarks(lines.get(d.id)!, marks.get(d.id)!)]),
);

// ---------------------------------------------------------------- 3. parts (status sections)

function markCut(id: string, at: Position, cut: 'part' | 'barrier', part?: number) {
  const vs = vertices.get(id)!;
  const line = vs.map((v) => v.at);
  const near = nearestOnLine(line, at);
  const ms: Mark[] = [{ seg: near.index, t: near.t, at: near.at, cut, part }];
  // Re-insert: existing vertices keep their node / cut flags.
  const rebuilt: Vertex[] = [];
  for (let s = 0; s < vs.length; s++) {
    rebuilt.push(vs[s]);
    for (const m of ms.filter((x) => x.seg === s)) {
      const prev = rebuilt[rebuilt.length - 1];
      const next = vs[s + 1];
      if (distM(prev.at, m.at) < 1.0) Object.assign(prev, { cut: prev.cut ?? cut, part: prev.part ?? part });
      else if (next && distM(next.at, m.at) < 1.0)
        Object.assign(next, { cut: next.cut ?? cut, part: next.part ?? part });
      else rebuilt.push({ at: m.at, cut, part });
    }
  }
  vertices.set(id, rebuilt);
}

for (const d of defs) {
  const parts = d.parts ?? (d.offset_of ? defById.get(d.offset_of)!.parts : undefined);
  if (!parts) continue;
  parts.forEach((p, i) => {
    if (p.until === undefined) return;
    if (typeof p.until === 'string') {
      const untilId = p.until;
      const vs = vertices.get(d.id)!;
      // Side roads inherit their main line's parts and split where they themselves meet that road.
      const v = vs.find((x) => x.node?.roads.has(untilId));
      if (v) {
        v.cut = v.cut ?? 'part';
        v.part = i + 1;
        return;
      }
      // Main lines (not noded) and roads that only pass near: split at the nearest approach.
      const other = lines.get(untilId)!;
      let best = { d: Infinity, at: vs[0].at };
      for (const x of vs) {
        const n = nearestOnLine(other, x.at);
        if (n.dist < best.d) best = { d: n.dist, at: x.at };
      }
      // Refine: the crossing point of the two lines when they cross.
      const line = vs.map((x) => x.at);
      for (let s = 0; s < line.length - 1; s++)
        for (let u = 0; u < other.length - 1; u++) {
          const hit = segmentHit(line[s], line[s + 1], other[u], other[u + 1], 1.0);
          if (hit) best = { d: 0, at: hit.at };
        }
      markCut(d.id, best.at, 'part', i + 1);
    } else markCut(d.id, p.until.p, 'part', i + 1);
  });
}

// ---------------------------------------------------------------- 4. water and barriers

interface WaterSources {
  rivers: {
    id: string;
    name_zh: string;
    name_en: string;
    kind: 'river';
    width_m: number;
    confidence: Level;
    illustrative?: boolean;
    source: string;
    note?: string;
    line: ControlPoint[];
  }[];
  lakes: {
    id: string;
    name_zh: string;
    name_en: string;
    kind: 'lake';
    center: [number, number];
    semi_axes_m: [number, number];
    confidence: Level;
    illustrative?: boolean;
    source: string;
    note?: string;
  }[];
}
const waterSrc = readJson<WaterSources>('water-control-points.json');

const roundRing = (ring: Position[]) => ring.map(round6);
function ellipse(center: Position, ax: number, ay: number, steps = 48): Position[] {
  const [cx, cy] = toXY(center);
  const ring: Position[] = [];
  for (let k = 0; k < steps; k++) {
    const a = (2 * Math.PI * k) / steps;
    ring.push(toLL([cx + ax * Math.cos(a), cy + ay * Math.sin(a)]));
  }
  ring.push(ring[0]);
  return roundRing(ring);
}

const waterFeatures: Feature<Polygon>[] = [];
for (const r of waterSrc.rivers) {
  // Both banks at half the width from the centre line (mitred joins keep the channel width on the
  // gentle bends; a round buffer leaves slivers at the inner corners after rounding to 6 decimals).
  const centre = r.line.map((c) => c.p);
  const ring = [...offsetLine(centre, r.width_m / 2), ...offsetLine(centre, -r.width_m / 2).reverse()];
  ring.push(ring[0]);
  waterFeatures.push({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [roundRing(ring)] },
    properties: {
      id: r.id,
      name_zh: r.name_zh,
      name_en: r.name_en,
      status: 'existing',
      kind: r.kind,
      source: r.source,
      confidence: r.confidence,
      ...(r.illustrative ? { illustrative: true } : {}),
      note: r.note ?? `Width ${r.width_m} m (assumed).`,
    },
  });
}
for (const l of waterSrc.lakes) {
  waterFeatures.push({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ellipse(l.center, l.semi_axes_m[0], l.semi_axes_m[1])] },
    properties: {
      id: l.id,
      name_zh: l.name_zh,
      name_en: l.name_en,
      status: 'existing',
      kind: l.kind,
      source: l.source,
      confidence: l.confidence,
      ...(l.illustrative ? { illustrative: true } : {}),
      ...(l.note ? { note: l.note } : {}),
    },
  });
}

// The railway corridor (12 m each side) is a barrier too: roads cross it on bridges.
const railDef = defs.find((d) => d.class === 'railway');
const barriers: Feature<Polygon>[] = [...waterFeatures];
if (railDef) {
  const corridor = buffer(lineString(lines.get(railDef.id)!), 12, {
    units: 'meters',
    steps: 4,
  }) as Feature<Polygon>;
  corridor.properties = { id: 'rail-corridor' };
  barriers.push(corridor);
}

for (const d of defs) {
  for (const b of barriers) {
    if (b.properties?.id === 'rail-corridor' && d.class === 'railway') continue;
    const ring = b.geometry.coordinates[0];
    const line = vertices.get(d.id)!.map((v) => v.at);
    for (let s = 0; s < line.length - 1; s++)
      for (let u = 0; u < ring.length - 1; u++) {
        const hit = segmentHit(line[s], line[s + 1], ring[u], ring[u + 1], 0);
        if (hit) markCut(d.id, hit.at, 'barrier');
      }
  }
}

/** Whether a road piece at p is over a barrier; the railway is not a bridge over its own corridor. */
const inBarrier = (p: Position, d: RoadDef) =>
  barriers.some(
    (b) =>
      !(d.class === 'railway' && b.properties?.id === 'rail-corridor') && booleanPointInPolygon(point(p), b),
  );

// ---------------------------------------------------------------- 5. split and emit roads

const round = (p: Position) => round6(p);
// A road's 2013 name (bus_roads.former_names), kept on today's road as name_alt: one road, found by either name.
const formerOf = new Map<string, string[]>();
for (const old of Object.keys(roadSrc.bus_roads.former_names ?? {})) {
  const today = roadSrc.bus_roads.alias[old];
  if (!today) throw new Error(`bus_roads.former_names: ${old} has no alias naming today's road`);
  formerOf.set(today, [...(formerOf.get(today) ?? []), old]);
}

const sourceOf = (d: RoadDef): string => {
  if (d.offset_of)
    return `Offset ${Math.abs(d.offset_m ?? 0)} m from ${defById.get(d.offset_of)!.name_zh} (road-control-points.json#${d.id}); ${sourceOf(defById.get(d.offset_of)!)}`;
  const xs = (d.anchors ?? [])
    .filter((a): a is string => typeof a === 'string')
    .map((a) => a.slice(2).replace('/', '×'));
  const cps = (d.anchors ?? []).filter((a): a is ControlPoint => typeof a !== 'string');
  const srcs = [...new Set(cps.map((c) => c.src ?? 'inference'))];
  const parts = [];
  if (xs.length) parts.push(`road-crossings.csv (AMap GCJ-02 POI medians → WGS-84): ${xs.join(', ')}`);
  if (cps.length)
    parts.push(`${cps.length} control point(s) in road-control-points.json#${d.id} (${srcs.join('; ')})`);
  return parts.join('; ');
};

const roadFeatures: Feature<LineString>[] = [];
const isolatedStubs = defs.filter(
  (d) => d.stub && !vertices.get(d.id)!.some((v) => v.node && v.node.roads.size > 1),
);
for (const d of defs) {
  if (isolatedStubs.includes(d)) continue;
  const vs = vertices.get(d.id)!.map((v) => ({ ...v, at: round(v.at) }));
  const parts = d.parts ?? (d.offset_of ? defById.get(d.offset_of)!.parts : undefined) ?? [{}];
  let partIndex = 0;
  let piece: Position[] = [vs[0].at];
  let k = 0;
  const emit = () => {
    const coords = piece.filter((p, i) => i === 0 || key(p) !== key(piece[i - 1]));
    if (coords.length < 2) return;
    const mid: Position = [(coords[0][0] + coords[1][0]) / 2, (coords[0][1] + coords[1][1]) / 2];
    const part = parts[Math.min(partIndex, parts.length - 1)];
    const status = part.status ?? d.status ?? roadSrc.defaults.status;
    const plan = part.plan ?? d.plan;
    const illustrative = part.illustrative ?? d.illustrative;
    const note = [d.note, part.note].filter(Boolean).join(' ');
    const nameAlt = part.name_alt ?? formerOf.get(d.name_zh)?.join('、');
    k++;
    roadFeatures.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: coords },
      properties: {
        id: `${d.id}-${String(k).padStart(2, '0')}`,
        road_id: d.id,
        name_zh: d.name_zh,
        name_en: d.name_en,
        ...(nameAlt ? { name_alt: nameAlt } : {}),
        class: d.class,
        status,
        walkable: isWalkable(d),
        bridge: inBarrier(mid, d),
        ...(plan ? { plan, plan_text: roadSrc.plan_text } : {}),
        source: sourceOf(d),
        confidence: part.confidence ?? d.confidence ?? roadSrc.defaults.confidence,
        ...(illustrative ? { illustrative: true } : {}),
        ...(note ? { note } : {}),
      },
    });
  };
  for (let i = 1; i < vs.length; i++) {
    piece.push(vs[i].at);
    const v = vs[i];
    const last = i === vs.length - 1;
    if (!last && (v.node || v.cut)) {
      emit();
      if (v.cut === 'part' && v.part !== undefined) partIndex = v.part;
      piece = [v.at];
    }
  }
  emit();
}

// A bus-drawn road's end piece under 30 m past its last junction is an overshoot of the evidence,
// not a road: drop it (repeatedly, as dropping one can expose another).
for (;;) {
  const degree = new Map<string, number>();
  for (const f of roadFeatures)
    if (f.properties!.walkable)
      for (const p of [f.geometry.coordinates[0], f.geometry.coordinates.at(-1)!])
        degree.set(key(p), (degree.get(key(p)) ?? 0) + 1);
  const stub = roadFeatures.findIndex((f) => {
    const c = f.geometry.coordinates;
    return (
      fromBus.has(String(f.properties!.road_id)) &&
      (degree.get(key(c[0])) === 1 || degree.get(key(c.at(-1)!)) === 1) &&
      c.slice(1).reduce((m, p, i) => m + distM(c[i], p), 0) < 30
    );
  });
  if (stub < 0) break;
  roadFeatures.splice(stub, 1);
}

// ---------------------------------------------------------------- 6. crossings for search

const namesOf = (id: string): string[] => {
  const d = defById.get(id)!;
  return d.offset_of ? [d.name_zh, defById.get(d.offset_of)!.name_zh] : [d.name_zh];
};
const roadNames = new Set(defs.flatMap((d) => namesOf(d.id)));
const crossingFeatures: Feature[] = [];
const usedIds = new Set<string>();
const [W, S, E, N] = STUDY_BBOX;
for (const c of crossingRows) {
  if (rejected.has(pairKey(c.a, c.b))) continue;
  if (c.at[0] < W || c.at[0] > E || c.at[1] < S || c.at[1] > N) continue;
  if (!roadNames.has(c.a) || !roadNames.has(c.b)) continue;
  // The network node where roads carrying the two names meet, nearest the POI median.
  let best: { n: Node; d: number; ids: [string, string] } | null = null;
  for (const n of nodes) {
    const ids = [...n.roads];
    const ia = ids.find((id) => namesOf(id).includes(c.a));
    const ib = ids.find((id) => namesOf(id).includes(c.b) && id !== ia);
    if (!ia || !ib) continue;
    const dd = distM(n.at, c.at);
    if (!best || dd < best.d) best = { n, d: dd, ids: [ia, ib] };
  }
  const onNetwork = best !== null && best.d < 250;
  const at = onNetwork ? best!.n.at : round(c.at);
  const enA = defById.get(best?.ids[0] ?? '')?.name_en ?? c.a;
  const enB = defById.get(best?.ids[1] ?? '')?.name_en ?? c.b;
  const baseEn = (s: string) => s.replace(/ \((east|west)[^)]*\)$/, '');
  let id = `crossing-${onNetwork ? `${best!.ids[0]}-${best!.ids[1]}` : pairKey(c.a, c.b)}`;
  while (usedIds.has(id)) id += '-b';
  usedIds.add(id);
  crossingFeatures.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: at },
    properties: {
      id,
      name_zh: `${c.a}与${c.b}`,
      name_en: `${baseEn(enA)} & ${baseEn(enB)}`,
      roads: [c.a, c.b],
      n_pois: c.n,
      status: 'existing',
      source: onNetwork
        ? `road-crossings.csv (median of ${c.n} AMap POI(s), GCJ-02 → WGS-84), placed on the network node ${Math.round(best!.d)} m from the median`
        : `road-crossings.csv (median of ${c.n} AMap POI(s), GCJ-02 → WGS-84); no node of the two roads lies within 250 m, so the median is kept`,
      confidence: c.n >= 3 ? 'high' : 'medium',
    },
  });
}

// ---------------------------------------------------------------- 7. landmarks

interface LandmarkSrc {
  id: string;
  name_zh: string;
  name_en: string;
  kind: 'metro_station' | 'campus_gate' | 'landmark';
  line?: string;
  p?: [number, number];
  bd09?: [number, number];
  at?: [string, string];
  confidence: Level;
  illustrative?: boolean;
  source: string;
  note?: string;
}
const landmarkFeatures: Feature[] = readJson<{ landmarks: LandmarkSrc[] }>('landmarks.json').landmarks.map(
  (l) => {
    let at: Position = l.bd09 ? (gcoord.transform(l.bd09, gcoord.BD09, gcoord.WGS84) as Position) : l.p!;
    let source = l.source;
    if (l.at) {
      const n = nodes.find((x) => x.roads.has(l.at![0]) && x.roads.has(l.at![1]));
      if (n) {
        source += `; placed on the network node of ${l.at.map((id) => defById.get(id)!.name_zh).join('×')}, ${Math.round(distM(n.at, at))} m from the source point`;
        at = n.at;
      }
    }
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: round(at) },
      properties: {
        id: l.id,
        name_zh: l.name_zh,
        name_en: l.name_en,
        kind: l.kind,
        ...(l.line ? { line: l.line } : {}),
        status: 'existing',
        source,
        confidence: l.confidence,
        ...(l.illustrative ? { illustrative: true } : {}),
        ...(l.note ? { note: l.note } : {}),
      },
    };
  },
);

// Places named by the 2013 bus stops (villages, estates, campuses, institutions).
const landmarkSrc = readJson<{ bus_places: BusPlaceConfig; landmarks: unknown[] }>('landmarks.json');
for (const pl of busPlaces(busEv.allStops, landmarkSrc.bus_places)) {
  landmarkFeatures.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: round(pl.at) },
    properties: {
      id: `place-${[...pl.name].map((c) => c.codePointAt(0)!.toString(16)).join('')}`,
      name_zh: pl.name,
      name_en: englishPlaceName(pl.name),
      kind: 'place',
      status: 'existing',
      source: `bus-stops-2013.csv: the 2013 stop${pl.stopNames.length > 1 ? 's' : ''} ${pl.stopNames.join('、')} (line${pl.lines.length > 1 ? 's' : ''} ${pl.lines.slice(0, 6).join(', ')}${pl.lines.length > 6 ? ' …' : ''}), mean of ${pl.points} stop point(s), BD-09 → WGS-84`,
      confidence: 'medium',
      note: 'Where the bus stop named after the place stood in 2013; the place itself lies beside it.',
    },
  });
}

// ---------------------------------------------------------------- 8. boundary

const bsrc = readJson<{ id: string; name_zh: string; name_en: string; about: string; ring: ControlPoint[] }>(
  'boundary-control-points.json',
);
const bring = bsrc.ring.map((c) => round(c.p));
bring.push(bring[0]);
const boundaryFeatures: Feature[] = [
  {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [bring] },
    properties: {
      id: bsrc.id,
      name_zh: bsrc.name_zh,
      name_en: bsrc.name_en,
      status: 'existing',
      source:
        'boundary-control-points.json: a ring along G30, 西三环 (and its north extension), 化工路 and the railway, after the zone descriptions in geodata-facts-roads.md §1a (S7, S4, S8)',
      confidence: 'low',
      illustrative: true,
      note: 'The official boundary of the High-tech Zone is not public; this outline is approximate (the zone is officially 99 km²).',
    },
  },
];

// ---------------------------------------------------------------- write

function write(name: string, features: Feature[]) {
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  // One feature per line: diffs stay readable when a fact changes.
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(join(OUT, name), `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  return fc;
}
write('roads.geojson', roadFeatures);
write('water.geojson', waterFeatures);
write('boundary.geojson', boundaryFeatures);
write('landmarks.geojson', landmarkFeatures);
write('crossings.geojson', crossingFeatures);
updateSourcesMd();
console.log(
  `roads ${roadFeatures.length} pieces (${defs.length} roads, ${nodes.length} nodes, ${roadFeatures.filter((f) => f.properties!.bridge).length} bridge pieces); ` +
    `water ${waterFeatures.length}; landmarks ${landmarkFeatures.length}; crossings ${crossingFeatures.length}`,
);

/**
 * Rewrites the generated block of geodata/SOURCES.md: one line per low-confidence or illustrative
 * feature of these layers (road pieces grouped by road and section). Text outside the block is
 * left alone, so other builds can keep their own sections in the same file.
 */
function updateSourcesMd() {
  const file = join(OUT, 'SOURCES.md');
  const begin =
    '<!-- roads-build:begin (generated by scripts/geodata/build-roads.ts: do not edit by hand) -->';
  const end = '<!-- roads-build:end -->';
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return;
  const flag = (p: Record<string, unknown>) =>
    [p.confidence === 'low' ? 'low' : '', p.illustrative ? 'illustrative' : ''].filter(Boolean).join(', ');
  const lines: string[] = ['', '### Low-confidence and illustrative features (roads build)', ''];
  const groups = new Map<string, { ids: string[]; p: Record<string, unknown>; km: number }>();
  for (const f of roadFeatures) {
    const p = f.properties as Record<string, unknown>;
    if (!flag(p)) continue;
    const k = `${p.road_id}|${p.status}|${p.plan ?? ''}|${p.confidence}|${p.illustrative ?? ''}|${p.note ?? ''}`;
    const g = groups.get(k) ?? { ids: [], p, km: 0 };
    g.ids.push(String(p.id));
    const c = f.geometry.coordinates;
    for (let n = 1; n < c.length; n++) g.km += distM(c[n - 1], c[n]) / 1000;
    groups.set(k, g);
  }
  lines.push('Roads (pieces `id`, status, length, why):', '');
  for (const g of groups.values()) {
    const p = g.p;
    const ids = g.ids.length > 2 ? `${g.ids[0]} … ${g.ids[g.ids.length - 1]}` : g.ids.join(', ');
    lines.push(
      `- ${p.name_zh}${p.plan && p.plan !== p.name_zh ? ` — ${p.plan}` : ''} (${ids}; ${p.status}; ${g.km.toFixed(2)} km; ${flag(p)}): ${p.note ?? p.source}`,
    );
  }
  for (const [title, feats] of [
    ['Water', waterFeatures],
    ['Landmarks', landmarkFeatures],
    ['Boundary', boundaryFeatures],
  ] as const) {
    const low = (feats as Feature[]).filter((f) => flag(f.properties as Record<string, unknown>));
    if (low.length === 0) continue;
    lines.push('', `${title}:`, '');
    for (const f of low) {
      const p = f.properties as Record<string, unknown>;
      lines.push(`- ${p.name_zh} (${p.id}; ${flag(p)}): ${p.note ?? p.source}`);
    }
  }
  lines.push('', ''); // a blank line before the end marker, as prettier formats Markdown
  writeFileSync(file, text.slice(0, i + begin.length) + '\n' + lines.join('\n') + text.slice(j));
}
