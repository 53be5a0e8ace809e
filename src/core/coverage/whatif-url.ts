/**
 * What-ifs in the URL hash (`wi=`), compact and readable: entries joined by ';', each either
 * `p,lng,lat,area_m2` (a park of that area at a point) or `g,lng,lat,lng,lat,…` (a polygon's outer
 * ring, closed implicitly). Coordinates keep 6 decimals (~0.1 m). Malformed entries are skipped, so
 * a hand-edited link never breaks the app.
 *
 * @example encodeWhatIfs([{ id: 'wi1', kind: 'point', lng: 113.54, lat: 34.8, area_m2: 20000 }]) === 'p,113.54,34.8,20000'
 */
import type { WhatIf } from './whatif';

const num = (v: number) => String(Math.round(v * 1e6) / 1e6);

export function encodeWhatIfs(list: readonly WhatIf[]): string {
  return list
    .map((w) => {
      if (w.kind === 'point') return ['p', num(w.lng), num(w.lat), String(Math.round(w.area_m2))].join(',');
      const ring = w.coordinates[0] ?? [];
      const open =
        ring.length > 1 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1]
          ? ring.slice(0, -1)
          : ring;
      return ['g', ...open.flatMap((c) => [num(c[0]), num(c[1])])].join(',');
    })
    .join(';');
}

export function decodeWhatIfs(text: string | null | undefined): WhatIf[] {
  if (!text) return [];
  const out: WhatIf[] = [];
  for (const entry of text.split(';')) {
    const [kind, ...rest] = entry.split(',');
    const v = rest.map(Number);
    if (v.some((x) => !Number.isFinite(x))) continue;
    const id = `wi${out.length + 1}`;
    if (kind === 'p' && v.length === 3 && validLngLat(v[0], v[1]) && v[2] > 0 && v[2] < 1e8) {
      out.push({ id, kind: 'point', lng: v[0], lat: v[1], area_m2: v[2] });
    } else if (kind === 'g' && v.length >= 6 && v.length % 2 === 0) {
      const ring: number[][] = [];
      for (let k = 0; k < v.length; k += 2) if (validLngLat(v[k], v[k + 1])) ring.push([v[k], v[k + 1]]);
      if (ring.length * 2 !== v.length) continue;
      ring.push([...ring[0]]);
      out.push({ id, kind: 'polygon', coordinates: [ring] });
    }
  }
  return out;
}

const validLngLat = (lng: number, lat: number) => Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
