/**
 * npm run data:summary — per layer of geodata/*.geojson: feature count, geometry, total length
 * (lines) or area (polygons), shares by confidence, status and illustrative, and whether the layer
 * passes its checks (src/core/geodata/validate.ts). Then the plan's named road projects (status
 * planned or under_construction) next to the 94 km the 2015 report gives for all 96 projects:
 * a comparison, not a target (the report's figure includes roads no source lets us place).
 * For roads also how far they lie from the crossings and the 2013 bus stops (roads/accuracy.ts);
 * for residential the population by the year it stands for.
 * Then, per year (summary-years.ts): green spaces that count and 15-minute coverage, with ranges.
 * Last, the resident check (resident-check.ts): today's answer at ten estates spread over the zone.
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
import { residentCheck, residentTable, spreadEstates } from './resident-check.ts';
import { CoverageEngine } from '../../src/core/coverage/pipeline.ts';
import { statusInScenario } from '../../src/core/coverage/types.ts';
import { parseStandard } from '../../src/core/coverage/standard-parse.ts';

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
const coverageLayers = {
  roads: read('roads.geojson'),
  green: read('greenery.geojson'),
  residential: read('residential.geojson'),
  water: read('water.geojson'),
  standard: existsSync(standards) ? parseStandard(JSON.parse(readFileSync(standards, 'utf8'))) : undefined,
};
printYears(coverageLayers);
// ---------------------------------------------------------------- green spaces
const greenFile = join(GEODATA, 'greenery.geojson');
if (files.includes('greenery.geojson')) {
  const green = (JSON.parse(readFileSync(greenFile, 'utf8')) as FeatureCollection).features;
  const sourced = readdirSync(join(GEODATA, 'sources'))
    .filter((f) => /^green-spaces.*\.json$/.test(f))
    .flatMap(
      (f) =>
        (
          JSON.parse(readFileSync(join(GEODATA, 'sources', f), 'utf8')) as {
            features: Record<string, unknown>[];
          }
        ).features,
    );
  // Drawn = in greenery.geojson: records with a shape, and those placed from their address.
  const drawnIds = new Set(green.map((f) => String(f.properties?.id)));
  const unlocated = sourced.filter((r) => !drawnIds.has(String(r.id)));
  const km2 = (fs: Feature[]) => fs.reduce((s, f) => s + area(f), 0) / 1e6;
  const tally = (fs: Feature[], key: (f: Feature) => string) => {
    const by = new Map<string, Feature[]>();
    for (const f of fs) by.set(key(f), [...(by.get(key(f)) ?? []), f]);
    return [...by.entries()]
      .sort((a, b) => km2(b[1]) - km2(a[1]))
      .map(([k, v]) => `${k} ${v.length} (${km2(v).toFixed(2)} km²)`)
      .join(', ');
  };
  const period = (f: Feature) => {
    const y = f.properties?.opened as number | undefined;
    if (y === undefined)
      return f.properties?.status === 'existing' ? 'by 2014, year unknown' : 'year unknown';
    return y <= 2014 ? '≤2014' : y <= 2019 ? '2015–2019' : '2020–2026';
  };
  const p = (k: string) => (f: Feature) => String(f.properties?.[k] ?? '-');
  console.log(
    `\nGreen spaces: ${sourced.length} sourced in geodata/sources/green-spaces*.json, ${green.length} drawn, ${unlocated.length} not located (${unlocated.map((r) => r.name_zh).join('、')})`,
  );
  console.log(`  by kind     ${tally(green, p('green_type'))}`);
  console.log(
    `  by class    ${tally(green, (f) => `${p('green_class')(f)}${f.properties?.open_access ? ' (open)' : ''}`)}`,
  );
  console.log(
    `  confidence  ${tally(green, p('confidence'))}; illustrative outline: ${green.filter((f) => f.properties?.illustrative).length}`,
  );
  console.log(`  opened      ${tally(green, period)}`);
  // Every sourced record, drawn or not: what the research found, by kind and by opening period.
  const asFeature = (r: Record<string, unknown>): Feature =>
    ({ type: 'Feature', properties: r, geometry: null }) as unknown as Feature;
  const count = (rs: Record<string, unknown>[], key: (f: Feature) => string) => {
    const by = new Map<string, [number, number]>();
    for (const r of rs) {
      const k = key(asFeature(r));
      const [d, n] = by.get(k) ?? [0, 0];
      by.set(k, drawnIds.has(String(r.id)) ? [d + 1, n] : [d, n + 1]);
    }
    return [...by.entries()].map(([k, [d, n]]) => `${k} ${d + n} (${d} drawn, ${n} not)`).join(', ');
  };
  console.log(`  sourced by kind    ${count(sourced, p('green_type'))}`);
  console.log(`  sourced by opening ${count(sourced, period)}`);
  for (const [label, fs] of [
    ['2014 as built', green.filter((f) => statusInScenario(f.properties?.status, '2014'))],
    ['2015 plan', green.filter((f) => statusInScenario(f.properties?.status, '2015'))],
    ["opened later ('later')", green.filter((f) => f.properties?.status === 'later')],
  ] as const)
    console.log(
      `  ${label.padEnd(22)} ${fs.length} features, ${km2(fs).toFixed(2)} km² — ${tally(fs, p('green_type'))}`,
    );
}
// ---------------------------------------------------------------- resident check
{
  const src = (name: string) => readFileSync(join(GEODATA, 'sources', name), 'utf8');
  const rows = residentCheck(
    new CoverageEngine(coverageLayers),
    coverageLayers,
    spreadEstates(src('estates.csv'), src('residential-estates.csv')),
  );
  const ok = rows.filter((r) => r.verdict === 'ok').length;
  console.log(
    `\nResident check (today; ${rows.length} listed 高新 estates by farthest-point spread; estate | nearest | walk | verdict):` +
      ` ${ok} of ${rows.length} name a sourced park or 游园`,
  );
  for (const line of residentTable(rows)) console.log(`  ${line}`);
}
