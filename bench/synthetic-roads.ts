/** A synthetic roads GeoJSON file for import benchmarks and stress runs. */
import { mulberry32 } from './synthetic-random';

/** Roads of 100 positions each, inside the study area; about 2.6 KB per road. */
export function syntheticRoadsFile(roads: number, seed = 7): string {
  const rand = mulberry32(seed);
  const features: string[] = [];
  for (let r = 0; r < roads; r++) {
    let lng = 113.45 + rand() * 0.16;
    let lat = 34.76 + rand() * 0.11;
    const coords: string[] = [];
    for (let i = 0; i < 100; i++) {
      lng += (rand() - 0.5) * 0.001;
      lat += (rand() - 0.5) * 0.001;
      coords.push(`[${lng.toFixed(7)},${lat.toFixed(7)}]`);
    }
    features.push(
      `{"type":"Feature","properties":{"name":"路${r}","highway":"residential"},"geometry":{"type":"LineString","coordinates":[${coords.join(',')}]}}`,
    );
  }
  return `{"type":"FeatureCollection","features":[${features.join(',\n')}]}`;
}
