/** The bundled geodata layers the map style is built from (what the app loads at start). */
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';

const read = (f: string) => JSON.parse(readFileSync(`geodata/${f}`, 'utf8')) as FeatureCollection;

export const styleData = {
  roads: read('roads.geojson'),
  greenery: read('greenery.geojson'),
  industry: read('industrial-parks.geojson'),
  residential: read('residential.geojson'),
  water: read('water.geojson'),
  boundary: read('boundary.geojson'),
  landmarks: read('landmarks.geojson'),
};
