/**
 * The 15-minute circle's exports and report section: walking bands and gaps as GeoJSON, the
 * statistics as CSV, and the key figures on the printable report. Registered once at load; each
 * is offered only once a coverage result exists (the coverage tab or a coverage layer computes it).
 */
import type { Feature } from 'geojson';
import { featuresToGeoJSON, statsToCsv, type CsvCell } from '../../core/export';
import type { CoverageResult } from '../../core/coverage/pipeline';
import { gapFeatures } from '../../core/coverage/gaps';
import { statsRanges } from '../../core/coverage/without-guessed';
import { scenarioLabel } from '../../state/scenario-choice';
import { peopleRange, shareRange } from '../coverage/ranges';
import { app } from '../../state/app.svelte';
import { coverage } from '../../state/coverage.svelte';
import { imports } from '../../state/imports.svelte';
import { dateStamp, exportFile } from './export-file';
import { registerExport, registerReportSection } from './registry.svelte';

const pct = (x: number) => Math.round(x * 1000) / 10;
const people = (x: number) => Math.round(x).toLocaleString(app.lang === 'zh' ? 'zh-CN' : 'en-GB');

/** Where the figures come from, written into every exported file. */
function sources(): string[] {
  return [
    app.t('data.report.bundled'),
    ...imports.layers.map((l) => `${l.name} (${l.layer}, ${l.crs}, ${l.importedAt.slice(0, 10)})`),
  ];
}

const gapPopulation = (r: CoverageResult) => r.gaps.reduce((n, g) => n + g.population, 0);

/**
 * The statistics as rows of indicator, value, unit and, for a figure that depends on guessed
 * features, the value without them (the scenario's parameters first).
 */
export function coverageCsvRows(r: CoverageResult): CsvCell[][] {
  const s = r.stats;
  const w = s.withoutGuessed ?? s;
  const rows: CsvCell[][] = [
    ['scenario', r.params.scenario, ''],
    ['what counts as green', r.params.greenRule, ''],
    ['walking speed', r.params.speed, 'm/s'],
    ['what-if parks', r.params.whatIfs.length, ''],
    ['residential population', Math.round(s.totalPopulation), 'people'],
    ['residential land', Math.round(s.totalResidentialM2), 'm²'],
  ];
  s.bands.forEach((b, k) => {
    const o = w.bands[k] ?? b;
    rows.push(
      [`population within ${b.minutes} min`, Math.round(b.population), 'people', Math.round(o.population)],
      [`population share within ${b.minutes} min`, pct(b.populationShare), '%', pct(o.populationShare)],
      [
        `residential land within ${b.minutes} min`,
        Math.round(b.residentialM2),
        'm²',
        Math.round(o.residentialM2),
      ],
      [
        `residential land share within ${b.minutes} min`,
        pct(b.residentialShare),
        '%',
        pct(o.residentialShare),
      ],
    );
  });
  rows.push(
    ['service-radius coverage, residential land', pct(s.radius.landRate), '%', pct(w.radius.landRate)],
    ['service-radius coverage, population', pct(s.radius.populationRate), '%'],
    ...s.radius.targets.map((t): CsvCell[] => [`target ${pct(t.rate)}% met (${t.source})`, t.met, '']),
    ['population with no green space within reach', Math.round(s.unreachablePopulation), 'people'],
    ['population relying on illustrative green spaces', Math.round(s.illustrativePopulation), 'people'],
    ['gaps beyond the largest band', r.gaps.length, ''],
    [
      'population in gaps',
      Math.round(gapPopulation(r)),
      'people',
      Math.round(r.gaps.reduce((n, g) => n + (g.populationWithoutGuessed ?? g.population), 0)),
    ],
  );
  return rows;
}

const result = () => coverage.result;
const has = () => !!coverage.result;
const stem = (what: string) => `green-circle-${what}-${coverage.result?.params.scenario}-${dateStamp()}`;

/** A GeoJSON export of some features of the current result, named and sourced. */
function registerGeoJsonExport(what: 'bands' | 'gaps', features: (r: CoverageResult) => Feature[]) {
  registerExport({
    id: `coverage-${what}`,
    labelKey: `data.export.${what}`,
    available: has,
    run: async () => {
      // Results come without band polygons and gap outlines (traced in idle time): make sure they are here.
      const r = await coverage.withPolygons();
      if (!r) return;
      const text = featuresToGeoJSON(features(r), {
        generated: new Date(),
        name: `coverage-${what}`,
        sources: sources(),
      });
      exportFile(`${stem(what)}.geojson`, 'application/geo+json', text);
    },
  });
}

registerGeoJsonExport('bands', (r) => r.bands.features);
registerGeoJsonExport('gaps', (r) => gapFeatures(r.gaps, Math.max(...r.params.bands)).features);

registerExport({
  id: 'coverage-csv',
  labelKey: 'data.export.csv',
  available: has,
  run: () => {
    const r = result();
    if (!r) return;
    const rows = [
      ...coverageCsvRows(r),
      ['generated', new Date().toISOString(), ''],
      ...sources().map((s): CsvCell[] => ['source', s, '']),
    ];
    exportFile(
      `${stem('statistics')}.csv`,
      'text/csv;charset=utf-8',
      statsToCsv(
        ['指标 Indicator', '数值 Value', '单位 Unit', '不计推测要素 Without guessed features'],
        rows,
      ),
    );
  },
});

registerReportSection({
  id: 'coverage',
  titleKey: 'data.stats.title',
  rows: () => {
    const r = result();
    if (!r) return [];
    const s = r.stats;
    const rg = statsRanges(s);
    const largest = Math.max(...r.params.bands);
    const out: [string, string][] = [
      [
        app.t('data.stats.scenario'),
        app.t('data.stats.scenarioValue', {
          scenario: scenarioLabel(app.t, r.params.scenario, coverage.timeline.latestYear),
          speed: r.params.speed,
        }),
      ],
      // Each figure beside the same without guessed features, where that differs: never a guess as a finding.
      ...s.bands.map((b, k): [string, string] => [
        app.t('data.stats.band', { minutes: b.minutes }),
        app.t('data.stats.bandValue', {
          share: shareRange(app.t, app.lang, rg.bands[k].populationShare),
          people: peopleRange(app.t, app.lang, rg.bands[k].population),
        }),
      ]),
      [app.t('data.stats.radius'), shareRange(app.t, app.lang, rg.radiusLandRate)],
      [
        app.t('data.stats.gaps', { minutes: largest }),
        app.t('data.stats.gapsValue', {
          count: r.gaps.length,
          people: peopleRange(app.t, app.lang, {
            value: gapPopulation(r),
            withoutGuessed: r.gaps.reduce((n, g) => n + (g.populationWithoutGuessed ?? g.population), 0),
          }),
        }),
      ],
    ];
    if (r.params.whatIfs.length) out.push([app.t('data.stats.whatIfs'), String(r.params.whatIfs.length)]);
    if (s.illustrativePopulation > 0)
      out.push([app.t('data.stats.illustrative'), people(s.illustrativePopulation)]);
    return out;
  },
});
