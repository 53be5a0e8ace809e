/**
 * Input layers of the coverage computation. Only the properties the method reads are required, so
 * small test fixtures stay small; the full contract is src/core/geodata/schema.ts.
 */
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { GreenProps, ResidentialProps, RoadProps } from '../geodata/schema';

export type Scenario = '2014' | '2015';
export const SCENARIOS: readonly Scenario[] = ['2014', '2015'];

export type RoadInput = Pick<RoadProps, 'walkable' | 'status'> &
  Partial<Pick<RoadProps, 'id' | 'name_zh' | 'name_en' | 'class' | 'bridge' | 'illustrative'>>;
export type GreenInput = Pick<GreenProps, 'id' | 'status' | 'area_m2'> &
  Partial<Pick<GreenProps, 'name_zh' | 'name_en' | 'entrances' | 'illustrative' | 'type' | 'program'>>;
export type ResidentialInput = Pick<ResidentialProps, 'id' | 'population'> &
  Partial<Pick<ResidentialProps, 'name_zh' | 'name_en' | 'area_m2' | 'status'>>;

export type Areal = Polygon | MultiPolygon;

export interface CoverageLayers {
  roads: FeatureCollection<LineString | MultiLineString, RoadInput>;
  green: FeatureCollection<Areal, GreenInput>;
  residential: FeatureCollection<Areal, ResidentialInput>;
  /** Rivers, lakes: crossed only along roads. */
  water?: FeatureCollection<Areal, Record<string, unknown> | null>;
  /** Parsed geodata/standards.json, if the app bundles one (see radius.ts for the accepted shape). */
  standards?: unknown;
}

/**
 * Statuses that exist in a scenario: 2014 as built, or the 2015 plan (built + under construction +
 * planned). A green space's 'later' (opened after 2015, outside the plan) is in neither.
 */
export function statusInScenario(status: string | undefined, scenario: Scenario): boolean {
  if (status === 'existing') return true;
  return scenario === '2015' && (status === 'under_construction' || status === 'planned');
}

/** Outer and inner rings of a Polygon or MultiPolygon as arrays of polygons (each a list of rings). */
export function polygonsOf(g: Areal): number[][][][] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
}
