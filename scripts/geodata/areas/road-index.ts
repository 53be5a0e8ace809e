/**
 * Road centre lines by Chinese name, for placing area edges against roads. Lines come from
 * geodata/roads.geojson where it has the road, else from geodata/sources/road-grid-fallback.json.
 * Coordinates are WGS-84 [lng, lat].
 */
import { existsSync, readFileSync } from 'node:fs';
import type { FeatureCollection, Position } from 'geojson';

export type Line = Position[];

export interface RoadIndex {
  /** Every centre line drawn for this road name (several parts, side roads, extensions). */
  lines(name: string): Line[];
  /** Where a road's geometry came from: a geodata layer (roads, water) or the fallback grid. */
  origin(name: string): 'layer' | 'fallback';
}

interface Fallback {
  roads: Record<string, { line: Line; why: string }>;
}

/**
 * @param layerPaths GeoJSON layers to take named lines from (roads, water); missing files are skipped.
 * Polygon rings count as lines too: crossAt() then averages both banks of a river polygon.
 */
export function loadRoadIndex(layerPaths: string[], fallbackPath: string): RoadIndex {
  const byName = new Map<string, Line[]>();
  for (const path of layerPaths.filter((p) => existsSync(p))) {
    const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
    for (const f of fc.features) {
      const name = (f.properties?.name_zh as string | undefined) ?? '';
      const g = f.geometry;
      const parts =
        g.type === 'LineString'
          ? [g.coordinates]
          : g.type === 'MultiLineString' || g.type === 'Polygon'
            ? g.coordinates
            : g.type === 'MultiPolygon'
              ? g.coordinates.flat()
              : [];
      if (!name || parts.length === 0) continue;
      byName.set(name, [...(byName.get(name) ?? []), ...parts]);
    }
  }
  const fallback = (JSON.parse(readFileSync(fallbackPath, 'utf8')) as Fallback).roads;
  return {
    lines(name) {
      const found = byName.get(name) ?? (fallback[name] ? [fallback[name].line] : undefined);
      if (!found)
        throw new Error(`Road "${name}" is in neither roads.geojson nor road-grid-fallback.json: add it.`);
      return found;
    },
    origin(name) {
      return byName.has(name) ? 'layer' : 'fallback';
    },
  };
}

/**
 * Position across a road at a given coordinate along it: for a north-south road, its longitude at
 * `at` latitude (axis 1 -> returns axis 0); for an east-west road, its latitude at `at` longitude.
 * Averages every segment that spans `at` (dual carriageways, side roads); beyond the drawn extent
 * the nearest end is held (roads are treated as continuing straight).
 */
export function crossAt(lines: Line[], along: 0 | 1, at: number): number {
  const across = along === 1 ? 0 : 1;
  const hits: number[] = [];
  let nearest = { d: Infinity, v: NaN };
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i];
      const b = line[i + 1];
      const lo = Math.min(a[along], b[along]);
      const hi = Math.max(a[along], b[along]);
      if (hi > lo && at >= lo && at <= hi) {
        const t = (at - a[along]) / (b[along] - a[along]);
        hits.push(a[across] + t * (b[across] - a[across]));
      }
    }
    for (const p of [line[0], line[line.length - 1]]) {
      const d = Math.abs(p[along] - at);
      if (d < nearest.d) nearest = { d, v: p[across] };
    }
  }
  if (hits.length === 0) return nearest.v;
  // Side roads and both carriageways sit within ~60 m of each other; a hit farther than 300 m
  // from the median belongs to another stretch of a same-named road and is ignored.
  hits.sort((x, y) => x - y);
  const median = hits[Math.floor(hits.length / 2)];
  const close = hits.filter((h) => Math.abs(h - median) < 0.003);
  return close.reduce((s, h) => s + h, 0) / close.length;
}
