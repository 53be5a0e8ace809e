/** The search cases on the bundled geodata/ layers (not the fixtures). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPlaceIndex, placesFromLayers } from '../../../src/core/search';

const dir = fileURLToPath(new URL('../../../geodata/', import.meta.url));
const read = (name: string) => JSON.parse(readFileSync(dir + name, 'utf8'));

describe('place search on geodata/', () => {
  const layers = {
    greenery: read('greenery.geojson'),
    roads: read('roads.geojson'),
    crossings: read('crossings.geojson'),
    industrialParks: read('industrial-parks.geojson'),
    landmarks: read('landmarks.geojson'),
    residential: read('residential.geojson'),
  };
  const index = createPlaceIndex(layers);

  it('indexes parks, roads, crossings, campuses, metro stations and residential places', () => {
    const kinds = new Set(placesFromLayers(layers).map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['campus', 'crossing', 'green', 'metro', 'residential', 'road']);
  });

  it('"xsl" finds 雪松路 first', () => {
    expect(index.search('xsl')[0]).toMatchObject({ name_zh: '雪松路', kind: 'road' });
  });

  it('"tianjianhu" finds 天健湖公园 first', () => {
    expect(index.search('tianjianhu')[0]).toMatchObject({ name_zh: '天健湖公园', kind: 'green' });
  });

  it.each(['长椿路与梧桐街', '长椿路梧桐街', '梧桐街长椿路', 'changchunlu wutongjie'])(
    '"%s" finds the crossing first',
    (q) => {
      const r = index.search(q)[0];
      expect(r.kind).toBe('crossing');
      expect(r.name_zh).toMatch(/长椿路/);
      expect(r.name_zh).toMatch(/梧桐街/);
    },
  );
});
