/**
 * Loads the bundled geodata. The files are emitted by Vite as hashed assets of this app, so they
 * are fetched from our own origin and cached offline like the rest of the app.
 */
import type { FeatureCollection } from 'geojson';

const urls = import.meta.glob('/geodata/*.{geojson,json}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const LAYER_FILES = {
  roads: 'roads.geojson',
  greenery: 'greenery.geojson',
  industry: 'industrial-parks.geojson',
  residential: 'residential.geojson',
  water: 'water.geojson',
  boundary: 'boundary.geojson',
  landmarks: 'landmarks.geojson',
  crossings: 'crossings.geojson',
} as const;
export type LayerKey = keyof typeof LAYER_FILES;
export type GeoData = Record<LayerKey, FeatureCollection>;

export class GeoDataError extends Error {}

async function fetchJson(file: string): Promise<unknown> {
  const url = urls[`/geodata/${file}`];
  if (!url) return undefined;
  const res = await fetch(url);
  if (!res.ok) throw new GeoDataError(`Could not load ${file}: HTTP ${res.status}`);
  return res.json();
}

function asCollection(file: string, json: unknown): FeatureCollection {
  if (json === undefined) return { type: 'FeatureCollection', features: [] };
  const fc = json as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new GeoDataError(`${file} is not a GeoJSON FeatureCollection`);
  }
  return fc;
}

/** The layers, all at once; `onFile` hears each file arrive (the loading state's progress). */
export async function loadGeoData(onFile?: (done: number, total: number) => void): Promise<GeoData> {
  const files = Object.entries(LAYER_FILES);
  let done = 0;
  const entries = await Promise.all(
    files.map(async ([key, file]) => {
      const fc = asCollection(file, await fetchJson(file));
      onFile?.(++done, files.length);
      return [key, fc] as const;
    }),
  );
  return Object.fromEntries(entries) as GeoData;
}

/** A JSON document from geodata/ (indicators, standards, story); undefined when absent. */
export function loadJson(file: string): Promise<unknown> {
  return fetchJson(file);
}

/** URL of a bundled geodata file, for workers that fetch it themselves. */
export function geodataUrl(file: string): string | undefined {
  const u = urls[`/geodata/${file}`];
  return u ? new URL(u, location.href).href : undefined;
}
