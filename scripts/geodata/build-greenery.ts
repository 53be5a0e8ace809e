/**
 * Builds geodata/greenery.geojson from geodata/sources/green-spaces*.json: every sourced green space
 * with its evidence, drawn from the roads, lakes and rivers it is described against. Records marked
 * `located: false` have no hand-made shape: those with `place_at` (the crossing and corner their
 * address names) are drawn in that corner once both roads are in roads.geojson and meet; the rest
 * are counted and listed with the reason, not drawn.
 * Corridors give way to the parks and campuses they run into, so no ground is counted twice; water
 * is cut out of every green space but the lakeside parks whose published area includes their lake.
 * Rerun after the sources, roads.geojson, water.geojson or industrial-parks.geojson change, then
 * rerun build-areas.ts (it cuts green spaces out of residential blocks):
 *
 *   npx tsx scripts/geodata/build-greenery.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import buffer from '@turf/buffer';
import { multiLineString } from '@turf/helpers';
import type { FeatureCollection, LineString, Position } from 'geojson';
import { type CornerSpec, cornerQuad } from './areas/corner-place';
import { loadRoadIndex } from './areas/road-index';
import {
  type Area,
  type ShapeSpec,
  type StripSpec,
  areaOf,
  cut,
  readAreas,
  reportSentence,
  shapeBuilder,
  writeLayer,
} from './areas/shape-of';

const DIR = 'geodata';

interface Evidence {
  outlet: string;
  date: string;
  title: string;
  url: string;
  says: string;
}
export interface GreenSource {
  id: string;
  name_zh: string;
  name_en: string;
  program: string;
  type: string;
  green_type: string;
  green_class: string;
  open_access?: boolean;
  status: string;
  opened?: number;
  source_year?: number;
  area_m2_published?: number;
  illustrative?: boolean;
  confidence: string;
  outline_confidence?: string;
  source: string;
  evidence: Evidence[];
  why: string;
  located?: false;
  /** The address exactly as the source gives it, for records placed from it (or not yet placeable). */
  address_text?: string;
  /** The crossing and corner the address names: placed there once both roads are drawn. */
  place_at?: CornerSpec;
  /** A park built around its lake, whose published area includes the water: water is not cut out. */
  keep_water?: boolean;
  shape?: ShapeSpec;
  extra_strips?: StripSpec[];
  cut_by?: string[];
  /**
   * Roads that cross the green space on their own right of way (a bridge over its lake): their
   * corridor, `half_width_m` either side of the centre line in roads.geojson, is not park ground.
   */
  cut_roads?: { road: string; half_width_m: number; why: string }[];
  entrances?: Position[];
}
interface SourceFile {
  plan_key?: string;
  features: GreenSource[];
}

const files = readdirSync(`${DIR}/sources`)
  .filter((f) => /^green-spaces.*\.json$/.test(f))
  .sort();
const sources = files.map((f) => JSON.parse(readFileSync(`${DIR}/sources/${f}`, 'utf8')) as SourceFile);
const records = sources.flatMap((s) => s.features);
const planKey = sources.find((s) => s.plan_key)?.plan_key;
if (!planKey) throw new Error('No green-spaces*.json gives plan_key (the report key for 四园四廊道).');

const report = readFileSync(`${DIR}/sources/2015-work-report.txt`, 'utf8');
const planText = reportSentence(report, planKey);
const roads = loadRoadIndex(
  [`${DIR}/roads.geojson`, `${DIR}/water.geojson`],
  `${DIR}/sources/road-grid-fallback.json`,
);
const water = existsSync(`${DIR}/water.geojson`) ? readAreas(`${DIR}/water.geojson`) : [];
const campuses = existsSync(`${DIR}/industrial-parks.geojson`)
  ? readAreas(`${DIR}/industrial-parks.geojson`).filter((f) => f.properties?.kind !== 'cluster')
  : [];
const shapeOf = shapeBuilder(roads, water);
const roadLines = (JSON.parse(readFileSync(`${DIR}/roads.geojson`, 'utf8')) as FeatureCollection<LineString>)
  .features;
/** The corridor of a road crossing a green space (see GreenSource.cut_roads). */
function roadCorridors(s: GreenSource): Area[] {
  return (s.cut_roads ?? []).flatMap(({ road, half_width_m }) => {
    const pieces = roadLines.filter((r) => r.properties?.name_zh === road);
    if (pieces.length === 0) throw new Error(`${s.id}: cut_roads names ${road}, which roads.geojson lacks.`);
    // One buffer of the whole road, its pieces chained into runs: per-piece buffers (or a
    // MultiLineString's) pinch at the joints and leave the cut polygon touching itself there.
    const runs: Position[][] = [];
    for (const r of pieces) {
      const c = r.geometry.coordinates;
      const last = runs.at(-1);
      if (last && last.at(-1)![0] === c[0][0] && last.at(-1)![1] === c[0][1]) last.push(...c.slice(1));
      else runs.push([...c]);
    }
    const corridor = buffer(multiLineString(runs), half_width_m, { units: 'meters' });
    return corridor ? [corridor as Area] : [];
  });
}

const ids = new Set<string>();
const drawn = new Map<string, Area>();
const parks: Area[] = [];
const greenery: Area[] = [];
const unlocated: { s: GreenSource; reason: string }[] = [];
for (const s of records) {
  if (ids.has(s.id)) throw new Error(`Green space id ${s.id} appears twice in ${files.join(', ')}.`);
  ids.add(s.id);
  if (s.evidence.length === 0) throw new Error(`${s.id} has no evidence.`);
  let spec = s.shape;
  let placedBy: string | undefined;
  if (s.located === false) {
    if (spec) throw new Error(`${s.id} has a shape but says located: false.`);
    const placed = s.place_at ? cornerQuad(s.place_at, roads, s.area_m2_published) : undefined;
    if (!placed || 'reason' in placed) {
      unlocated.push({ s, reason: placed?.reason ?? s.why });
      continue;
    }
    spec = { quad: placed.quad };
    placedBy = `Placed from its address (${s.address_text ?? s.place_at?.roads.join(' x ')}): a square in the ${s.place_at?.corner.toUpperCase()} corner of the crossing as roads.geojson draws it, set back 15 m, of the published area (else about 0.8 ha); outline a guess.`;
  }
  if (!spec) throw new Error(`${s.id} has neither a shape nor located: false.`);
  let geometry = shapeOf(spec, s.extra_strips);
  const cutters = [
    // Road corridors first: the parks cut out next may carry the same corridor's notch.
    ...roadCorridors(s),
    ...(s.cut_by ?? []).map((id) => {
      const f = drawn.get(id);
      if (!f) throw new Error(`${s.id} is cut by ${id}, which is not drawn before it.`);
      return f;
    }),
    ...(s.type === 'linear' ? [...parks, ...campuses] : []),
    ...(s.keep_water ? [] : water),
  ];
  if (cutters.length > 0) {
    const left = cut(geometry, cutters);
    if (!left) throw new Error(`${s.id} vanished when ${cutters.length} shapes were cut out of it.`);
    geometry = left;
  }
  const { shape, why, extra_strips, cut_by, cut_roads, evidence, located, keep_water, place_at, ...props } =
    s;
  void [shape, extra_strips, cut_by, cut_roads, evidence, located, keep_water, place_at];
  const f: Area = {
    type: 'Feature',
    properties: {
      ...props,
      area_m2: areaOf(geometry),
      ...(s.program !== 'other' ? { plan: '四园四廊道', plan_text: planText } : {}),
      ...(placedBy ? { placed_by: 'address', illustrative: true, outline_confidence: 'low' } : {}),
      note: placedBy ? `${why} ${placedBy}` : why,
    },
    geometry,
  };
  greenery.push(f);
  drawn.set(s.id, f);
  if (s.type !== 'linear') parks.push(f);
}
writeLayer(DIR, 'greenery', greenery);

const by = (fs: { properties?: Record<string, unknown> | null }[], k: string) => {
  const m = new Map<string, number>();
  for (const f of fs)
    m.set(String(f.properties?.[k] ?? '-'), (m.get(String(f.properties?.[k] ?? '-')) ?? 0) + 1);
  return [...m].map(([key, n]) => `${key} ${n}`).join(', ');
};
console.log(`sourced green spaces: ${records.length} (${files.join(', ')}); drawn ${greenery.length}`);
console.log(
  `  by green_type: ${by(
    records.map((r) => ({ properties: { ...r } })),
    'green_type',
  )}`,
);
console.log(
  `  by status (end of 2014): ${by(
    records.map((r) => ({ properties: { ...r } })),
    'status',
  )}`,
);
console.log(`  drawn, by confidence: ${by(greenery, 'confidence')}`);
for (const { s, reason } of unlocated)
  console.log(`  not located: ${s.name_zh} (${s.id}) [${s.address_text ?? '-'}]: ${reason}`);
