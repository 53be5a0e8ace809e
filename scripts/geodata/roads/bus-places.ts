/**
 * Places the 2013 bus stops are named after (郑大新区南门, 须水, 元通纺织城 …): villages, estates,
 * campuses and institutions. A stop named after a place stands at it, so the mean of the stop's
 * points (both directions, every line) places it within about a hundred metres. Stops named after a
 * crossing or only a road name none; "化工路白庄" names 白庄.
 */
import type { Position } from 'geojson';
import type { BusStop } from './bus-evidence.ts';

export interface BusPlaceConfig {
  about: string;
  /** [west, south, east, north]: only stops inside are used. */
  bbox: [number, number, number, number];
  /** Name as on the stop → the place's name (a misspelling, an entrance of the same village). */
  alias: Record<string, string>;
  /** Stop names that are not places (a road section, a generic stop). */
  exclude: string[];
}

export interface BusPlace {
  name: string;
  at: Position;
  points: number;
  stopNames: string[];
  lines: string[];
}

const ROAD_HEAD = /^(.{2,4}?(?:路|街|大道))(.*)$/;

/** The place a stop is named after, or null. */
export function placeName(stopName: string, config: BusPlaceConfig): string | null {
  let n = stopName.replace(/站$/, '');
  const m = ROAD_HEAD.exec(n);
  if (m) n = m[2];
  n = config.alias[n] ?? n;
  if (n.length < 2 || config.exclude.includes(n)) return null;
  return n;
}

export function busPlaces(stops: BusStop[], config: BusPlaceConfig): BusPlace[] {
  const [w, s, e, n] = config.bbox;
  const acc = new Map<string, { pts: Map<string, Position>; names: Set<string>; lines: Set<string> }>();
  for (const st of stops) {
    if (st.roadA) continue;
    if (st.at[0] < w || st.at[0] > e || st.at[1] < s || st.at[1] > n) continue;
    const name = placeName(st.name, config);
    if (!name) continue;
    const a = acc.get(name) ?? { pts: new Map(), names: new Set(), lines: new Set() };
    a.pts.set(`${st.at[0].toFixed(5)},${st.at[1].toFixed(5)}`, st.at);
    a.names.add(st.name);
    a.lines.add(st.line);
    acc.set(name, a);
  }
  return [...acc]
    .map(([name, a]) => {
      const pts = [...a.pts.values()];
      const at: Position = [
        pts.reduce((x, p) => x + p[0], 0) / pts.length,
        pts.reduce((x, p) => x + p[1], 0) / pts.length,
      ];
      return { name, at, points: pts.length, stopNames: [...a.names].sort(), lines: [...a.lines].sort() };
    })
    .sort((x, y) => x.name.localeCompare(y.name, 'zh'));
}
