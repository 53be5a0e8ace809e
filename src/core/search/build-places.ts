/**
 * Turns the geodata layers into one flat list of searchable places. Pure: the caller loads the
 * FeatureCollections (from geodata/ or an import) and passes them in.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Position } from 'geojson';
import turfBbox from '@turf/bbox';
import pointOnFeature from '@turf/point-on-feature';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import { multiLineString } from '@turf/helpers';
import type { BBox, Place } from './types';
import { latinName } from './latin-name';
import { deriveCrossings, pairKey } from './derived-crossings';
import { planPlaces } from './plan-places';

type Props = Record<string, unknown> | null;
type Layer = FeatureCollection<Geometry | null, Props>;

/** The layers search reads; any may be absent (e.g. before geodata/ has that file). */
export interface PlaceLayers {
  /** greenery.geojson: parks and green spaces (Polygon/MultiPolygon). */
  greenery?: Layer;
  /** roads.geojson: one or many (Multi)LineString segments per road, merged here by name_zh. */
  roads?: Layer;
  /** crossings.geojson: Points named "A路与B街" with `roads: [a, b]`. */
  crossings?: Layer;
  /** industrial-parks.geojson: only `kind: 'university'` features are searchable (campuses). */
  industrialParks?: Layer;
  /**
   * landmarks.geojson: `kind: 'metro_station'` (metro) and `kind: 'place'` (villages, estates,
   * campuses and institutions the 2013 bus stops are named after) features are searchable.
   */
  landmarks?: Layer;
  /** residential.geojson: blocks, plus each name in a block's `estates` array. */
  residential?: Layer;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function names(f: Feature<Geometry | null, Props>): { zh: string; en: string } | undefined {
  const zh = str(f.properties?.name_zh);
  if (!zh || !f.geometry) return undefined;
  return { zh, en: str(f.properties?.name_en) ?? pinyinLabel(zh) };
}

/** "万科城湖心岛" -> "Wankecheng Huxindao": a readable Latin label where the data has no English name. */
function pinyinLabel(zh: string): string {
  return latinName(zh);
}

function featureId(f: Feature<Geometry | null, Props>, fallback: string): string {
  return str(f.properties?.id) ?? (f.id !== undefined ? String(f.id) : fallback);
}

function bboxOf(g: Geometry): BBox {
  const [w, s, e, n] = turfBbox(g);
  return [w, s, e, n];
}

/** A point inside the area (a centroid can fall outside a crescent-shaped park). */
function insidePoint(g: Geometry): [number, number] {
  const [lng, lat] = pointOnFeature(g).geometry.coordinates;
  return [lng, lat];
}

function areaPlace(kind: Place['kind'], f: Feature<Geometry | null, Props>, i: number): Place | undefined {
  const n = names(f);
  if (!n || !f.geometry) return undefined;
  return {
    id: `${kind}:${featureId(f, String(i))}`,
    kind,
    name_zh: n.zh,
    name_en: n.en,
    center: insidePoint(f.geometry),
    bbox: f.geometry.type === 'Point' ? undefined : bboxOf(f.geometry),
    importance:
      typeof f.properties?.area_m2 === 'number' ? Math.log10(1 + Math.max(0, f.properties.area_m2)) : 0,
  };
}

function lineParts(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [(g as LineString).coordinates];
  if (g.type === 'MultiLineString') return (g as MultiLineString).coordinates;
  return [];
}

const ROAD_CLASS_IMPORTANCE: Record<string, number> = {
  expressway: 4,
  arterial: 3,
  secondary: 2,
  local: 1,
  path: 0,
};

/** One place per road name: the segments' bbox, and the point of the road nearest its bbox centre. */
function roadPlaces(layer: Layer): Place[] {
  const byName = new Map<
    string,
    { en: string; id: string; parts: Position[][]; importance: number; alt: string[] }
  >();
  layer.features.forEach((f) => {
    const n = names(f);
    if (!n || !f.geometry) return;
    const parts = lineParts(f.geometry).filter((p) => p.length >= 2);
    if (parts.length === 0) return;
    const importance = ROAD_CLASS_IMPORTANCE[String(f.properties?.class)] ?? 0;
    // name_alt: another name of the road (its 2013 name, 西环路 for 西三环), found by search too.
    const alt = (str(f.properties?.name_alt) ?? '').split('、').filter(Boolean);
    const road = byName.get(n.zh);
    if (road) {
      road.parts.push(...parts);
      road.importance = Math.max(road.importance, importance);
      road.alt = unique([...road.alt, ...alt]);
    } else byName.set(n.zh, { en: n.en, id: n.zh, parts: [...parts], importance, alt });
  });
  return [...byName].map(([zh, road]) => {
    const line = multiLineString(road.parts);
    const bbox = bboxOf(line.geometry);
    const middle: [number, number] = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
    const [lng, lat] = nearestPointOnLine(line, middle).geometry.coordinates;
    const place: Place = {
      id: `road:${road.id}`,
      kind: 'road',
      name_zh: zh,
      name_en: road.en,
      center: [lng, lat],
      bbox,
    };
    place.importance = road.importance;
    if (road.alt.length) place.aliases_zh = road.alt;
    return place;
  });
}

/** The two road names of a crossing, from `roads` or else from a name like "A路与B街". */
function crossingRoads(f: Feature<Geometry | null, Props>, zh: string): [string, string] | undefined {
  const roads = f.properties?.roads;
  if (Array.isArray(roads) && roads.length === 2 && roads.every((r) => str(r))) {
    return [str(roads[0])!, str(roads[1])!];
  }
  const parts = zh
    .split(/与|&|＆/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length === 2 ? [parts[0], parts[1]] : undefined;
}

function crossingPlace(f: Feature<Geometry | null, Props>, i: number): Place | undefined {
  const place = areaPlace('crossing', f, i);
  if (!place) return undefined;
  const pair = crossingRoads(f, place.name_zh);
  if (pair) place.aliases_zh = crossingAliases(place.name_zh, pair);
  return place;
}

/** Both orders, with and without a joining word: people type "长椿路梧桐街" or "梧桐街与长椿路". */
function crossingAliases(nameZh: string, [a, b]: [string, string]): string[] {
  return unique([`${a}与${b}`, `${b}与${a}`, `${a}${b}`, `${b}${a}`, `${a}和${b}`, `${b}和${a}`]).filter(
    (s) => s !== nameZh,
  );
}

// "Xuesong Road" -> "Xuesong Rd", as the crossings layer writes its English names.
const SHORT_EN: [RegExp, string][] = [
  [/\bRoad\b/g, 'Rd'],
  [/\bStreet\b/g, 'St'],
  [/\bAvenue\b/g, 'Ave'],
];
const shortEn = (en: string) => SHORT_EN.reduce((s, [re, to]) => s.replace(re, to), en);

/** The crossings the layer does not list, where two named roads meet (see derived-crossings.ts). */
function derivedCrossingPlaces(roads: Layer, crossings: Layer | undefined, roadPlaceList: Place[]): Place[] {
  const known = new Set<string>();
  crossings?.features.forEach((f) => {
    const zh = str(f.properties?.name_zh);
    const pair = zh && crossingRoads(f, zh);
    if (pair) known.add(pairKey(pair[0], pair[1]));
  });
  const importance = new Map(roadPlaceList.map((p) => [p.name_zh, p.importance ?? 0]));
  return deriveCrossings(roads, known, (zh) => importance.get(zh) ?? 0).map(
    ({ roads: pair, roads_en, at }) => {
      const name_zh = `${pair[0]}与${pair[1]}`;
      const en = roads_en.every(Boolean) ? roads_en.map(shortEn).join(' & ') : pinyinLabel(name_zh);
      return {
        id: `crossing:${pairKey(pair[0], pair[1])}`,
        kind: 'crossing',
        name_zh,
        name_en: en,
        center: at,
        aliases_zh: crossingAliases(name_zh, pair),
      } satisfies Place;
    },
  );
}

// A bracketed qualifier at the end: "郑州大学(主校区)", "西流湖生态公园（北区）", "宿舍区(估)".
const QUALIFIER = /\s*[(（][^()（）]*[)）]\s*$/u;

/** Adds the name without its bracketed qualifier as an alias, so "郑州大学" is an exact match. */
function withoutQualifier(p: Place): Place {
  const bare = p.name_zh.replace(QUALIFIER, '');
  if (bare && bare !== p.name_zh) p.aliases_zh = unique([...(p.aliases_zh ?? []), bare]);
  return p;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** A residential block, and each listed estate in it as its own place pointing at the block. */
function residentialPlaces(f: Feature<Geometry | null, Props>, i: number, seen: Set<string>): Place[] {
  const block = areaPlace('residential', f, i);
  if (!block) return [];
  const out: Place[] = [block];
  const estates = f.properties?.estates;
  if (Array.isArray(estates)) {
    estates.forEach((e, j) => {
      const zh = str(e);
      if (!zh || zh === block.name_zh || seen.has(zh)) return;
      seen.add(zh);
      out.push({
        ...block,
        id: `${block.id}/estate-${j}`,
        name_zh: zh,
        name_en: pinyinLabel(zh),
        parent_zh: block.name_zh,
        parent_en: block.name_en,
      });
    });
  }
  return out;
}

/**
 * Every searchable place in the layers. Features without a name_zh or geometry are skipped, so a
 * half-authored layer still gives a working search.
 * @example placesFromLayers({ greenery, roads, crossings }).length
 */
export function placesFromLayers(layers: PlaceLayers): Place[] {
  const out: Place[] = [];
  const push = (p: Place | undefined) => p && out.push(withoutQualifier(p));
  layers.greenery?.features.forEach((f, i) => push(areaPlace('green', f, i)));
  const roadPlaceList = layers.roads ? roadPlaces(layers.roads) : [];
  out.push(...roadPlaceList);
  if (layers.roads) out.push(...planPlaces(layers.roads));
  layers.crossings?.features.forEach((f, i) => push(crossingPlace(f, i)));
  if (layers.roads) out.push(...derivedCrossingPlaces(layers.roads, layers.crossings, roadPlaceList));
  layers.industrialParks?.features.forEach((f, i) => {
    if (f.properties?.kind === 'university') push(areaPlace('campus', f, i));
  });
  layers.landmarks?.features.forEach((f, i) => {
    if (f.properties?.kind === 'place') return push(areaPlace('place', f, i));
    if (f.properties?.kind !== 'metro_station') return;
    const p = areaPlace('metro', f, i);
    // "天健湖站" is also found as "天健湖地铁站".
    if (p && p.name_zh.endsWith('站')) p.aliases_zh = [p.name_zh.replace(/站$/, '地铁站')];
    push(p);
  });
  const seenEstates = new Set<string>();
  layers.residential?.features.forEach((f, i) => residentialPlaces(f, i, seenEstates).forEach(push));
  return out;
}
