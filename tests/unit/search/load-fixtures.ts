import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PlaceLayers } from '../../../src/core/search';

/** The six layers search reads, from a folder of GeoJSON files (the fixtures or geodata/). */
export function readPlaceLayers(folder: URL): PlaceLayers {
  const dir = fileURLToPath(folder);
  const read = (name: string) => JSON.parse(readFileSync(dir + name, 'utf8'));
  return {
    greenery: read('greenery.geojson'),
    roads: read('roads.geojson'),
    crossings: read('crossings.geojson'),
    industrialParks: read('industrial-parks.geojson'),
    landmarks: read('landmarks.geojson'),
    residential: read('residential.geojson'),
  };
}

/** The search fixture layers, read fresh for every call so tests cannot leak mutations. */
export function fixtureLayers(): PlaceLayers {
  return readPlaceLayers(new URL('../../fixtures/search/', import.meta.url));
}
