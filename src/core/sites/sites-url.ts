/**
 * A site search in the URL hash (key `st`), so a shared link reopens the same sites: the result is
 * recomputed from the parameters, deterministically (same data, same sites). Compact and readable:
 * `k,area_m2[,flags]` with flags c (campuses allowed), i (industrial parks allowed), e (the elderly
 * ranking too), then any available land as `;g,lng,lat,…` polygons in the what-if format
 * (coverage/whatif-url.ts). A malformed value gives null: the link opens without sites, never broken.
 *
 * @example encodeSiteSearch({ k: 3, areaM2: 20000, allowCampus: true }) === '3,20000,c'
 */
import { decodeWhatIfs, encodeWhatIfs } from '../coverage/whatif-url';
import { DEFAULT_SITE_AREA_M2, MAX_SITE_COUNT } from './constants';
import type { SiteParams } from './types';

export const SITES_URL_KEY = 'st';

export type SiteSearchLink = Pick<
  SiteParams,
  'k' | 'areaM2' | 'allowCampus' | 'allowIndustrial' | 'groups' | 'availableLand'
>;

export function encodeSiteSearch(s: SiteSearchLink): string {
  const flags =
    (s.allowCampus ? 'c' : '') + (s.allowIndustrial ? 'i' : '') + (s.groups?.includes('elderly') ? 'e' : '');
  const head = [
    String(s.k ?? 5),
    String(Math.round(s.areaM2 ?? DEFAULT_SITE_AREA_M2)),
    ...(flags ? [flags] : []),
  ];
  const land = encodeWhatIfs(
    (s.availableLand ?? []).map((ring, i) => ({ id: `l${i}`, kind: 'polygon', coordinates: [ring] })),
  );
  return land ? `${head.join(',')};${land}` : head.join(',');
}

export function decodeSiteSearch(text: string | null | undefined): SiteSearchLink | null {
  if (!text) return null;
  const [head, ...rest] = text.split(';');
  const [k, area, flags = ''] = head.split(',');
  const kn = Number(k),
    an = Number(area);
  if (!(Number.isInteger(kn) && kn >= 1 && kn <= MAX_SITE_COUNT)) return null;
  if (!(an >= 1000 && an <= 1e6)) return null;
  if (!/^[cie]*$/.test(flags)) return null;
  const land = decodeWhatIfs(rest.join(';')).flatMap((w) => (w.kind === 'polygon' ? [w.coordinates[0]] : []));
  return {
    k: kn,
    areaM2: an,
    allowCampus: flags.includes('c'),
    allowIndustrial: flags.includes('i'),
    groups: flags.includes('e') ? ['all', 'elderly'] : ['all'],
    availableLand: land,
  };
}
