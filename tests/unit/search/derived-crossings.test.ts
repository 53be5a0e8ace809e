import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { createPlaceIndex, placesFromLayers } from '../../../src/core/search';
import { deriveCrossings } from '../../../src/core/search/derived-crossings';

const road = (name_zh: string, name_en: string, cls: string, coordinates: number[][]) => ({
  type: 'Feature' as const,
  properties: { name_zh, name_en, class: cls },
  geometry: { type: 'LineString' as const, coordinates },
});

// 雪松路 (arterial, north-south) meets 枫杨街 (secondary) at a shared vertex and 梧桐街 at another;
// 西三环辅路 runs beside 西三环 sharing a vertex; a railway meets 雪松路; 长江路 touches nothing.
const roads: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    road('雪松路', 'Xuesong Road', 'arterial', [
      [113.55, 34.8],
      [113.55, 34.81],
      [113.55, 34.815],
    ]),
    road('雪松路', 'Xuesong Road', 'arterial', [
      [113.55, 34.815],
      [113.55, 34.82],
    ]),
    road('枫杨街', 'Fengyang Street', 'secondary', [
      [113.54, 34.815],
      [113.55, 34.815],
      [113.56, 34.815],
    ]),
    road('梧桐街', 'Wutong Street', 'secondary', [
      [113.55, 34.81],
      [113.56, 34.81],
    ]),
    road('西三环', 'West 3rd Ring Road', 'expressway', [
      [113.59, 34.78],
      [113.59, 34.85],
    ]),
    road('西三环辅路', 'West 3rd Ring Road (side road)', 'local', [
      [113.5905, 34.79],
      [113.59, 34.85],
    ]),
    road('陇海铁路', 'Longhai Railway', 'railway', [
      [113.5, 34.82],
      [113.55, 34.82],
    ]),
    road('长江路', 'Changjiang Road', 'local', [
      [113.6, 34.76],
      [113.61, 34.76],
    ]),
  ],
};

// The layer lists 梧桐街 x 雪松路 (under its own, reversed name); 枫杨街 x 雪松路 is missing.
const crossings: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {
        name_zh: '梧桐街与雪松路',
        name_en: 'Wutong St & Xuesong Rd',
        roads: ['梧桐街', '雪松路'],
      },
      geometry: { type: 'Point', coordinates: [113.55, 34.81] },
    },
  ],
};

describe('crossings derived from the road network', () => {
  it('finds each pair of named roads meeting at a shared vertex once, main road first', () => {
    const found = deriveCrossings(roads as never, new Set(), (zh) => (zh === '雪松路' ? 3 : 2));
    expect(found.map((c) => c.roads.join('×')).sort()).toEqual(['雪松路×枫杨街', '雪松路×梧桐街']);
    expect(found.find((c) => c.roads[1] === '枫杨街')).toMatchObject({
      at: [113.55, 34.815],
      roads_en: ['Xuesong Road', 'Fengyang Street'],
    });
  });

  it('leaves out a road and its own side road, railways, and pairs the crossings layer has', () => {
    const places = placesFromLayers({ roads: roads as never, crossings: crossings as never });
    const xs = places.filter((p) => p.kind === 'crossing').map((p) => p.name_zh);
    expect(xs.sort()).toEqual(['梧桐街与雪松路', '雪松路与枫杨街']);
  });

  it('makes the missing crossing searchable in any order, in pinyin initials and in English', () => {
    const index = createPlaceIndex({ roads: roads as never, crossings: crossings as never });
    for (const q of [
      '枫杨街雪松路',
      '雪松路与枫杨街',
      '枫杨街与雪松路交叉口',
      'fyjxsl',
      'Xuesong Rd & Fengyang St',
    ]) {
      expect(index.search(q)[0], q).toMatchObject({
        kind: 'crossing',
        name_zh: '雪松路与枫杨街',
        name_en: 'Xuesong Rd & Fengyang St',
        center: [113.55, 34.815],
      });
    }
  });
});
