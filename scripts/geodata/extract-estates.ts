/**
 * Derives geodata/sources/estates.csv from the 2020 housing-estate listing (a research file that
 * is NOT part of this repo: pass its path). Keeps only what the residential blocks need: name,
 * WGS-84 point (converted here from the listing's original BD-09 coordinates with gcoord), dwelling
 * units, tier, and whether the row is used and why not. Rules and their reasons:
 * geodata/sources/estate-rules.json.
 *
 *   npx tsx scripts/geodata/extract-estates.ts ../shared/reference/residential-estates.csv
 */
import { readFileSync, writeFileSync } from 'node:fs';
import gcoord from 'gcoord';
import { parseCsv, toCsv } from './csv';
import { STUDY_BBOX } from '../../src/core/geodata/schema';

interface Rules {
  drop_when_notes_contain: { pattern: string; reason: string }[];
  drop_supplementary_without_units: string;
  drop_names: { name: string; tier?: string; reason: string }[];
}

const listingPath = process.argv[2];
if (!listingPath) throw new Error('Pass the path of residential-estates.csv (the 2020 listing).');
const rules: Rules = JSON.parse(readFileSync('geodata/sources/estate-rules.json', 'utf8'));
const listing = parseCsv(readFileSync(listingPath, 'utf8'));

/** BD-09 (Baidu) -> WGS-84; the listing's own WGS-84 columns are only compared against. */
function toWgs(r: Record<string, string>): [number, number] {
  const [lng, lat] = gcoord.transform([Number(r.bd09_lng), Number(r.bd09_lat)], gcoord.BD09, gcoord.WGS84);
  return [lng, lat];
}
let maxShiftM = 0;

function dropReason(r: Record<string, string>): string | undefined {
  const byName = rules.drop_names.find((d) => d.name === r.name && (!d.tier || d.tier === r.tier));
  if (byName) return byName.reason;
  const byNote = rules.drop_when_notes_contain.find((d) => r.notes.includes(d.pattern));
  if (byNote) return byNote.reason;
  if (r.tier === 'supplementary' && !r.households) return rules.drop_supplementary_without_units;
  const [w, s, e, n] = STUDY_BBOX;
  const [lng, lat] = toWgs(r);
  if (lng < w || lng > e || lat < s || lat > n) return 'outside the study area';
  return undefined;
}

const out = listing.map((r) => {
  const reason = dropReason(r);
  const [lng, lat] = toWgs(r);
  const shift = Math.hypot((lng - Number(r.wgs84_lng)) * 91400, (lat - Number(r.wgs84_lat)) * 110574);
  maxShiftM = Math.max(maxShiftM, shift);
  return {
    name: r.name,
    // ~1 m precision is more than the listing's 50-200 m pin error; no need for more digits.
    lng: reason ? '' : lng.toFixed(5),
    lat: reason ? '' : lat.toFixed(5),
    units: r.households,
    tier: r.tier,
    used: reason ? 'no' : 'yes',
    reason: reason ?? '',
  };
});
out.sort((a, b) => (a.used === b.used ? a.name.localeCompare(b.name, 'zh') : a.used === 'yes' ? -1 : 1));

const comment = [
  'Derived from github:anyuhanfei/community_dict@83af513fa30de979c0e2d8c54af0c663526b711c (2020-09 scrape of',
  "Beike zz.ke.com, matched with fccs/sofang/souloula). Points: the listing's BD-09 coordinates converted to",
  "WGS-84 with gcoord. Units = the listing's dwelling units (房屋总数), not occupied households. Only the fields",
  'the residential blocks need are kept; dropped rows keep no coordinates. Regenerate with',
  'scripts/geodata/extract-estates.ts; rules in estate-rules.json.',
].join('\n');
writeFileSync(
  'geodata/sources/estates.csv',
  toCsv(['name', 'lng', 'lat', 'units', 'tier', 'used', 'reason'], out, comment),
);
const used = out.filter((r) => r.used === 'yes');
console.log(
  `BD-09 -> WGS-84 with gcoord: at most ${maxShiftM.toFixed(1)} m from the listing's own WGS-84 columns`,
);
console.log(
  `estates: ${used.length} used (${used.reduce((s, r) => s + Number(r.units || 0), 0)} units), ${out.length - used.length} dropped`,
);
