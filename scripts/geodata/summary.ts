/**
 * npm run data:summary — per layer of geodata/*.geojson: feature count, geometry, total length
 * (lines) or area (polygons), shares by confidence, status and illustrative, and whether the layer
 * passes its checks (src/core/geodata/validate.ts). Then the plan's named road projects (status
 * planned or under_construction) next to the 94 km the 2015 report gives for all 96 projects:
 * a comparison, not a target (the report's figure includes roads no source lets us place).
 * For roads also how far they lie from the crossings and the 2013 bus stops (roads/accuracy.ts);
 * for residential the population by the year it stands for.
 * Last, per year (summary-years.ts): green spaces that count and 15-minute coverage, with ranges.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import area from '@turf/area';
import length from '@turf/length';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { STUDY_BBOX } from '../../src/core/geodata/schema.ts';
import { busStopErrors, crossingErrors, quantile, shareWithin } from './roads/accuracy.ts';
import { isLayerName } from '../../src/core/geodata/layers.ts';
import { validateLayer } from '../../src/core/geodata/validate.ts';
import { printYears } from './summary-years.ts';

const GEODATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
/** Road length of all 96 road, bridge and pipe projects of 2015 (work report). */
const PLAN_ROAD_KM = 94;

const measure = (f: Feature): { kind: 'km' | 'km2' | 'n'; value: number } => {
  const t = f.geometry?.type ?? '';
  if (t.includes('LineString')) return { kind: 'km', value: length(f, { units: 'kilometers' }) };
  if (t.includes('Polygon')) return { kind: 'km2', value: area(f) / 1e6 };
  return { kind: 'n', value: 1 };
};
const pct = (x: number, total: number) => (total > 0 ? `${((100 * x) / total).toFixed(0)}%` : '-');
const fmt = (kind: string, v: number) =>
  kind === 'km' ? `${v.toFixed(1)} km` : kind === 'km2' ? `${v.toFixed(2)} km²` : `${v}`;

function shares(features: Feature[], prop: string, kind: string): string {
  const by = new Map<string, number>();
  let total = 0;
  for (const f of features) {
    const k = String(f.properties?.[prop] ?? (prop === 'illustrative' ? 'false' : 'unset'));
    const v = measure(f).value;
    by.set(k, (by.get(k) ?? 0) + v);
    total += v;
  }
  const unit = kind === 'n' ? 'of features' : kind === 'km' ? 'of length' : 'of area';
  return `${[...by.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${pct(v, total)}`)
    .join(', ')} (${unit})`;
}

const files = readdirSync(GEODATA)
  .filter((f) => f.endsWith('.geojson'))
  .sort();
for (const file of files) {
  const layer = file.replace(/\.geojson$/, '');
  const fc = JSON.parse(readFileSync(join(GEODATA, file), 'utf8')) as FeatureCollection;
  const features = fc.features;
  const kinds = new Set(features.map((f) => measure(f).kind));
  const kind = kinds.size === 1 ? [...kinds][0] : 'n';
  const total = features.reduce((s, f) => s + (kind === 'n' ? 1 : measure(f).value), 0);
  const types = [...new Set(features.map((f) => f.geometry?.type))].join('/');
  const check = isLayerName(layer) ? validateLayer(layer, fc) : null;
  console.log(
    `\n${layer}: ${features.length} features (${types})${kind !== 'n' ? `, ${fmt(kind, total)}` : ''}`,
  );
  console.log(`  confidence  ${shares(features, 'confidence', kind)}`);
  if (features.some((f) => f.properties?.status))
    console.log(`  status      ${shares(features, 'status', kind)}`);
  console.log(`  illustrative ${shares(features, 'illustrative', kind)}`);
  if (layer === 'roads') {
    console.log(`  class       ${shares(features, 'class', kind)}`);
    const walk = features.filter((f) => f.properties?.walkable);
    console.log(
      `  walkable    ${fmt(
        'km',
        walk.reduce((s, f) => s + measure(f).value, 0),
      )}; bridges ${features.filter((f) => f.properties?.bridge).length}`,
    );
  }
  if (layer === 'roads') {
    const bus = features.filter((f) => String(f.properties?.road_id).startsWith('bus-'));
    const km = (fs: Feature[]) => fs.reduce((s, f) => s + measure(f).value, 0);
    console.log(
      `  drawn from  hand-placed points ${fmt('km', km(features) - km(bus))}; the 2013 bus network and crossings ` +
        `${fmt('km', km(bus))} (${new Set(bus.map((f) => f.properties?.road_id)).size} roads)`,
    );
    const lines = features as Feature<LineString>[];
    const src = (name: string) => readFileSync(join(GEODATA, 'sources', name), 'utf8');
    const alias = (
      JSON.parse(src('road-control-points.json')) as { bus_roads: { alias: Record<string, string> } }
    ).bus_roads.alias;
    const cx = crossingErrors(lines, src('road-crossings.csv'), STUDY_BBOX)
      .map((e) => e.d)
      .sort((a, b) => a - b);
    const bs = busStopErrors(lines, src('bus-stops-2013.csv'), alias, STUDY_BBOX)
      .map((e) => e.d)
      .sort((a, b) => a - b);
    console.log(
      `  accuracy    crossings (${cx.length}): median ${quantile(cx, 0.5).toFixed(0)} m, p90 ${quantile(cx, 0.9).toFixed(0)} m, ` +
        `${(100 * shareWithin(cx, 150)).toFixed(1)} % within 150 m of both roads; ` +
        `2013 stops at crossings (${bs.length}): ${(100 * shareWithin(bs, 200)).toFixed(1)} % within 200 m of both roads`,
    );
  }
  if (layer === 'landmarks') console.log(`  kind        ${shares(features, 'kind', kind)}`);
  if (layer === 'residential') {
    const byYear = new Map<string, number>();
    for (const f of features) {
      const k = `${f.properties?.kind === 'campus_dormitory' ? 'campus dormitories' : 'estates'} (${f.properties?.population_year ?? 'year unset'})`;
      byYear.set(k, (byYear.get(k) ?? 0) + Number(f.properties?.population ?? 0));
    }
    console.log(
      `  population  ${[...byYear].map(([k, v]) => `${v.toLocaleString('en')} in ${k}`).join('; ')}`,
    );
  }
  console.log(
    `  checks      ${check ? (check.ok ? 'pass' : `${check.messages.length} problem(s), e.g. ${check.messages[0].message}`) : 'no schema registered in src/core/geodata/layers.ts'}`,
  );
}

const roadsFile = join(GEODATA, 'roads.geojson');
if (files.includes('roads.geojson')) {
  const roads = (JSON.parse(readFileSync(roadsFile, 'utf8')) as FeatureCollection).features;
  const planned = roads.filter(
    (f) =>
      f.properties?.class !== 'railway' &&
      ['planned', 'under_construction'].includes(String(f.properties?.status)),
  );
  // Centre lines only: a side road (辅路) runs beside its main line and is not a second road.
  const isSide = (f: Feature) => String(f.properties?.name_zh).endsWith('辅路');
  const byPlan = new Map<string, number>();
  for (const f of planned.filter((x) => !isSide(x))) {
    const k = `${f.properties?.plan ?? f.properties?.name_zh} (${f.properties?.status})`;
    byPlan.set(k, (byPlan.get(k) ?? 0) + measure(f).value);
  }
  const km = [...byPlan.values()].reduce((a, b) => a + b, 0);
  const sideKm = planned.filter(isSide).reduce((s, f) => s + measure(f).value, 0);
  console.log(`\nPlan roads placed (planned + under construction), centre-line length: ${km.toFixed(1)} km`);
  for (const [k, v] of [...byPlan.entries()].sort((a, b) => b[1] - a[1]))
    console.log(`  ${k.padEnd(32)} ${v.toFixed(2)} km`);
  console.log(`  (plus ${sideKm.toFixed(1)} km of side roads beside the new expressway, not counted)`);
  console.log(
    `The 2015 report: 96 road, bridge and pipe projects, ${PLAN_ROAD_KM} km of road in all. ` +
      `Placed here: ${km.toFixed(1)} km (${pct(km, PLAN_ROAD_KM)} of it); the rest are projects the report does not name.`,
  );
}

const read = (name: string) => JSON.parse(readFileSync(join(GEODATA, name), 'utf8'));
const standards = join(GEODATA, 'standards.json');
printYears({
  roads: read('roads.geojson'),
  green: read('greenery.geojson'),
  residential: read('residential.geojson'),
  water: read('water.geojson'),
  standards: existsSync(standards) ? JSON.parse(readFileSync(standards, 'utf8')) : undefined,
});
