/**
 * The k best sites as GeoJSON points (one feature per site and resident group), with their rank,
 * gains and how much of each gain rests on guessed features. Sites are proposals computed by the
 * app, so each says where it came from and is marked illustrative.
 */
import type { Feature, Point } from 'geojson';
import type { SiteRanking } from '../sites/types';
import { type GeoJsonExportOptions, featuresToGeoJSON } from './features-geojson';

export interface SiteFeatureProps {
  rank: number;
  group: string;
  minutes: number;
  speed_mps: number;
  area_m2: number;
  radius_m: number;
  /** People newly within the band thanks to this site (after the sites ranked before it). */
  gain: number;
  cumulative: number;
  guessed_people: number;
  guessed_residential: number;
  guessed_roads: number;
  /** 0–1 */
  guessed_share: number;
  rests_on_guesses: boolean;
  available_land: boolean;
  status: 'proposed';
  source: string;
  confidence: 'low' | 'medium';
  illustrative: true;
}

export const SITES_SOURCE =
  'Green Circle site search: greedy maximum coverage with lazy evaluation over walk times on the road network';

export function siteFeatures(rankings: readonly SiteRanking[]): Feature<Point, SiteFeatureProps>[] {
  return rankings.flatMap((r) =>
    r.sites.map((s) => ({
      type: 'Feature' as const,
      id: `${r.group}-${s.rank}`,
      properties: {
        rank: s.rank,
        group: r.group,
        minutes: r.minutes,
        speed_mps: r.speed,
        area_m2: s.areaM2,
        radius_m: Math.round(Math.sqrt(s.areaM2 / Math.PI)),
        gain: Math.round(s.gain),
        cumulative: Math.round(s.cumulative),
        guessed_people: Math.round(s.guessed.total),
        guessed_residential: Math.round(s.guessed.residential),
        guessed_roads: Math.round(s.guessed.roads),
        guessed_share: Math.round(s.guessed.share * 1000) / 1000,
        rests_on_guesses: s.restsOnGuesses,
        available_land: s.available,
        status: 'proposed' as const,
        source: SITES_SOURCE,
        // A site whose gain rests mostly on guesses is itself a guess.
        confidence: s.restsOnGuesses ? ('low' as const) : ('medium' as const),
        illustrative: true as const,
      },
      geometry: { type: 'Point' as const, coordinates: [s.lng, s.lat] },
    })),
  );
}

/** @example sitesToGeoJSON(result.rankings, { generated: new Date().toISOString(), name: 'best-sites' }) */
export function sitesToGeoJSON(rankings: readonly SiteRanking[], options: GeoJsonExportOptions): string {
  return featuresToGeoJSON(siteFeatures(rankings), {
    name: 'best-sites',
    ...options,
    sources: options.sources ?? [SITES_SOURCE],
  });
}
