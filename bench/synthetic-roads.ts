/** A synthetic roads GeoJSON file for import benchmarks and stress runs. */

// Seeded PRNG (mulberry32) so the file is identical across runs.
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
