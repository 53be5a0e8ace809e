/**
 * The straight-line service-radius method of Chinese standards, for comparison with walking reality:
 * each green space serves a circle-like buffer whose radius depends on its size, and the coverage
 * rate is the share of residential land inside any buffer. '300米见绿、500米见园' (CAUPD park report;
 * GB/T 51346-2019 §4.3.4 and App. A.0.3; GB/T 50563): ≥ 5,000 m² → 500 m, 1,000–5,000 m² → 300 m.
 * Targets: 80% (GB 55014-2021, mandatory minimum) and 90% (GB/T 51346-2019).
 */
import buffer from '@turf/buffer';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { StandardsFile } from '../geodata/standards';

export interface RadiusTier {
  /** The smallest green space (m²) this tier applies to. */
  minAreaM2: number;
  /** Exclusive upper bound, m²; none = no bound. */
  maxAreaM2?: number;
  radiusM: number;
  source: string;
}

export interface RateTarget {
  /** Share of residential land, 0–1. */
  rate: number;
  source: string;
}

export interface ServiceRadiusStandard {
  tiers: RadiusTier[];
  targets: RateTarget[];
}

/** Used when geodata/standards.json is absent or unreadable. */
export const DEFAULT_STANDARD: ServiceRadiusStandard = {
  tiers: [
    { minAreaM2: 5000, radiusM: 500, source: "GB/T 51346-2019 §4.3.4; CAUPD park report '500米见园'" },
    { minAreaM2: 1000, radiusM: 300, source: "GB/T 50563; CAUPD park report '300米见绿'" },
  ],
  targets: [
    { rate: 0.8, source: 'GB 55014-2021 (mandatory minimum)' },
    { rate: 0.9, source: 'GB/T 51346-2019 §4.3.4' },
  ],
};

/**
 * The standard in geodata/standards.json, read by its one parser (the zod contract in
 * src/core/geodata/standards.ts). A file that breaks the contract falls back to DEFAULT_STANDARD.
 */
export function parseStandard(json: unknown): ServiceRadiusStandard {
  const file = StandardsFile.safeParse(json);
  return file.success ? standardOf(file.data) : DEFAULT_STANDARD;
}

/**
 * One scheme of a checked standards file: its tiers (largest parks first) and the coverage targets.
 * @param scheme a key of `alternative_radius_schemes`; the default scheme (`service_radii`) when absent
 */
export function standardOf(file: StandardsFile, scheme?: string): ServiceRadiusStandard {
  const rows = scheme === undefined ? file.service_radii : file.alternative_radius_schemes[scheme];
  if (!rows) throw new Error(`geodata/standards.json has no radius scheme "${scheme}".`);
  return {
    tiers: rows
      .filter((r) => r.radius_m > 0)
      .map((r) => ({
        minAreaM2: r.min_area_m2,
        maxAreaM2: r.max_area_m2,
        radiusM: r.radius_m,
        source: r.source,
      }))
      .sort((a, b) => b.minAreaM2 - a.minAreaM2),
    targets: file.coverage_thresholds
      .map((t) => ({ rate: t.rate, source: t.source }))
      .sort((a, b) => a.rate - b.rate),
  };
}

/** The service radius of a green space of `areaM2`, or 0 when it is too small to count. */
export function serviceRadius(std: ServiceRadiusStandard, areaM2: number): number {
  for (const t of std.tiers) {
    if (areaM2 >= t.minAreaM2 && (t.maxAreaM2 === undefined || areaM2 < t.maxAreaM2)) return t.radiusM;
  }
  return 0;
}

export function maxRadius(std: ServiceRadiusStandard): number {
  return Math.max(0, ...std.tiers.map((t) => t.radiusM));
}

/** Buffers for display: one feature per green space that counts, unioned by nobody (overlaps are fine on a map). */
export function radiusBuffers(
  std: ServiceRadiusStandard,
  greens: ReadonlyArray<Feature<Polygon | MultiPolygon, { id: string; area_m2: number }>>,
): FeatureCollection<Polygon | MultiPolygon, { id: string; radius_m: number }> {
  const features: Feature<Polygon | MultiPolygon, { id: string; radius_m: number }>[] = [];
  for (const f of greens) {
    const r = serviceRadius(std, f.properties.area_m2);
    if (r <= 0) continue;
    const b = buffer(f, r, { units: 'meters', steps: 16 });
    if (!b) continue;
    features.push({
      type: 'Feature',
      properties: { id: f.properties.id, radius_m: r },
      geometry: b.geometry,
    });
  }
  return { type: 'FeatureCollection', features };
}
