/** The area the access grid covers. */
import { STUDY_BBOX } from '../geodata/study-area';
import { MAX_OFF_NETWORK_M } from './constants';
import type { CoverageLayers } from './types';

/** The study area cropped to the data (roads, green, residential) plus the off-network limit and a margin. */
export function dataExtent(layers: CoverageLayers): [number, number, number, number] {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1] as number);
      n = Math.max(n, c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const fc of [layers.roads, layers.green, layers.residential]) {
    for (const f of fc.features) if (f.geometry) visit((f.geometry as { coordinates: unknown }).coordinates);
  }
  if (!(w < e && s < n))
    throw new Error(
      'Coverage layers hold no coordinates: load roads, green spaces and residential blocks first.',
    );
  const marginDeg = (MAX_OFF_NETWORK_M + 200) / 111_000;
  const mlng = marginDeg / Math.cos(((s + n) / 2) * (Math.PI / 180));
  const inStudy = w < STUDY_BBOX[2] && e > STUDY_BBOX[0] && s < STUDY_BBOX[3] && n > STUDY_BBOX[1];
  const crop = (v: number, lo: number, hi: number) => (inStudy ? Math.min(hi, Math.max(lo, v)) : v);
  return [
    crop(w - mlng, STUDY_BBOX[0], STUDY_BBOX[2]),
    crop(s - marginDeg, STUDY_BBOX[1], STUDY_BBOX[3]),
    crop(e + mlng, STUDY_BBOX[0], STUDY_BBOX[2]),
    crop(n + marginDeg, STUDY_BBOX[1], STUDY_BBOX[3]),
  ];
}
