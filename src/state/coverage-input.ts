/**
 * What the coverage worker is given: the app's loaded (and possibly imported) layers and the
 * standards table. The coverage tab and the presentation share it, so their figures agree.
 */
import type { CoverageLayers } from '../core/coverage/types';
import type { GeoData } from './geodata';
import { standardsJson } from './standards';

export async function coverageInput(data: GeoData): Promise<CoverageLayers> {
  const standards = await standardsJson();
  return {
    roads: data.roads as CoverageLayers['roads'],
    green: data.greenery as CoverageLayers['green'],
    residential: data.residential as CoverageLayers['residential'],
    water: data.water as CoverageLayers['water'],
    standards,
  };
}
