/**
 * The cumulative curve of the k best sites as CSV (people gained against the number of parks, one
 * row per k and resident group), in the statistics CSV's format: UTF-8 BOM, CRLF, bilingual header.
 */
import type { SiteRanking } from '../sites/types';
import { type CsvCell, statsToCsv } from './stats-csv';

export const CURVE_CSV_HEADER = [
  '人群 Group',
  '步行速度 m/s Speed',
  '时间圈 min Band',
  '新公园数 Parks (k)',
  '本处新增人口 Marginal gain',
  '累计新增人口 People gained',
  '圈内人口 People within band',
  '圈内人口比例 % Share within band',
  '依赖推测数据的新增人口 Gain resting on guesses',
] as const;

const pct = (x: number) => Math.round(x * 1000) / 10;

export function curveToCsv(rankings: readonly SiteRanking[]): string {
  const rows: CsvCell[][] = [];
  for (const r of rankings) {
    r.curve.forEach((p) => {
      const site = p.k > 0 ? r.sites[p.k - 1] : undefined;
      rows.push([
        r.group,
        r.speed,
        r.minutes,
        p.k,
        site ? Math.round(site.gain) : 0,
        Math.round(p.gained),
        Math.round(p.covered),
        pct(p.coveredShare),
        site ? Math.round(site.guessed.total) : 0,
      ]);
    });
  }
  return statsToCsv(CURVE_CSV_HEADER, rows);
}
