/**
 * Input layers of the coverage computation. Only the properties the method reads are required, so
 * small test fixtures stay small; the full contract is src/core/geodata/schema.ts.
 */
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { GreenProps, ResidentialProps, RoadProps } from '../geodata/schema';
import type { Status2014 } from './scenarios';
import type { ServiceRadiusStandard } from './radius';

export {
  type Scenario,
  SCENARIOS,
  inScenario,
  statusInScenario,
  scenarioList,
  scenariosOf,
  type ReportScenario,
  type ScenarioInfo,
} from './scenarios';

/** Properties of the data contract of issue 10 that older geodata lacks: all optional here. */
interface DatedProps {
  /** Status at the end of 2014; `later` = neither built nor planned then, opened since. */
  status: Status2014;
  /** Year opened to the public, where a source gives it. */
  opened?: number;
  confidence?: 'high' | 'medium' | 'low';
}

export type RoadInput = Pick<RoadProps, 'walkable'> &
  DatedProps &
  Partial<Pick<RoadProps, 'id' | 'name_zh' | 'name_en' | 'class' | 'bridge' | 'illustrative'>>;
export type GreenInput = Pick<GreenProps, 'id' | 'area_m2'> &
  DatedProps &
  Partial<Pick<GreenProps, 'name_zh' | 'name_en' | 'entrances' | 'illustrative' | 'program'>> & {
    /** The old classification (comprehensive, community, pocket, linear). */
    type?: string;
    /** CJJ/T 85-2017 class: G1 公园绿地 (parks, 游园), G2 防护绿地 (shelter belts). */
    green_class?: 'G1' | 'G2' | string;
    /** Kind within the class: comprehensive, community, special, pocket, corridor, … */
    green_type?: string;
    /** A G2 space a source says is open to the public, with paths. */
    open_access?: boolean;
    /** How sure the outline is, where the data rates it apart from the position's `confidence`. */
    outline_confidence?: 'high' | 'medium' | 'low';
  };
export type ResidentialInput = Pick<ResidentialProps, 'id' | 'population'> &
  Partial<Pick<ResidentialProps, 'name_zh' | 'name_en' | 'area_m2' | 'status'>>;

export type Areal = Polygon | MultiPolygon;

export interface CoverageLayers {
  roads: FeatureCollection<LineString | MultiLineString, RoadInput>;
  green: FeatureCollection<Areal, GreenInput>;
  residential: FeatureCollection<Areal, ResidentialInput>;
  /** Rivers, lakes: crossed only along roads. */
  water?: FeatureCollection<Areal, Record<string, unknown> | null>;
  /**
   * The service-radius standard of geodata/standards.json, already parsed (standard-parse.ts);
   * DEFAULT_STANDARD when absent.
   */
  standard?: ServiceRadiusStandard;
}

/** Outer and inner rings of a Polygon or MultiPolygon as arrays of polygons (each a list of rings). */
export function polygonsOf(g: Areal): number[][][][] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
}
