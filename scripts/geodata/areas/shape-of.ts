/**
 * Turns the shape specs of the control files in geodata/sources/ (a road-bounded 'quad', a
 * hand-placed 'ring', a 'strip' beside a centre line, a park 'around' a lake) into WGS-84 polygons,
 * and the few polygon operations both area builds need (cut, round, area, validated write).
 * Shared by build-areas.ts and build-greenery.ts so a shape means the same in both.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import area from '@turf/area';
import buffer from '@turf/buffer';
import difference from '@turf/difference';
import intersect from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { LayerName } from '../../../src/core/geodata/layers';
import { validateLayer } from '../../../src/core/geodata/validate';
import { crossAt, type RoadIndex } from './road-index';
import { quadRing, round6, stripRing, type QuadSpec } from './shapes';

export type Area = Feature<Polygon | MultiPolygon>;

export interface StripSpec {
  line: string;
  /** 1: the line runs north-south and from/to are latitudes; 0: east-west, longitudes. */
  along: 0 | 1;
  from: number;
  to: number;
  near_m: number;
  far_m: number;
  sides: (1 | -1)[];
}
export interface ShapeSpec {
  quad?: QuadSpec;
  ring?: Position[];
  strip?: StripSpec;
  /** The named water body of water.geojson grown by margin_m: a lakeside park around its lake. */
  around?: { water: string; margin_m: number };
}

/** The report's sentence (up to and including its '。', or its line) that contains `key`, verbatim. */
export function reportSentence(report: string, key: string): string {
  const sentences = report
    .split('\n')
    .flatMap((line) => line.split(/(?<=。)/))
    .map((s) => s.trim())
    .filter(Boolean);
  const hits = sentences.filter((s) => s.includes(key));
  if (hits.length !== 1)
    throw new Error(`Report key "${key}" matches ${hits.length} sentences; make it unique.`);
  return hits[0];
}

export function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (r: Position[]) => r.map(([x, y]) => [round6(x), round6(y)]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}

/** Removes every cutter that overlaps `g`; null when nothing is left. */
export function cut(g: Polygon | MultiPolygon, cutters: Area[]): Polygon | MultiPolygon | null {
  let cur: Area | null = { type: 'Feature', properties: {}, geometry: g };
  for (const c of cutters) {
    if (!cur) return null;
    if (!intersect(featureCollection([cur, c]))) continue;
    cur = difference(featureCollection([cur, c])) as Area | null;
  }
  return cur ? roundGeometry(cur.geometry) : null;
}

export const areaOf = (g: Polygon | MultiPolygon) =>
  Math.round(area({ type: 'Feature', properties: {}, geometry: g }));

/** A shape builder bound to the road index and the water bodies it places edges against. */
export function shapeBuilder(roads: RoadIndex, waterBodies: Area[]) {
  function stripLine(spec: StripSpec): Position[] {
    const lines = roads.lines(spec.line);
    const pts: Position[] = [];
    const step = spec.along === 1 ? 0.00045 : 0.00055; // about 50 m
    for (let at = spec.from; at <= spec.to + 1e-9; at += step) {
      const across = crossAt(lines, spec.along, at);
      pts.push(spec.along === 1 ? [across, at] : [at, across]);
    }
    return pts;
  }

  return function shapeOf(spec: ShapeSpec, extra: StripSpec[] = []): Polygon | MultiPolygon {
    if (spec.quad) return { type: 'Polygon', coordinates: [quadRing(spec.quad, roads)] };
    if (spec.ring) return { type: 'Polygon', coordinates: [spec.ring] };
    if (spec.strip) {
      const rings = [spec.strip, ...extra].flatMap((s) =>
        s.sides.map((side) => stripRing(stripLine(s), s.near_m, s.far_m, side)),
      );
      return rings.length === 1
        ? { type: 'Polygon', coordinates: rings }
        : { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) };
    }
    if (spec.around) {
      const { water: name, margin_m } = spec.around;
      const body = waterBodies.find((f) => f.properties?.name_zh === name);
      if (!body) throw new Error(`water.geojson has no "${name}" to draw a park around.`);
      const grown = buffer(body, margin_m, { units: 'meters', steps: 8 });
      if (!grown) throw new Error(`Buffering "${name}" failed.`);
      return roundGeometry(grown.geometry as Polygon | MultiPolygon);
    }
    throw new Error(`Shape needs quad, ring, strip or around: ${JSON.stringify(spec)}`);
  };
}

/** Validates a layer with the app's own validator (schema, geometry, ids, bbox), then writes it. */
export function writeLayer(dir: string, layer: LayerName, features: Area[]): void {
  const result = validateLayer(layer, { type: 'FeatureCollection', features });
  if (!result.ok) {
    const lines = result.messages.map((m) => `  ${m.id ?? m.index}: ${m.message}`);
    throw new Error(`${layer} does not validate:\n${lines.join('\n')}`);
  }
  // One feature per line keeps diffs readable.
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(`${dir}/${layer}.geojson`, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
}

/** Polygon features of a GeoJSON file (lakes, parks, campuses). */
export function readAreas(path: string): Area[] {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as { features: Feature[] };
  return fc.features.filter(
    (f): f is Area => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
}
