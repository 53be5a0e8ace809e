/**
 * Road definitions for the roads the hand-drawn network (road-control-points.json) lacks, drawn
 * from the 2013 bus network (bus-stops-2013.csv: the stops that stand on a road, and the crossings
 * named by stops) and the AMap crossings (road-crossings.csv). A road with a single crossing and no
 * stop on it gets a short illustrative stub through that crossing, in the direction
 * road-lines-summary.txt gives. The build (build-roads.ts) nodes them with the rest.
 */
import type { Position } from 'geojson';
import { pinyin } from 'pinyin-pro';
import { latinName } from '../../../src/core/search/latin-name.ts';
import {
  courseFrom,
  crossingsFromStops,
  lengthM,
  mentions,
  parseBusStops,
  pointsOnRoads,
} from './bus-evidence.ts';
import { distM, extendPast, nearestOnLine, round6, segmentHit, toLL, toXY, type XY } from './planar.ts';

export interface BusRoadConfig {
  /** Drawn roads whose course the bus stops give (name → reason). */
  refit: Record<string, string>;
  about: string;
  /** Bus-data spelling → the name the map uses (a misspelling, a short form, a former name). */
  alias: Record<string, string>;
  /**
   * The aliases that are a road's 2013 name (not a misspelling), with the evidence: the road is drawn
   * once under today's name and carries the 2013 name as `name_alt`.
   */
  former_names?: Record<string, string>;
  /** How far a road's ends may be carried onto the road ahead, where the default 160 m falls short (name → m). */
  reach_m?: Record<string, number>;
  /** Names not drawn from the bus data, with the reason. */
  skip: { names: string[]; reason: string }[];
  /** Names drawn as arterials (the rest: secondary, '里' lanes local). */
  arterial: string[];
}

/** The subset of build-roads.ts's RoadDef these roads fill in. */
export interface BusRoadDef {
  id: string;
  name_zh: string;
  name_en: string;
  class: 'arterial' | 'secondary' | 'local';
  fit: 'through';
  anchors: { p: [number, number]; why: string; src: string }[];
  confidence: 'medium' | 'low';
  illustrative?: boolean;
  note: string;
  /** Marks the definition as drawn from the bus network (ends joined to the network by the build). */
  from_bus: true;
  /** A stub through a single crossing: left out by the build when it meets no other road. */
  stub?: true;
}

export interface BusRoadsInput {
  config: BusRoadConfig;
  drawn: { name_zh: string }[];
  stopsCsv: string;
  crossings: { a: string; b: string; at: Position }[];
  summaryText: string;
  bbox: readonly [number, number, number, number];
}

const inBox = (p: Position, b: readonly number[]) =>
  p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

/** A stable ASCII id from the Chinese name. */
const idOf = (name: string) => `bus-${[...name].map((c) => c.codePointAt(0)!.toString(16)).join('')}`;

function englishName(name: string): string {
  const m = /^(.*?)(大道|路|街|里)$/.exec(name);
  const [base, kind] = m ? [m[1], m[2]] : [name, ''];
  const dir: Record<string, string> = { 东: 'East', 西: 'West', 南: 'South', 北: 'North', 中: 'Middle' };
  let b = base;
  let suffix = '';
  const last = b.at(-1)!;
  if (b.length > 2 && dir[last]) {
    suffix = ` ${dir[last]}`;
    b = b.slice(0, -1);
  }
  const py = pinyin(b, { toneType: 'none', type: 'array' }).join('');
  const word = py.charAt(0).toUpperCase() + py.slice(1);
  const kindEn = { 大道: 'Ave', 路: 'Rd', 街: 'St', 里: 'Ln', '': '' }[kind] ?? '';
  return `${word}${suffix} ${kindEn}`.trim();
}

/** A place's English name: pinyin by word, capitalised ("郑大新区南门" → "Zhengda Xinqu Nanmen"); a village's name proper is one word. */
export const englishPlaceName = (name: string): string => latinName(name, { wholeNames: true });

/** The part of a line inside the box (the longest run when it leaves and re-enters). */
export function clipToBox(line: Position[], b: readonly number[]): Position[] {
  const inset = [b[0] + 1e-5, b[1] + 1e-5, b[2] - 1e-5, b[3] - 1e-5];
  const runs: Position[][] = [];
  let cur: Position[] = [];
  for (let i = 0; i < line.length - 1; i++) {
    const [p, q] = [line[i], line[i + 1]];
    // Liang–Barsky clip of segment p→q.
    let t0 = 0;
    let t1 = 1;
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    // Liang–Barsky: den·t <= num must hold for every edge.
    const clip = (den: number, num: number) => {
      if (den === 0) return num >= 0;
      const t = num / den;
      if (den < 0) {
        if (t > t1) return false;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return false;
        if (t < t1) t1 = t;
      }
      return true;
    };
    const ok =
      clip(-dx, p[0] - inset[0]) &&
      clip(dx, inset[2] - p[0]) &&
      clip(-dy, p[1] - inset[1]) &&
      clip(dy, inset[3] - p[1]);
    if (!ok) {
      if (cur.length) runs.push(cur);
      cur = [];
      continue;
    }
    const a: Position = [p[0] + t0 * dx, p[1] + t0 * dy];
    const z: Position = [p[0] + t1 * dx, p[1] + t1 * dy];
    if (!cur.length) cur.push(a);
    cur.push(z);
    if (t1 < 1) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length) runs.push(cur);
  return runs.sort((x, y) => lengthM(y) - lengthM(x))[0] ?? [];
}

/** Per road name of road-lines-summary.txt: NS or EW. */
function summaryDirections(text: string): Map<string, 'NS' | 'EW'> {
  const out = new Map<string, 'NS' | 'EW'>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const [name, dir] = line.split('\t');
    if (name && (dir === 'NS' || dir === 'EW')) out.set(name, dir);
  }
  return out;
}

/** The evidence for each road name: stop points on it, crossings named by stops, AMap crossings. */
export function busEvidence(input: Omit<BusRoadsInput, 'drawn'>) {
  const { config, bbox } = input;
  const allStops = parseBusStops(input.stopsCsv);
  const stops = allStops.filter((s) => inBox(s.at, bbox));
  const alias = config.alias;
  const onRoad = pointsOnRoads(stops, alias);
  const fromStops = [...crossingsFromStops(stops, alias).values()];
  const names = new Set<string>();
  for (const s of stops) for (const n of mentions(s, alias)) names.add(n);
  for (const c of input.crossings) if (inBox(c.at, bbox)) names.add(c.a).add(c.b);
  const of = (name: string) => {
    const xs = input.crossings.filter((c) => (c.a === name || c.b === name) && inBox(c.at, bbox));
    const bx = fromStops.filter((c) => c.a === name || c.b === name);
    const on = onRoad.get(name) ?? [];
    // A crossing named by stops is the mean of its stops, which lean towards the road they stand on;
    // still, it is the best sign of how far a road reaches, so it shapes the course with the rest.
    const all = [...on, ...xs.map((c) => c.at), ...bx.map((c) => c.at)];
    return { on, xs, bx, all };
  };
  return { stops, allStops, names, of };
}

/** A bus-drawn definition from a course (see BusRoadDef). */
function defFrom(
  name: string,
  id: string,
  cls: BusRoadDef['class'],
  line: Position[],
  course: NonNullable<ReturnType<typeof courseFrom>>,
  ev: { on: Position[]; xs: unknown[]; bx: unknown[] },
  what: string,
): BusRoadDef {
  const high = course.straight && ev.on.length >= 4 && course.rms <= 40;
  return {
    id,
    name_zh: name,
    name_en: englishName(name),
    class: cls,
    fit: 'through',
    from_bus: true,
    anchors: line.map((p) => ({
      p: round6(p) as [number, number],
      why: course.straight ? 'straight line fitted to the evidence' : 'median of the evidence along the road',
      src: 'bus-stops-2013.csv; road-crossings.csv',
    })),
    confidence: high ? 'medium' : 'low',
    note: `${what} from the 2013 bus network: ${ev.on.length} bus stop(s) of 2013 standing on it, ${ev.bx.length} crossing(s) named by stops, ${ev.xs.length} AMap crossing(s); ${course.straight ? 'a straight line' : 'a bending course'} through them (rms ${course.rms.toFixed(0)} m${course.dropped ? `, ${course.dropped} point(s) off the line left out` : ''}).`,
  };
}

/** The course the evidence gives a road, clipped to the box; null when too little. */
export function busCourse(ev: { all: Position[] }, bbox: readonly number[]) {
  const course = courseFrom(ev.all);
  if (!course) return null;
  const line = clipToBox(course.line, bbox);
  return line.length >= 2 && lengthM(line) >= 150 ? { course, line } : null;
}

/**
 * Definitions for the roads the map lacks, and for stretches of drawn roads the bus network shows
 * beyond their drawn course (evidence more than `offM` from it that continues past its ends rather
 * than running alongside it).
 */
export function busRoadDefs(input: BusRoadsInput & { drawnLines: Map<string, Position[][]> }): {
  defs: BusRoadDef[];
  extended: string[];
} {
  const { config, bbox } = input;
  const offM = 150;
  const evidence = busEvidence(input);
  const drawn = new Set(input.drawn.map((d) => d.name_zh));
  const skipped = new Set(config.skip.flatMap((s) => s.names));
  const dirs = summaryDirections(input.summaryText);
  const names = new Set([...evidence.names, ...[...dirs.keys()]]);
  const clsOf = (name: string): BusRoadDef['class'] =>
    config.arterial.includes(name) ? 'arterial' : name.endsWith('里') ? 'local' : 'secondary';

  const defs: BusRoadDef[] = [];
  const extended: string[] = [];
  const stubs: string[] = [];
  for (const name of [...names].sort()) {
    if (skipped.has(name)) continue;
    const ev = evidence.of(name);
    if (drawn.has(name)) {
      const drawnLines = input.drawnLines.get(name) ?? [];
      const near = (p: Position) => Math.min(...drawnLines.map((l) => nearestOnLine(l, p).dist));
      const off = {
        on: ev.on.filter((p) => near(p) > offM),
        xs: ev.xs.filter((c) => near(c.at) > offM),
        bx: ev.bx.filter((c) => near(c.at) > offM),
      };
      const got = busCourse(
        { all: [...off.on, ...off.xs.map((c) => c.at), ...off.bx.map((c) => c.at)] },
        bbox,
      );
      if (!got) continue;
      // Alongside the drawn road (its points project inside the drawn course): a disagreement about
      // the course, settled by hand in road-control-points.json, not a stretch to add.
      const ends = drawnLines.flatMap((l) => [l[0], l[l.length - 1]]);
      const samples = got.line.flatMap((p, i) =>
        i ? [0.25, 0.5, 0.75].map((t) => lerp(got.line[i - 1], p, t)) : [p],
      );
      const alongside = samples.filter((p) => {
        let best = { dist: Infinity, at: p };
        for (const l of drawnLines) {
          const n = nearestOnLine(l, p);
          if (n.dist < best.dist) best = n;
        }
        return ends.every((e) => distM(e, best.at) > 5);
      }).length;
      if (alongside > samples.length / 2) continue;
      extended.push(name);
      defs.push(
        defFrom(
          name,
          `${idOf(name)}-x`,
          clsOf(name),
          got.line,
          got.course,
          off,
          'A stretch beyond the drawn course, drawn',
        ),
      );
      continue;
    }
    const got = busCourse(ev, bbox);
    if (got) {
      defs.push(defFrom(name, idOf(name), clsOf(name), got.line, got.course, ev, 'Drawn'));
      continue;
    }
    // One crossing and no stop on the road: a short stub through it, in the direction the summary
    // gives or, failing that, the zone's naming rule (路 run north-south, 街 east-west), through the
    // point of the crossed road nearest the crossing when that road is drawn within 250 m (so that
    // it meets it). The build leaves out a stub that meets no road.
    stubs.push(name);
  }
  for (const name of stubs) {
    const ev = evidence.of(name);
    const c = ev.xs[0] ?? ev.bx[0];
    if (!c) continue;
    const other = c.a === name ? c.b : c.a;
    const otherLines = [
      ...(input.drawnLines.get(other) ?? []),
      ...defs.filter((d) => d.name_zh === other).map((d) => d.anchors.map((a) => a.p as Position)),
    ];
    let at: Position = c.at;
    let across: XY | null = null; // the crossed road's direction there, when it is drawn
    let best = 250;
    for (const l of otherLines) {
      const n = nearestOnLine(l, c.at);
      if (n.dist >= best) continue;
      [best, at] = [n.dist, n.at];
      const [p, q] = [toXY(l[n.index]), toXY(l[n.index + 1])];
      const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
      across = [(q[0] - p[0]) / len, (q[1] - p[1]) / len];
    }
    // Square to the crossed road; else the summary's direction or the naming rule.
    const dir = dirs.get(name) ?? (name.endsWith('街') ? 'EW' : name.endsWith('路') ? 'NS' : undefined);
    const u: XY | null = across
      ? [-across[1], across[0]]
      : dir === 'NS'
        ? [0, 1]
        : dir === 'EW'
          ? [1, 0]
          : null;
    if (!u) continue;
    const [x, y] = toXY(at);
    const half = 150;
    const line = clipToBox(
      [toLL([x - u[0] * half, y - u[1] * half]), toLL([x + u[0] * half, y + u[1] * half])],
      bbox,
    );
    if (line.length < 2 || lengthM(line) < 150) continue;
    defs.push({
      id: idOf(name),
      name_zh: name,
      name_en: englishName(name),
      class: clsOf(name),
      fit: 'through',
      from_bus: true,
      anchors: line.map((p) => ({
        p: round6(p) as [number, number],
        why: across
          ? `square to ${other} through its one crossing`
          : `${dir === 'NS' ? 'north-south' : 'east-west'} through its one crossing (${dirs.has(name) ? 'road-lines-summary.txt' : 'naming rule'})`,
        src: 'road-crossings.csv; road-lines-summary.txt',
      })),
      confidence: 'low',
      illustrative: true,
      stub: true,
      note: `Known from a single crossing only (with ${other}): a 300 m stub through it; its course beyond is not known.`,
    });
  }
  return { defs, extended };
}

const lerp = (a: Position, b: Position, t: number): Position => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
];

/**
 * Joins a bus-drawn road's ends to the network: an end that stops short of a road ahead (up to
 * `reachM`) is carried onto it; an end that overshoots a crossing by less than `stubM` is trimmed back
 * to it; an end within `nearM` of a road beside it is tied to that road's nearest point.
 */
export function joinEnds(
  line: Position[],
  others: Position[][],
  reachM = 160,
  stubM = 40,
  nearM = 45,
): Position[] {
  const l = [...line];
  for (const atStart of [true, false]) {
    if (atStart) l.reverse();
    const from = l[l.length - 2];
    const end = l[l.length - 1];
    const lastLen = distM(from, end);
    const far = extendPast(from, end, reachM);
    let ahead: { s: number; at: Position } | null = null; // nearest road ahead
    let behind: { s: number; at: Position } | null = null; // nearest crossing just inside the end
    for (const o of others)
      for (let i = 0; i < o.length - 1; i++) {
        const hit = segmentHit(from, far, o[i], o[i + 1], 0.5);
        if (!hit) continue;
        const s = hit.t * (lastLen + reachM) - lastLen; // metres beyond the end (negative: inside)
        if (s < -stubM || s < -(lastLen - 1)) continue;
        if (s >= 0 && (!ahead || s < ahead.s)) ahead = { s, at: hit.at };
        if (s < 0 && (!behind || s > behind.s)) behind = { s, at: hit.at };
      }
    const best = ahead ?? behind;
    if (best) l[l.length - 1] = best.at;
    else {
      let near: { dist: number; at: Position } | null = null;
      for (const o of others) {
        const n = nearestOnLine(o, end);
        if (n.dist > 0.5 && n.dist < nearM && (!near || n.dist < near.dist)) near = n;
      }
      if (near) l.push(near.at);
    }
    if (atStart) l.reverse();
  }
  return l;
}

/** Moves each end lying within `nearM` of another road (but not on it) onto that road's nearest point. */
export function tieEnds(line: Position[], others: Position[][], nearM = 45): Position[] {
  const l = [...line];
  for (const i of [0, l.length - 1]) {
    let near: { dist: number; at: Position } | null = null;
    for (const o of others) {
      const n = nearestOnLine(o, l[i]);
      if (n.dist < nearM && (!near || n.dist < near.dist)) near = n;
    }
    if (near && near.dist > 0.05) l[i] = near.at;
  }
  return l;
}
