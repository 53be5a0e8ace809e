/**
 * A seeded synthetic city for benchmarks: a street grid of `side` × `side` crossings `spacingM`
 * apart (every street one road, a few blocks' streets missing), and `parks` rectangular parks.
 * Built as GeoJSON layers so it runs through exactly the same pipeline as the bundled zone.
 */
import CheapRuler from 'cheap-ruler';
import type { Feature, LineString, Polygon } from 'geojson';
import type { CoverageLayers, GreenInput, ResidentialInput, RoadInput } from '../src/core/coverage/types';
import { mulberry32 } from './synthetic-random';

const ORIGIN = [113.53, 34.815] as const;

export function syntheticCity(
  seed: number,
  side: number,
  spacingM: number,
  parks: number,
  blocks: number,
): CoverageLayers {
  const rnd = mulberry32(seed);
  const ruler = new CheapRuler(ORIGIN[1], 'meters');
  const half = (side - 1) * spacingM * 0.5;
  const ll = (x: number, y: number): [number, number] => [
    ORIGIN[0] + (x - half) / ruler.kx,
    ORIGIN[1] + (y - half) / ruler.ky,
  ];
  const roads: Feature<LineString, RoadInput>[] = [];
  for (let k = 0; k < side; k++) {
    for (const dir of [0, 1]) {
      // Each street is cut into runs where a random 3% of its blocks are missing.
      let run: [number, number][] = [];
      const flush = () => {
        if (run.length > 1) {
          roads.push({
            type: 'Feature',
            properties: {
              id: `s${dir}-${k}-${roads.length}`,
              walkable: true,
              status: 'existing',
              class: 'local',
            },
            geometry: { type: 'LineString', coordinates: run },
          });
        }
        run = [];
      };
      for (let s = 0; s < side; s++) {
        const p = dir === 0 ? ll(s * spacingM, k * spacingM) : ll(k * spacingM, s * spacingM);
        if (run.length > 0 && rnd() < 0.03) flush();
        run.push(p);
      }
      flush();
    }
  }
  const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
    type: 'Polygon',
    coordinates: [[ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0)]],
  });
  const span = (side - 1) * spacingM;
  const green: Feature<Polygon, GreenInput>[] = [];
  for (let p = 0; p < parks; p++) {
    const w = 30 + rnd() * 250,
      h = 30 + rnd() * 250;
    const x = rnd() * (span - w),
      y = rnd() * (span - h);
    green.push({
      type: 'Feature',
      properties: { id: `g${p}`, status: 'existing', area_m2: w * h },
      geometry: box(x, y, x + w, y + h),
    });
  }
  const residential: Feature<Polygon, ResidentialInput>[] = [];
  for (let b = 0; b < blocks; b++) {
    const i = Math.floor(rnd() * (side - 1)),
      j = Math.floor(rnd() * (side - 1));
    const x = i * spacingM + 15,
      y = j * spacingM + 15;
    residential.push({
      type: 'Feature',
      properties: { id: `r${b}`, population: Math.round(500 + rnd() * 4000) },
      geometry: box(x, y, x + spacingM - 30, y + spacingM - 30),
    });
  }
  return {
    roads: { type: 'FeatureCollection', features: roads },
    green: { type: 'FeatureCollection', features: green },
    residential: { type: 'FeatureCollection', features: residential },
  };
}
