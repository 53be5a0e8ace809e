/**
 * The per-year part of `npm run data:summary`: for every scenario of the data (2014 as built, the
 * 2015 plan, each year a feature opened, today), the green spaces that count (count, area, by
 * class/type and confidence) and the 15-minute coverage (population and residential land share),
 * each with its value without guessed features (src/core/coverage/guesses.ts). Figures come from the
 * same CoverageEngine the app's worker runs, with the app's default parameters.
 */
import type { FeatureCollection } from 'geojson';
import { CoverageEngine, resolveParams } from '../../src/core/coverage/pipeline.ts';
import { DEFAULT_GREEN_RULE, countsAsGreen } from '../../src/core/coverage/green-class.ts';
import { greenGuessed } from '../../src/core/coverage/guesses.ts';
import { formatRange, formatShare, formatPeople } from '../../src/core/coverage/range-format.ts';
import { type ScenarioInfo, inScenario } from '../../src/core/coverage/scenarios.ts';
import type { CoverageLayers, GreenInput } from '../../src/core/coverage/types.ts';
import { statsRanges } from '../../src/core/coverage/without-guessed.ts';

const LIMIT_MIN = 15;
const TEMPLATES = { without: '{value} ({without} without guessed)', none: '{value} (none without guessed)' };
const share = (x: number) => formatShare('en', x);

function label(s: ScenarioInfo): string {
  if (s.kind === 'built') return '2014 as built';
  if (s.kind === 'plan') return '2015 plan';
  if (s.kind === 'today') return `today (${s.year} data)`;
  return `end of ${s.year}`;
}

function tally(items: { key: string; m2: number }[]): string {
  const by = new Map<string, { n: number; m2: number }>();
  for (const { key, m2 } of items) {
    const t = by.get(key) ?? { n: 0, m2: 0 };
    t.n++;
    t.m2 += m2;
    by.set(key, t);
  }
  return [...by.entries()]
    .sort((a, b) => b[1].m2 - a[1].m2)
    .map(([k, t]) => `${k} ${t.n} (${(t.m2 / 1e4).toFixed(1)} ha)`)
    .join(', ');
}

export function printYears(layers: CoverageLayers): void {
  const engine = new CoverageEngine(layers);
  const { scenarios, latestYear } = engine.timeline;
  const green = (layers.green as FeatureCollection).features as unknown as {
    properties: GreenInput | null;
    geometry: unknown;
  }[];
  console.log(
    `\nScenarios (green spaces that count by the ${DEFAULT_GREEN_RULE} rule; coverage within ${LIMIT_MIN} min at 1.0 m/s;` +
      ` latest sourced year ${latestYear}). "without guessed" leaves out green spaces whose existence or place` +
      ` is a guess (low confidence, or illustrative with no separate outline rating), roads whose course is a` +
      ` guess, and what counts as open today only by assumption (under construction in 2014, no opening year).`,
  );
  for (const s of scenarios) {
    const all = green.filter((f) => f.geometry && f.properties && inScenario(f.properties, s.id));
    const counted = all.filter((f) => countsAsGreen(f.properties!, DEFAULT_GREEN_RULE));
    const m2 = counted.reduce((a, f) => a + f.properties!.area_m2, 0);
    const item = (key: (p: GreenInput) => string) =>
      counted.map((f) => ({ key: key(f.properties!), m2: f.properties!.area_m2 }));
    // The app's defaults: 5/10/15 min, 1.0 m/s, smallest green space 1000 m², 50 m cells.
    const stats = engine.statsWithRange(resolveParams({ scenario: s.id }));
    const band = statsRanges(stats).bands.find((b) => b.minutes === LIMIT_MIN)!;
    const guesses = stats.guesses!;
    console.log(`\n${label(s)} [s=${s.id}]`);
    console.log(
      `  green spaces  ${counted.length} counted, ${(m2 / 1e6).toFixed(2)} km²` +
        (all.length > counted.length
          ? `; ${all.length - counted.length} G2 not open to the public left out`
          : ''),
    );
    console.log(`  by class      ${tally(item((p) => p.green_class ?? 'unclassified'))}`);
    console.log(`  by type       ${tally(item((p) => p.green_type ?? p.type ?? 'unset'))}`);
    console.log(`  confidence    ${tally(item((p) => p.confidence ?? 'unset'))}`);
    console.log(
      `  guessed       ${counted.filter((f) => greenGuessed(f.properties!, s.id)).length} green spaces, ${guesses.roads} walkable roads` +
        ` (of which open today only by assumption: ${guesses.assumedOpen.greens} green spaces, ${guesses.assumedOpen.roads} roads)`,
    );
    console.log(`  ${LIMIT_MIN}-min people ${formatRange(band.populationShare, share, TEMPLATES)}`);
    console.log(`  ${LIMIT_MIN}-min land   ${formatRange(band.residentialShare, share, TEMPLATES)}`);
    console.log(
      `  beyond ${LIMIT_MIN} min  ${formatRange(statsRanges(stats).gapPopulation, (n) => formatPeople('en', n), TEMPLATES)} people`,
    );
  }
}
