/**
 * The one URL scheme (DESIGN.md): `#/map?c=lng,lat&z=zoom&l=layer,layer&lang=zh&s=scenario&wi=…`
 * and `#/present/N` (chapters count from 1). Parsing never throws: a bad value is dropped so the
 * stored settings or defaults fill in, and a shared link with one typo still opens.
 */

export type Route = 'map' | 'present';

export interface HashState {
  route: Route;
  /** [longitude, latitude] */
  center?: [number, number];
  zoom?: number;
  bearing?: number;
  pitch?: number;
  layers?: string[];
  lang?: 'zh' | 'en';
  scenario?: string;
  /** Opaque what-if parks token, owned by the coverage feature. */
  whatIf?: string;
  /** Selected feature id. */
  feature?: string;
  /** Chapter number for the presentation route, from 1. */
  chapter?: number;
  /** Any other keys, kept so features can extend the scheme without touching this parser. */
  extra: Record<string, string>;
}

const KNOWN = new Set(['c', 'z', 'b', 'p', 'l', 'lang', 's', 'wi', 'f']);

function finite(s: string | null): number | undefined {
  if (s === null || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export function parseHash(hash: string): HashState {
  const raw = hash.replace(/^#/, '');
  const [path, query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  const state: HashState = { route: 'map', extra: {} };

  if (parts[0] === 'present') {
    state.route = 'present';
    const n = finite(parts[1] ?? null);
    if (n !== undefined && Number.isInteger(n) && n >= 1) state.chapter = n;
  }

  const c = params.get('c')?.split(',').map(Number);
  if (c && c.length === 2 && c.every(Number.isFinite) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90) {
    state.center = [c[0], c[1]];
  }
  const z = finite(params.get('z'));
  if (z !== undefined && z >= 0 && z <= 24) state.zoom = z;
  const b = finite(params.get('b'));
  if (b !== undefined) state.bearing = b;
  const p = finite(params.get('p'));
  if (p !== undefined && p >= 0 && p <= 85) state.pitch = p;
  const l = params.get('l');
  if (l !== null) state.layers = l.split(',').filter(Boolean);
  const lang = params.get('lang');
  if (lang === 'zh' || lang === 'en') state.lang = lang;
  const s = params.get('s');
  if (s) state.scenario = s;
  const wi = params.get('wi');
  if (wi) state.whatIf = wi;
  const f = params.get('f');
  if (f) state.feature = f;
  for (const [k, v] of params) if (!KNOWN.has(k)) state.extra[k] = v;
  return state;
}

const round = (n: number, d: number) => Number(n.toFixed(d)).toString();

export function formatHash(state: HashState): string {
  const path = state.route === 'present' ? `/present/${state.chapter ?? 1}` : '/map';
  const q: string[] = [];
  if (state.center) q.push(`c=${round(state.center[0], 5)},${round(state.center[1], 5)}`);
  if (state.zoom !== undefined) q.push(`z=${round(state.zoom, 2)}`);
  if (state.bearing) q.push(`b=${round(state.bearing, 1)}`);
  if (state.pitch) q.push(`p=${round(state.pitch, 1)}`);
  if (state.layers) q.push(`l=${state.layers.map(encodeURIComponent).join(',')}`);
  if (state.lang) q.push(`lang=${state.lang}`);
  if (state.scenario) q.push(`s=${encodeURIComponent(state.scenario)}`);
  if (state.whatIf) q.push(`wi=${encodeURIComponent(state.whatIf)}`);
  if (state.feature) q.push(`f=${encodeURIComponent(state.feature)}`);
  for (const [k, v] of Object.entries(state.extra))
    q.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return `#${path}${q.length ? '?' + q.join('&') : ''}`;
}
