/**
 * The site search's exports and report section: the ranked sites as GeoJSON with their gains, the
 * cumulative curve as CSV, and the sites and the plan comparison on the printable report. Offered
 * once a search has a result (the plan comparison's rows once it has been computed).
 */
import { curveToCsv, sitesToGeoJSON } from '../../core/export';
import { app } from '../../state/app.svelte';
import { sites } from '../../state/sites.svelte';
import { people } from '../coverage/format';
import { dateStamp, exportFile } from './export-file';
import { registerExport, registerReportSection } from './registry.svelte';

const has = () => !!sites.result && sites.active;
const stem = (what: string) => `green-circle-${what}-${dateStamp()}`;

registerExport({
  id: 'sites-geojson',
  labelKey: 'data.export.sites',
  available: has,
  run: () => {
    const r = sites.result;
    if (!r) return;
    const text = sitesToGeoJSON(r.rankings, { generated: new Date(), name: 'best-sites' });
    exportFile(`${stem('best-sites')}.geojson`, 'application/geo+json', text);
  },
});

registerExport({
  id: 'sites-curve',
  labelKey: 'data.export.curve',
  available: has,
  run: () => {
    const r = sites.result;
    if (!r) return;
    exportFile(`${stem('sites-curve')}.csv`, 'text/csv;charset=utf-8', curveToCsv(r.rankings));
  },
});

registerReportSection({
  id: 'sites',
  titleKey: 'sites.report.title',
  rows: () => {
    const out: [string, string][] = [];
    const r = sites.active ? sites.ranking : null;
    const n = (x: number) => people(app.lang, x);
    if (r) {
      out.push([
        app.t('sites.report.params'),
        app.t('sites.report.paramsValue', {
          k: r.sites.length,
          ha: r.sites[0] ? r.sites[0].areaM2 / 10000 : sites.areaM2 / 10000,
          group: app.t(`sites.group.${r.group}`),
        }),
      ]);
      for (const s of r.sites)
        out.push([
          app.t('sites.site', { rank: s.rank }),
          `${s.lat.toFixed(5)}, ${s.lng.toFixed(5)} · ${app.t('sites.gain', { people: people(app.lang, s.gain, true) })} · ${app.t('sites.cumulative', { people: n(s.cumulative) })}${s.restsOnGuesses ? ` · ${app.t('sites.guessed', { pct: Math.round(s.guessed.share * 100) })}` : ''}`,
        ]);
    }
    const c = sites.plan;
    if (c && c.planParks.length)
      out.push([
        app.t('sites.report.plan'),
        app.t('sites.plan.summary', {
          n: c.planParks.length,
          plan: n(c.planGain),
          best: n(c.bestGain),
          minutes: c.minutes,
        }),
      ]);
    return out;
  },
});
