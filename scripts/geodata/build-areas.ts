/**
 * Builds the area layers of geodata/ from the control files in geodata/sources/:
 *   industrial-parks.geojson <- industrial-parks.json
 *   residential.geojson      <- residential-blocks.json + estates.csv (+ residential-blocks.csv, the derived table)
 * Road-bounded edges follow geodata/roads.geojson (and 须水河 in water.geojson) where those exist,
 * else road-grid-fallback.json. Green spaces (greenery.geojson, built by build-greenery.ts from
 * green-spaces.json) are cut out of residential blocks. Rerun after any of them changes, in order:
 *
 *   npx tsx scripts/geodata/build-areas.ts && npx tsx scripts/geodata/build-greenery.ts \
 *     && npx tsx scripts/geodata/build-areas.ts
 * (the greenery build cuts its corridors by the campuses this build writes; the second run cuts
 * the new green spaces out of the blocks)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import circle from '@turf/circle';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import pointOnFeature from '@turf/point-on-feature';
import { featureCollection, lineString, point } from '@turf/helpers';
import union from '@turf/union';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { parseCommentedCsv, toCsv } from './csv';
import { loadRoadIndex, type RoadIndex } from './areas/road-index';
import { quadRing, type QuadSpec, type Side } from './areas/shapes';
import {
  type Area,
  type ShapeSpec,
  areaOf,
  cut,
  readAreas,
  reportSentence as sentenceOf,
  shapeBuilder,
  writeLayer,
} from './areas/shape-of';

const DIR = 'geodata';

// ---------------------------------------------------------------- inputs
const roads: RoadIndex = loadRoadIndex(
  [`${DIR}/roads.geojson`, `${DIR}/water.geojson`],
  `${DIR}/sources/road-grid-fallback.json`,
);
const report = readFileSync(`${DIR}/sources/2015-work-report.txt`, 'utf8');
/** Lakes and river channels (polygons) of water.geojson: cut out of blocks, grown into lakeside parks. */
const waterBodies: Area[] = existsSync(`${DIR}/water.geojson`) ? readAreas(`${DIR}/water.geojson`) : [];
const shapeOf = shapeBuilder(roads, waterBodies);
const reportSentence = (key: string) => sentenceOf(report, key);

function sidesUseFallback(q: QuadSpec): boolean {
  return [q.w, q.e, q.s, q.n].some((s: Side) => {
    const name = typeof s === 'string' ? s : 'road' in s ? s.road : undefined;
    return name !== undefined && roads.origin(name) === 'fallback';
  });
}

// ---------------------------------------------------------------- industrial parks
interface IndustrialSrc {
  id: string;
  name_zh: string;
  name_en: string;
  kind: string;
  status: string;
  confidence: string;
  illustrative?: boolean;
  investment_yi?: number;
  output_yi?: number;
  plan?: string;
  report_key?: string;
  source: string;
  description_zh?: string;
  description_en?: string;
  why: string;
  shape: ShapeSpec;
}
const industrialSrc = JSON.parse(readFileSync(`${DIR}/sources/industrial-parks.json`, 'utf8')) as {
  features: IndustrialSrc[];
};
const industrial: Area[] = industrialSrc.features.map((s) => {
  const geometry = shapeOf(s.shape);
  const { shape, why, report_key, ...props } = s;
  void shape;
  const f: Area = {
    type: 'Feature',
    properties: {
      ...props,
      area_m2: areaOf(geometry),
      ...(report_key ? { plan_text: reportSentence(report_key) } : {}),
      note: why,
    },
    geometry,
  };
  return f;
});

// ---------------------------------------------------------------- greenery
/** Built by build-greenery.ts; read here to cut green spaces out of residential blocks. */
const greenery: Area[] = existsSync(`${DIR}/greenery.geojson`) ? readAreas(`${DIR}/greenery.geojson`) : [];

// ---------------------------------------------------------------- residential
interface BlockSrc extends QuadSpec {
  id: string;
  why: string;
}
interface DormSrc extends QuadSpec {
  id: string;
  name_zh: string;
  name_en: string;
  population: number;
  population_year: number;
  enrolment: { students: number | null; year: number | null; what: string; source: string };
  method: string;
  why: string;
}
const resSrc = JSON.parse(readFileSync(`${DIR}/sources/residential-blocks.json`, 'utf8')) as {
  population_rule: { occupancy: number; persons_per_household: number; source: string };
  road_setbacks_m: Record<string, number | string>;
  resettlement_estates: { names: string[] };
  blocks: BlockSrc[];
  campus_dormitories: { features: DormSrc[] };
};
const { occupancy, persons_per_household: pph } = resSrc.population_rule;
const estates = parseCommentedCsv(readFileSync(`${DIR}/sources/estates.csv`, 'utf8'))
  .filter((r) => r.used === 'yes')
  .map((r) => ({
    name: r.name,
    lng: Number(r.lng),
    lat: Number(r.lat),
    units: Number(r.units),
    tier: r.tier,
  }));
const resettlement = new Set(resSrc.resettlement_estates.names);
const cutters = [...greenery, ...industrial.filter((f) => f.properties?.kind !== 'cluster'), ...waterBodies];

/** A block side naming a road gets that road's own setback (greenway, expressway) unless it sets one. */
function withRoadSetback(side: Side): Side {
  const name = typeof side === 'string' ? side : 'road' in side ? side.road : undefined;
  const setback = name ? resSrc.road_setbacks_m[name] : undefined;
  if (typeof setback !== 'number') return side;
  return typeof side === 'string' ? { road: side, setback_m: setback } : { setback_m: setback, ...side };
}

const SPARSE_DWELLINGS_PER_HA = 30;
/** Estate populations stand for 2020: the listing's year (Beike, 2020-09) and the census's (2020-11). */
const ESTATE_POPULATION_YEAR = 2020;

/**
 * An estate whose point lies within this distance outside a block belongs to it: the point is the
 * listing's pin (a gate or a building), the block edge a road set back 15 m, and BD-09 conversion
 * leaves some tens of metres of error.
 */
const JOIN_M = 50;
/**
 * Grows each block by a disc around every listed estate lying outside all blocks but within JOIN_M
 * of its edge (the disc reaches 30 m past the point), then takes parks, campuses, water and the
 * other blocks back out. Returns the names joined per block.
 */
function joinNearEstates(blocks: Map<string, Polygon | MultiPolygon>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const feature = (g: Polygon | MultiPolygon): Area => ({ type: 'Feature', properties: {}, geometry: g });
  const isInside = (p: Position) =>
    [...blocks.values()].some((g) => booleanPointInPolygon(point(p), feature(g)));
  for (const e of estates) {
    const p: Position = [e.lng, e.lat];
    if (isInside(p)) continue;
    let best: { id: string; d: number } | null = null;
    for (const [id, g] of blocks) {
      const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((q) => q[0]);
      for (const ring of rings) {
        const d = nearestPointOnLine(lineString(ring), point(p), { units: 'meters' }).properties.dist;
        if (d <= JOIN_M && (!best || d < best.d)) best = { id, d };
      }
    }
    if (!best) continue;
    const disc = circle(point(p), best.d + 30, { units: 'meters', steps: 16 });
    const merged = union(featureCollection([feature(blocks.get(best.id)!), disc]));
    if (!merged) continue;
    const others = [...blocks].filter(([id]) => id !== best!.id).map(([, g]) => feature(g));
    const grown = cut(merged.geometry as Polygon | MultiPolygon, [...cutters, ...others]);
    if (!grown || !booleanPointInPolygon(point(p), feature(grown))) continue;
    blocks.set(best.id, grown);
    out.set(best.id, [...(out.get(best.id) ?? []), e.name]);
  }
  return out;
}
const POPULATION_METHOD = `dwellings (sum of the listed estates' dwelling units, 2020 Beike listing) x ${occupancy} occupancy x ${pph} persons per family household (Zhengzhou 2020 census)`;
const taken = new Map<string, string>();
const residential: Area[] = [];
const table: Record<string, string | number>[] = [];
const blockGeometry = new Map<string, Polygon | MultiPolygon>();
for (const b of resSrc.blocks) {
  const quad = quadRing(
    { w: withRoadSetback(b.w), e: withRoadSetback(b.e), s: withRoadSetback(b.s), n: withRoadSetback(b.n) },
    roads,
  );
  const geometry = cut({ type: 'Polygon', coordinates: [quad] }, cutters);
  if (!geometry) throw new Error(`${b.id} is entirely covered by parks or campuses.`);
  blockGeometry.set(b.id, geometry);
}
const joined = joinNearEstates(blockGeometry);
for (const b of resSrc.blocks) {
  const geometry = blockGeometry.get(b.id)!;
  const f0 = { type: 'Feature' as const, properties: {}, geometry };
  const inside = estates.filter((e) => booleanPointInPolygon(point([e.lng, e.lat]), f0));
  for (const e of inside) {
    const key = `${e.name}@${e.lng},${e.lat}`;
    if (taken.has(key))
      throw new Error(`Estate ${e.name} falls in both ${taken.get(key)} and ${b.id}: blocks overlap.`);
    taken.set(key, b.id);
  }
  if (inside.length === 0) {
    console.warn(`! ${b.id}: no listed estate inside; block dropped`);
    continue;
  }
  inside.sort((x, y) => y.units - x.units);
  const dwellings = inside.reduce((s, e) => s + e.units, 0);
  const resUnits = inside.filter((e) => resettlement.has(e.name)).reduce((s, e) => s + e.units, 0);
  const isResettlement = resUnits * 2 > dwellings;
  const thin =
    sidesUseFallback(b) ||
    [b.w, b.e, b.s, b.n].some((v) => typeof v === 'object' && ('lng' in v || 'lat' in v));
  const supplementaryOnly = inside.every((e) => e.tier === 'supplementary');
  // Below this gross density the listed estates fill only part of the block (Zhengzhou's
  // high-rise estates run at 100-250 dwellings per hectare of block).
  const perHa = dwellings / (areaOf(geometry) / 1e4);
  const sparse = perHa < SPARSE_DWELLINGS_PER_HA;
  const names = inside.map((e) => e.name);
  const f: Area = {
    type: 'Feature',
    properties: {
      id: b.id,
      name_zh: `${names[0]}${names.length > 1 ? '等' : ''}街坊`,
      name_en: `Residential block ${b.id
        .replace(/^res-/, '')
        .split('-')
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join(' ')}`,
      status: isResettlement ? 'under_construction' : 'existing',
      kind: isResettlement ? 'resettlement' : 'estate',
      source:
        'estates: github anyuhanfei/community_dict@83af513 (Beike, 2020; BD-09 converted to WGS-84 with gcoord); edges: roads.geojson set back 15 m, or placed (see note)',
      confidence: isResettlement || thin || supplementaryOnly || sparse ? 'low' : 'medium',
      area_m2: areaOf(geometry),
      dwellings,
      population: Math.round(dwellings * occupancy * pph),
      population_method: POPULATION_METHOD,
      population_year: ESTATE_POPULATION_YEAR,
      estates: names,
      note:
        (isResettlement
          ? `${b.why}. Resettlement housing (安置房): under construction at the end of 2014 per the report; listed as finished in 2020.`
          : `${b.why}. Estates from a 2020 listing: some were completed after 2014.`) +
        (joined.has(b.id)
          ? ` Grown to take in ${joined.get(b.id)!.join('、')}, whose point lies just outside its edge (within ${JOIN_M} m).`
          : '') +
        (sparse
          ? ` Only ${Math.round(perHa)} listed dwellings per hectare: the rest of the block may hold unlisted housing, a village or other uses, and its population is spread evenly over it.`
          : ''),
    },
    geometry,
  };
  residential.push(f);
  table.push({
    block: b.id,
    estates: names.join('、'),
    units: inside.map((e) => e.units).join('+'),
    dwellings,
    population: f.properties!.population,
  });
}
for (const d of resSrc.campus_dormitories.features) {
  const geometry: Polygon = { type: 'Polygon', coordinates: [quadRing(d, roads)] };
  const f: Area = {
    type: 'Feature',
    properties: {
      id: d.id,
      name_zh: d.name_zh,
      name_en: d.name_en,
      status: 'existing',
      kind: 'campus_dormitory',
      source: `enrolment: ${d.enrolment.source}; share on this campus assumed; polygon schematic inside the campus`,
      confidence: 'low',
      illustrative: true,
      area_m2: areaOf(geometry),
      dwellings: 0,
      population: d.population,
      population_method: `campus estimate: ${d.method}`,
      population_year: d.population_year,
      note: d.why,
    },
    geometry,
  };
  residential.push(f);
  table.push({
    block: d.id,
    estates: '(campus dormitories)',
    units: '',
    dwellings: 0,
    population: d.population,
  });
}

// ---------------------------------------------------------------- outputs
writeLayer(DIR, 'industrial-parks', industrial);
writeLayer(DIR, 'residential', residential);
writeFileSync(
  `${DIR}/sources/residential-blocks.csv`,
  toCsv(
    ['block', 'estates', 'units', 'dwellings', 'population'],
    table,
    [
      'Derived table (written by scripts/geodata/build-areas.ts): the listed estates whose points fall inside each',
      'block, their dwelling units (2020 Beike listing, github anyuhanfei/community_dict@83af513), and',
      `population = dwellings x ${occupancy} x ${pph}. Campus dormitories are estimates (see residential-blocks.json).`,
    ].join('\n'),
  ),
);

// ---------------------------------------------------------------- SOURCES.md: the weak features
/**
 * Lists every low-confidence or illustrative feature of the three layers, with its reason, between
 * markers in geodata/SOURCES.md (appended once, replaced on every build; the prose above is by hand).
 */
function writeWeakFeatureList(): void {
  const path = `${DIR}/SOURCES.md`;
  if (!existsSync(path)) return;
  const begin =
    '<!-- areas-build:begin (generated by scripts/geodata/build-areas.ts: do not edit by hand) -->';
  const end = '<!-- areas-build:end -->';
  const item = (f: Area) => {
    const p = f.properties!;
    const flags = [p.confidence, p.illustrative ? 'illustrative' : ''].filter(Boolean).join(', ');
    const size = `${(Number(p.area_m2) / 1e4).toFixed(1)} ha`;
    const extra = p.population !== undefined ? `; ${p.dwellings} dwellings, ${p.population} residents` : '';
    // Blocks share one source (the listing and the roads), stated once above the list.
    const source = p.population === undefined ? ` Source: ${String(p.source)}.` : '';
    return `- ${p.name_zh} (${p.id}; ${p.status}; ${size}${extra}; ${flags}): ${String(p.note ?? '')}${source}`;
  };
  const weak = (fs: Area[]) =>
    fs.filter((f) => f.properties?.confidence === 'low' || f.properties?.illustrative);
  const body = [
    begin,
    '',
    '### Low-confidence and illustrative features (areas build)',
    '',
    'Green spaces:',
    '',
    ...weak(greenery).map(item),
    '',
    'Industrial parks and campuses:',
    '',
    ...weak(industrial).map(item),
    '',
    'Residential blocks (source of each: the 2020 estate listing, BD-09 converted with gcoord, and the',
    'roads of roads.geojson; the blocks with their estates and units: sources/residential-blocks.csv):',
    '',
    ...weak(residential).map(item),
    '',
    end,
  ].join('\n');
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(begin);
  const next =
    at >= 0
      ? text.slice(0, at) + body + text.slice(text.indexOf(end) + end.length)
      : `${text.trimEnd()}\n\n${body}\n`;
  writeFileSync(path, next);
}
writeWeakFeatureList();

// ---------------------------------------------------------------- report
const sum = (fs: Area[], k: string) => fs.reduce((s, f) => s + Number(f.properties?.[k] ?? 0), 0);
const shares = (fs: Area[]) => {
  const by = new Map<string, number>();
  for (const f of fs)
    by.set(String(f.properties?.confidence), (by.get(String(f.properties?.confidence)) ?? 0) + 1);
  return [...by].map(([k, v]) => `${k} ${Math.round((100 * v) / fs.length)}%`).join(', ');
};
const unassigned = estates.filter((e) => !taken.has(`${e.name}@${e.lng},${e.lat}`));
const estatePop = sum(
  residential.filter((f) => f.properties?.kind !== 'campus_dormitory'),
  'population',
);
const dormPop = sum(
  residential.filter((f) => f.properties?.kind === 'campus_dormitory'),
  'population',
);
console.log(
  `greenery: ${greenery.length} features, ${(sum(greenery, 'area_m2') / 1e6).toFixed(2)} km² (${shares(greenery)})`,
);
console.log(
  `industrial-parks: ${industrial.length} features, ${(sum(industrial, 'area_m2') / 1e6).toFixed(2)} km² (${shares(industrial)})`,
);
console.log(
  `residential: ${residential.length} features, ${(sum(residential, 'area_m2') / 1e6).toFixed(2)} km², ${sum(residential, 'dwellings')} dwellings (${shares(residential)})`,
);
console.log(
  `population: ${estatePop + dormPop} = ${estatePop} in estates + ${dormPop} in campus dormitories (notes: 0.5-0.7 million in the zone)`,
);
const boundary = existsSync(`${DIR}/boundary.geojson`)
  ? (JSON.parse(readFileSync(`${DIR}/boundary.geojson`, 'utf8')) as FeatureCollection).features.filter(
      (f): f is Area => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon',
    )
  : [];
if (boundary.length > 0) {
  const inZone = residential.filter((f) => boundary.some((z) => booleanPointInPolygon(pointOnFeature(f), z)));
  console.log(
    `  of which inside the approximate zone outline (boundary.geojson): ${sum(
      inZone.filter((f) => f.properties?.kind !== 'campus_dormitory'),
      'population',
    )} in estates + ${sum(
      inZone.filter((f) => f.properties?.kind === 'campus_dormitory'),
      'population',
    )} in dormitories`,
  );
}
console.log(
  `estates used: ${estates.length - unassigned.length} of ${estates.length} (${unassigned.reduce((s, e) => s + e.units, 0)} units outside every block)`,
);
for (const e of unassigned) console.log(`  outside every block: ${e.name} (${e.units}) ${e.lng},${e.lat}`);
const sideRoad = (s: Side) => (typeof s === 'string' ? s : 'road' in s ? s.road : undefined);
const fromFallback = new Set(
  resSrc.blocks
    .flatMap((b) => [b.w, b.e, b.s, b.n].map(sideRoad))
    .filter((n): n is string => !!n && roads.origin(n) === 'fallback'),
);
console.log(`road edges from road-grid-fallback.json: ${[...fromFallback].join(' ') || 'none'}`);
