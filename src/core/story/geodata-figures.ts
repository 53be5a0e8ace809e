/**
 * The story's figures that come straight from geodata (no walk graph needed): the length of the
 * plan's road features, the green area the plan adds, and the green-space share of built-up land.
 * Computed with Turf from the geometry, not read from stored properties, so an edited file shows
 * its new figures.
 */
import area from '@turf/area';
import length from '@turf/length';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { statusInScenario } from '../coverage/types';
import type { ComputedFigures } from './figures';

type Props = Record<string, unknown> | null;
type FC = FeatureCollection<Geometry, Props>;

export interface GeodataForFigures {
  roads?: FC;
  greenery?: FC;
  residential?: FC;
  industrial?: FC;
}

const isExisting = (f: Feature<Geometry, Props>) => f.properties?.status === 'existing';
/** In the 2015 plan scenario (built, under construction or planned; not 'later'): the one rule, in coverage/types. */
const inPlan = (f: Feature<Geometry, Props>) =>
  statusInScenario(f.properties?.status as string | undefined, '2015');
const isLine = (f: Feature<Geometry, Props>) =>
  f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString';
const isArea = (f: Feature<Geometry, Props>) =>
  f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
const sumArea = (fs: Feature<Geometry, Props>[]) => fs.reduce((s, f) => s + area(f), 0);

/** A road feature belongs to the 2015 plan when it carries `plan` and is not yet built. */
export function isPlanRoad(f: Feature<Geometry, Props>): boolean {
  const plan = f.properties?.plan;
  return typeof plan === 'string' && plan.length > 0 && !isExisting(f) && isLine(f);
}

/**
 * Green-space share of built-up land, in %: green area ÷ (residential + industrial/campus + green
 * area). A proxy for the plan's "built-up green cover", which park polygons cannot measure
 * (street trees and courtyard green are not mapped). `withPlan` false keeps existing features only.
 */
export function greenShareOfBuiltUp(data: GeodataForFigures, withPlan: boolean): number | null {
  const keep = (fc?: FC) =>
    (fc?.features ?? []).filter((f) => isArea(f) && (withPlan ? inPlan(f) : isExisting(f)));
  const green = sumArea(keep(data.greenery));
  const built = green + sumArea(keep(data.residential)) + sumArea(keep(data.industrial));
  return built > 0 ? (green / built) * 100 : null;
}

/**
 * Figures from geodata for the story. Keys whose layer is missing are `null` (unavailable), so the
 * slide says so instead of waiting forever.
 */
export function geodataFigures(data: GeodataForFigures): ComputedFigures {
  const out: ComputedFigures = {};
  if (data.roads) {
    const plan = data.roads.features.filter(isPlanRoad);
    out.planned_road_km = plan.reduce((s, f) => s + length(f, { units: 'kilometers' }), 0);
    out.planned_road_projects = new Set(plan.map((f) => f.properties?.plan)).size;
  } else {
    out.planned_road_km = null;
    out.planned_road_projects = null;
  }
  if (data.greenery) {
    const added = data.greenery.features.filter((f) => isArea(f) && inPlan(f) && !isExisting(f));
    const addedArea = sumArea(added);
    out.green_added_m2 = addedArea;
    out.green_added_illustrative_pct =
      addedArea > 0
        ? (sumArea(added.filter((f) => f.properties?.illustrative === true)) / addedArea) * 100
        : null;
    // Low confidence: where and how wide is a guess (the corridors), not just the outline.
    const low = sumArea(added.filter((f) => f.properties?.confidence === 'low'));
    out.green_added_low_m2 = low;
    out.green_added_low_pct = addedArea > 0 ? (low / addedArea) * 100 : null;
  } else {
    out.green_added_m2 = null;
    out.green_added_illustrative_pct = null;
    out.green_added_low_m2 = null;
    out.green_added_low_pct = null;
  }
  const canShare = data.greenery && (data.residential || data.industrial);
  out.green_share_2014_pct = canShare ? greenShareOfBuiltUp(data, false) : null;
  out.green_share_2015_pct = canShare ? greenShareOfBuiltUp(data, true) : null;
  return out;
}

/** Coverage statistics for both scenarios, as the coverage engine reports them. */
export interface CoverageSummary {
  /** Residents within 15 minutes, per scenario. */
  covered2014: number;
  covered2015: number;
  /** Residents counted (the same in both scenarios). */
  population: number;
  /** Residents within 15 minutes with the plan who were beyond it in 2014. */
  newlyCovered: number;
}

/** The coverage figures of the story, from the engine's population statistics. */
export function coverageFigures(c: CoverageSummary): ComputedFigures {
  if (!(c.population > 0)) {
    return {
      coverage_2014_pct: null,
      coverage_2015_pct: null,
      coverage_gain_pct: null,
      people_newly_covered: null,
      population_total: null,
    };
  }
  const p14 = (c.covered2014 / c.population) * 100;
  const p15 = (c.covered2015 / c.population) * 100;
  return {
    coverage_2014_pct: p14,
    coverage_2015_pct: p15,
    coverage_gain_pct: p15 - p14,
    people_newly_covered: c.newlyCovered,
    population_total: c.population,
  };
}
