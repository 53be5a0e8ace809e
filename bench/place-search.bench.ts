/**
 * Place search per keystroke on a synthetic city of 4,000 places (seeded, so runs compare), and on
 * the bundled geodata as the app searches it.
 * Run: npx vitest bench --run bench/place-search.bench.ts
 * Last run (node 20, 2 cores shared with other jobs, load ~15, so slow and noisy): 4,000 places:
 * build 478 ms min / 705 ms mean, 12 queries 67 ms min (~6 ms per keystroke); bundled zone (536
 * places): build 250 ms min, ~2–5 ms per keystroke (median over 60 runs of the 12 queries: 4.9 ms).
 * On an idle machine the 4,000-place figures were 105–137 ms and ~3 ms.
 */
import { bench, describe } from 'vitest';
import { createPlaceIndex, PlaceIndex, type Place, type PlaceKind } from '../src/core/search';
import { mulberry32 } from './synthetic-random';
import { readPlaceLayers } from '../tests/unit/search/load-fixtures';

const CHARS =
  '雪松长椿梧桐翠竹科学大道天健湖公园西流枫香河阳瑞达莲花须水金柏红叶银屏石楠丁香合欢冉屯朱泊月趣园五龙口南北创新锦和绿谷万城';
const SUFFIX: Record<PlaceKind, string[]> = {
  green: ['公园', '游园', '绿地'],
  road: ['路', '街', '大道'],
  crossing: [''],
  metro: ['站'],
  campus: ['大学', '学院'],
  residential: ['小区', '花园', '家园', '苑'],
  place: ['村', '庄', '新村'],
};
const KINDS: PlaceKind[] = [
  'green',
  'road',
  'road',
  'crossing',
  'metro',
  'campus',
  'residential',
  'residential',
];

function syntheticPlaces(n: number): Place[] {
  const rand = mulberry32(42);
  const pick = <T>(xs: readonly T[] | string) => xs[Math.floor(rand() * xs.length)] as T;
  const stem = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick<string>(CHARS)).join('');
  return Array.from({ length: n }, (_, i) => {
    const kind = pick(KINDS);
    const name = kind === 'crossing' ? `${stem()}路与${stem()}街` : stem() + pick(SUFFIX[kind]);
    return {
      id: `${kind}:${i}`,
      kind,
      name_zh: name,
      name_en: `Place ${i}`,
      center: [113.44 + rand() * 0.18, 34.75 + rand() * 0.13] as [number, number],
      aliases_zh: kind === 'crossing' ? [name.replace('与', '')] : undefined,
    };
  });
}

const places = syntheticPlaces(4000);
const index = new PlaceIndex(places);
// What someone types, keystroke by keystroke.
const keystrokes = [
  'x',
  'xu',
  'xue',
  'xues',
  'xueso',
  'xuesongl',
  'xuesnglu',
  '雪',
  '雪松',
  '雪松路',
  'changchunluwutongjie',
  'tjh',
];

describe('place search, 4,000 places', () => {
  bench(
    'build index',
    () => {
      new PlaceIndex(places);
    },
    { iterations: 5 },
  );
  bench('one keystroke (average over 12 typical queries)', () => {
    for (const q of keystrokes) index.search(q);
  });
});

// The bundled zone as the app searches it (parks, roads, listed and derived crossings, campuses,
// metro stations, residential blocks and estates).
const zone = readPlaceLayers(new URL('../geodata/', import.meta.url));
const zoneIndex = createPlaceIndex(zone);

describe(`place search, bundled geodata (${zoneIndex.size} places)`, () => {
  bench('build index from the layers', () => void createPlaceIndex(zone), { iterations: 5 });
  bench('one keystroke (average over 12 typical queries)', () => {
    for (const q of keystrokes) zoneIndex.search(q);
  });
});
