import { describe, expect, it } from 'vitest';
import { curveToCsv, sitesToGeoJSON } from '../../../src/core/export';
import { decodeSiteSearch, encodeSiteSearch } from '../../../src/core/sites/sites-url';
import type { RankedSite, SiteRanking } from '../../../src/core/sites/types';

const site = (rank: number, gain: number, cumulative: number, guessed: number): RankedSite => ({
  rank,
  lng: 113.5 + rank / 100,
  lat: 34.8,
  areaM2: 20000,
  gain,
  cumulative,
  guessed: { residential: guessed, roads: 0, total: guessed, share: guessed / gain },
  restsOnGuesses: guessed / gain >= 0.5,
  available: false,
});

const ranking: SiteRanking = {
  group: 'all',
  speed: 1,
  minutes: 15,
  limitM: 900,
  totalPopulation: 10000,
  basePopulation: 4000,
  sites: [site(1, 3000.4, 3000.4, 600), site(2, 1000, 4000.4, 900)],
  curve: [
    { k: 0, gained: 0, covered: 4000, coveredShare: 0.4 },
    { k: 1, gained: 3000.4, covered: 7000.4, coveredShare: 0.70004 },
    { k: 2, gained: 4000.4, covered: 8000.4, coveredShare: 0.80004 },
  ],
};

describe('site exports', () => {
  it('sites as GeoJSON points with rank, gains and guess flags', () => {
    const fc = JSON.parse(sitesToGeoJSON([ranking], { generated: '2026-12-02T00:00:00Z' }));
    expect(fc.name).toBe('best-sites');
    expect(fc.features).toHaveLength(2);
    const [a, b] = fc.features;
    expect(a.geometry).toEqual({ type: 'Point', coordinates: [113.51, 34.8] });
    expect(a.properties).toMatchObject({
      rank: 1,
      gain: 3000,
      cumulative: 3000,
      guessed_people: 600,
      guessed_share: 0.2,
      rests_on_guesses: false,
      confidence: 'medium',
      radius_m: 80,
      illustrative: true,
    });
    expect(b.properties).toMatchObject({ rank: 2, rests_on_guesses: true, confidence: 'low' });
    expect(typeof a.properties.source).toBe('string');
  });

  it('the curve as CSV in the statistics format: BOM, CRLF, one row per k', () => {
    const csv = curveToCsv([ranking]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[1]).toBe('all,1,15,0,0,0,4000,40,0');
    expect(lines[2]).toBe('all,1,15,1,3000,3000,7000,70,600');
    expect(lines[3]).toBe('all,1,15,2,1000,4000,8000,80,900');
  });
});

describe('site search in the URL', () => {
  it('round-trips parameters and available land', () => {
    const ring = [
      [113.5, 34.8],
      [113.51, 34.8],
      [113.51, 34.81],
      [113.5, 34.8],
    ];
    const text = encodeSiteSearch({
      k: 3,
      areaM2: 20000,
      allowCampus: true,
      groups: ['all', 'elderly'],
      availableLand: [ring],
    });
    expect(text.startsWith('3,20000,ce;g,')).toBe(true);
    expect(decodeSiteSearch(text)).toEqual({
      k: 3,
      areaM2: 20000,
      allowCampus: true,
      allowIndustrial: false,
      groups: ['all', 'elderly'],
      availableLand: [ring],
    });
    expect(encodeSiteSearch({ k: 5, areaM2: 10000 })).toBe('5,10000');
  });

  it('a malformed value gives null, never an exception', () => {
    for (const bad of ['', 'x', '0,20000', '11,20000', '3,5', '3,20000,zz', '3.5,20000'])
      expect(decodeSiteSearch(bad)).toBeNull();
    expect(decodeSiteSearch('3,20000;g,oops')?.availableLand).toEqual([]);
  });
});
