/**
 * Which grid cells cannot take a new park, and why: water, residential blocks, existing green spaces,
 * and campuses or industrial parks unless the user allows them. One byte per cell of the access grid.
 */
import type { FeatureCollection } from 'geojson';
import { type GridSpec, localRings, rasterize } from '../coverage/grid-spec';
import type { ScenarioModel } from '../coverage/model';
import type { ResidentialRaster } from '../coverage/residential';
import type { Areal } from '../coverage/types';

export const LAND_FREE = 0;
export const LAND_WATER = 1;
export const LAND_RESIDENTIAL = 2;
export const LAND_GREEN = 3;
export const LAND_CAMPUS = 4;
export const LAND_INDUSTRIAL = 5;

/** Kinds of the industrial-parks layer that are campuses; every other kind is industrial land. */
const CAMPUS_KINDS = new Set(['university', 'campus']);

export interface LandRules {
  allowCampus: boolean;
  allowIndustrial: boolean;
  landUse?: FeatureCollection<Areal, { kind?: string } | null>;
}

export function landMask(model: ScenarioModel, residential: ResidentialRaster, rules: LandRules): Uint8Array {
  const g: GridSpec = model.grid;
  const mask = new Uint8Array(g.cols * g.rows);
  const mark = (code: number) => (c: number) => {
    if (mask[c] === LAND_FREE) mask[c] = code;
  };
  for (let c = 0; c < mask.length; c++) {
    if (model.links.water[c]) mask[c] = LAND_WATER;
    else if (residential.area[c] > 0) mask[c] = LAND_RESIDENTIAL;
  }
  for (const green of model.greens) rasterize(g, green.polys, mark(LAND_GREEN));
  for (const f of rules.landUse?.features ?? []) {
    if (!f.geometry) continue;
    const campus = CAMPUS_KINDS.has(String(f.properties?.kind ?? ''));
    if (campus ? rules.allowCampus : rules.allowIndustrial) continue;
    rasterize(g, localRings(g.proj, f.geometry), mark(campus ? LAND_CAMPUS : LAND_INDUSTRIAL));
  }
  return mask;
}
