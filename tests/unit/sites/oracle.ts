/**
 * An exhaustive reference for the site search, built on the coverage pipeline itself (not on the
 * site search's incremental measurement): each candidate's park is added as a what-if and the
 * populated cells it brings within the band are read off the access grid. The coverage of several
 * parks together is then the union of their sets (a cell's walk is the minimum over all sources),
 * which the tests also check against the pipeline directly.
 */
import type { CoverageParams } from '../../../src/core/coverage/params';
import { resolveParams } from '../../../src/core/coverage/params';
import type { CoverageEngine } from '../../../src/core/coverage/pipeline';
import type { WhatIf } from '../../../src/core/coverage/whatif';
import type { Candidate } from '../../../src/core/sites/candidates';

export const whatIfAt = (c: { lng: number; lat: number }, areaM2: number, id = 'o'): WhatIf => ({
  id,
  kind: 'point',
  lng: c.lng,
  lat: c.lat,
  area_m2: areaM2,
});

export interface Oracle {
  /** Per candidate: populated cells newly within the band, and the people in them. */
  sets: Int32Array[];
  pop: Float32Array;
  base: number;
  /** People the parks of these candidates bring together. */
  joint(ids: readonly number[]): number;
  /** The best joint gain over all sets of k candidates whose parks do not overlap. */
  best(k: number, radius: number): { gain: number; ids: number[] };
}

export function oracle(
  engine: CoverageEngine,
  params: CoverageParams,
  candidates: readonly Candidate[],
  areaM2: number,
  limitM: number,
): Oracle {
  const p = resolveParams(params);
  const { residential } = engine.gridFor(p.cellM);
  const baseGrid = engine.accessGrid(p, engine.sourceSet(p)).dist;
  let base = 0;
  for (let c = 0; c < baseGrid.length; c++)
    if (residential.pop[c] > 0 && baseGrid[c] <= limitM) base += residential.pop[c];
  const sets = candidates.map((cand) => {
    const q = { ...p, whatIfs: [...p.whatIfs, whatIfAt(cand, areaM2)] };
    const dist = engine.accessGrid(q, engine.sourceSet(q)).dist;
    const cells: number[] = [];
    for (let c = 0; c < dist.length; c++)
      if (residential.pop[c] > 0 && dist[c] <= limitM && !(baseGrid[c] <= limitM)) cells.push(c);
    return Int32Array.from(cells);
  });
  const pop = residential.pop;
  const stamp = new Int32Array(pop.length);
  let mark = 0;
  const joint = (ids: readonly number[]) => {
    mark++;
    let s = 0;
    for (const i of ids)
      for (const c of sets[i])
        if (stamp[c] !== mark) {
          stamp[c] = mark;
          s += pop[c];
        }
    return s;
  };
  const best = (k: number, radius: number) => {
    const apart = (i: number, j: number) =>
      Math.hypot(candidates[i].x - candidates[j].x, candidates[i].y - candidates[j].y) >= 2 * radius;
    let top = { gain: -1, ids: [] as number[] };
    const useful = candidates.map((_, i) => i).filter((i) => sets[i].length > 0);
    const walk = (from: number, chosen: number[]) => {
      if (chosen.length === k || from === useful.length) {
        const g = joint(chosen);
        if (g > top.gain) top = { gain: g, ids: [...chosen] };
        return;
      }
      for (let u = from; u < useful.length; u++) {
        const i = useful[u];
        if (chosen.every((j) => apart(i, j))) walk(u + 1, [...chosen, i]);
      }
    };
    walk(0, []);
    return top;
  };
  return { sets, pop, base, joint, best };
}
