/** Site-search parameters: defaults and validation, once, at the API edge. */
import {
  DEFAULT_CANDIDATE_SPACING_M,
  DEFAULT_SITE_AREA_M2,
  DEFAULT_SITE_COUNT,
  MAX_SITE_COUNT,
} from './constants';
import type { ResidentGroup, SiteParams } from './types';

export type ResolvedSiteParams = Required<Omit<SiteParams, 'landUse'>> & Pick<SiteParams, 'landUse'>;

const GROUPS: readonly ResidentGroup[] = ['all', 'elderly'];

export function resolveSiteParams(p: SiteParams): ResolvedSiteParams {
  if (!p || typeof p !== 'object' || !p.coverage)
    throw new Error('Site search needs { coverage: { scenario, … } } to start from.');
  const r: ResolvedSiteParams = {
    coverage: p.coverage,
    k: p.k ?? DEFAULT_SITE_COUNT,
    areaM2: p.areaM2 ?? DEFAULT_SITE_AREA_M2,
    allowCampus: p.allowCampus ?? false,
    allowIndustrial: p.allowIndustrial ?? false,
    groups: p.groups && p.groups.length > 0 ? [...new Set(p.groups)] : ['all'],
    availableLand: p.availableLand ?? [],
    landUse: p.landUse,
    spacingM: p.spacingM ?? DEFAULT_CANDIDATE_SPACING_M,
  };
  if (!(Number.isInteger(r.k) && r.k >= 1 && r.k <= MAX_SITE_COUNT))
    throw new Error(`The number of sites must be a whole number from 1 to ${MAX_SITE_COUNT}, got ${r.k}.`);
  if (!(r.areaM2 >= 1000 && r.areaM2 <= 1e6))
    throw new Error(`A site's area must be between 1,000 m² and 100 ha, got ${r.areaM2} m².`);
  if (!(r.spacingM >= 20 && r.spacingM <= 1000))
    throw new Error(`Candidate spacing must be between 20 and 1,000 m, got ${r.spacingM}.`);
  for (const g of r.groups)
    if (!GROUPS.includes(g)) throw new Error(`Unknown resident group "${g}": use "all" or "elderly".`);
  r.availableLand.forEach((ring, i) => {
    if (!Array.isArray(ring) || ring.length < 4)
      throw new Error(`Available land ${i + 1}: a polygon needs a closed ring of at least 4 positions.`);
    ring.forEach((c, k) => {
      if (
        !Array.isArray(c) ||
        !Number.isFinite(c[0]) ||
        !Number.isFinite(c[1]) ||
        Math.abs(c[0]) > 180 ||
        Math.abs(c[1]) > 90
      )
        throw new Error(`Available land ${i + 1}: invalid position at vertex ${k}.`);
    });
  });
  return r;
}
