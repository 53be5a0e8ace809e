/**
 * The geodata layers the app ships, by name (= the file geodata/<name>.geojson): the property schema
 * each feature must satisfy and the geometry types it may have. validate.ts checks a layer against
 * its entry. Add a layer by adding one entry here.
 */
import type { GeoJsonGeometryTypes } from 'geojson';
import type { ZodType } from 'zod';
import {
  BoundaryProps,
  CrossingProps,
  GreenProps,
  IndustrialProps,
  LandmarkProps,
  ResidentialProps,
  RoadProps,
  WaterProps,
} from './schema';

export interface LayerSpec {
  schema: ZodType;
  geometryTypes: readonly GeoJsonGeometryTypes[];
}

const AREA = ['Polygon', 'MultiPolygon'] as const;

export const LAYERS = {
  roads: { schema: RoadProps, geometryTypes: ['LineString'] },
  water: { schema: WaterProps, geometryTypes: AREA },
  boundary: { schema: BoundaryProps, geometryTypes: AREA },
  landmarks: { schema: LandmarkProps, geometryTypes: ['Point'] },
  crossings: { schema: CrossingProps, geometryTypes: ['Point'] },
  greenery: { schema: GreenProps, geometryTypes: AREA },
  'industrial-parks': { schema: IndustrialProps, geometryTypes: AREA },
  residential: { schema: ResidentialProps, geometryTypes: AREA },
} satisfies Record<string, LayerSpec>;

export type LayerName = keyof typeof LAYERS;
export const isLayerName = (name: string): name is LayerName => Object.hasOwn(LAYERS, name);
