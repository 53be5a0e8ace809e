/**
 * Checks one geometry from a file and copies its coordinates into fresh [lng, lat] arrays (any
 * altitude dropped). Nothing from the file is kept by reference, so later steps can convert
 * coordinates in place. Iterative over the fixed GeoJSON nesting: no recursion on file data.
 */
import type { Position } from 'geojson';
import type { ImportLayer, ImportedGeometry } from './types';
import type { Finding } from './issue';

export interface GeometryRead {
  /** Absent when the geometry has an error. */
  geometry?: ImportedGeometry;
  /** Positions read, also when there is an error (counts toward the file's vertex limit). */
  vertices: number;
  error?: Finding;
  warnings: Finding[];
  /** Positions outside ±180 / ±90, and how many of them would lie near the zone swapped. */
  outOfRange: number;
  swappedNearZone: number;
  firstOutOfRange?: [number, number];
}

const ALLOWED: Record<ImportLayer, readonly string[]> = {
  roads: ['LineString', 'MultiLineString'],
  greenery: ['Polygon', 'MultiPolygon'],
  residential: ['Polygon', 'MultiPolygon'],
};
const KNOWN = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
];

// The zone's surroundings, generously (degrees): swapped values that land here are a swap, not chance.
const VICINITY = { west: 112.4, south: 33.7, east: 114.6, north: 35.9 };

class GeometryError extends Error {
  constructor(readonly finding: Finding) {
    super(finding.code);
  }
}

const fail = (code: Finding['code'], params: Finding['params']): never => {
  throw new GeometryError({ code, params });
};

const describe = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? `array of ${v.length}`
      : typeof v === 'string'
        ? `text "${v.slice(0, 20)}"`
        : typeof v;

export function readGeometry(g: unknown, layer: ImportLayer): GeometryRead {
  const out: GeometryRead = { vertices: 0, warnings: [], outOfRange: 0, swappedNearZone: 0 };

  const position = (p: unknown): Position => {
    out.vertices++;
    if (!Array.isArray(p) || p.length < 2)
      fail('invalid-coordinates', { detail: `a position is ${describe(p)}` });
    const [x, y] = p as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number') {
      fail('invalid-coordinates', { detail: `a position holds ${describe(typeof x !== 'number' ? x : y)}` });
    }
    const [nx, ny] = [x as number, y as number];
    if (!Number.isFinite(nx) || !Number.isFinite(ny))
      fail('non-finite-coordinate', { value: `${nx}, ${ny}` });
    if (Math.abs(nx) > 180 || Math.abs(ny) > 90) {
      out.outOfRange++;
      out.firstOutOfRange ??= [nx, ny];
    }
    if (ny >= VICINITY.west && ny <= VICINITY.east && nx >= VICINITY.south && nx <= VICINITY.north)
      out.swappedNearZone++;
    return [nx, ny];
  };

  const list = (v: unknown, what: string): unknown[] => {
    if (!Array.isArray(v)) fail('invalid-coordinates', { detail: `${what} is ${describe(v)}, not an array` });
    return v as unknown[];
  };

  const line = (v: unknown): Position[] => {
    const ps = list(v, 'a line').map(position);
    if (ps.length < 2) fail('too-few-positions', { shape: 'line', count: ps.length });
    return ps;
  };

  const ring = (v: unknown): Position[] => {
    const ps = list(v, 'a ring').map(position);
    const [first, last] = [ps[0], ps[ps.length - 1]];
    if (ps.length >= 3 && (first[0] !== last[0] || first[1] !== last[1])) {
      ps.push([first[0], first[1]]);
      out.warnings.push({ code: 'ring-closed', params: {} });
    }
    if (ps.length < 4) fail('too-few-positions', { shape: 'ring', count: ps.length });
    return ps;
  };

  const polygon = (v: unknown): Position[][] => {
    const rings = list(v, 'a polygon').map(ring);
    if (rings.length === 0) fail('invalid-coordinates', { detail: 'a polygon has no rings' });
    return rings;
  };

  const nonEmpty = <T>(xs: T[], what: string): T[] => {
    if (xs.length === 0) fail('invalid-coordinates', { detail: `the ${what} is empty` });
    return xs;
  };

  try {
    if (g === null || g === undefined) fail('missing-geometry', {});
    if (typeof g !== 'object' || Array.isArray(g))
      fail('invalid-coordinates', { detail: `the geometry is ${describe(g)}` });
    const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
    if (typeof type !== 'string' || !KNOWN.includes(type)) {
      fail('invalid-coordinates', { detail: `unknown geometry type ${String(type).slice(0, 40)}` });
    }
    if (!ALLOWED[layer].includes(type as string))
      fail('wrong-geometry-type', { found: type as string, layer });
    switch (type) {
      case 'LineString':
        out.geometry = { type, coordinates: line(coordinates) };
        break;
      case 'MultiLineString':
        out.geometry = {
          type,
          coordinates: nonEmpty(list(coordinates, 'the coordinates').map(line), 'MultiLineString'),
        };
        break;
      case 'Polygon':
        out.geometry = { type, coordinates: polygon(coordinates) };
        break;
      case 'MultiPolygon':
        out.geometry = {
          type,
          coordinates: nonEmpty(list(coordinates, 'the coordinates').map(polygon), 'MultiPolygon'),
        };
        break;
    }
  } catch (e) {
    if (!(e instanceof GeometryError)) throw e;
    out.error = e.finding;
    out.geometry = undefined;
  }
  return out;
}

/** Calls fn on every position of a geometry read by readGeometry. */
export function eachPosition(g: ImportedGeometry, fn: (p: Position) => void): void {
  const lines: Position[][] =
    g.type === 'LineString'
      ? [g.coordinates]
      : g.type === 'MultiLineString' || g.type === 'Polygon'
        ? g.coordinates
        : g.coordinates.flat();
  for (const l of lines) for (const p of l) fn(p);
}
