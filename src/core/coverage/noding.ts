/**
 * Noding: where authored roads meet without sharing a vertex. Crossings of two walkable roads become
 * shared points (splits), and a road end that stops within JOIN_M of another road is joined to it
 * by a short edge. Both work on the straight segments of the road lines, in the local metric plane.
 */
import { type LocalProjection, segmentProjection, toLat, toLng } from './projection';
import type { SegmentIndex } from './segment-index';

/** A road end this close to another road joins it (authoring tolerance), metres. */
export const JOIN_M = 2;
/** Vertices closer than this along a segment are the same point, metres. */
export const SAME_POINT_M = 0.01;

/** One walkable line part: its road (feature index) and vertices in degrees and local metres. */
export interface Line {
  road: number;
  x: number[];
  y: number[];
  lng: number[];
  lat: number[];
}

/** A point to insert into a segment at parameter t. */
export interface Split {
  t: number;
  lng: number;
  lat: number;
}

/** Adds a split at every crossing of two segments that do not already share the crossing point as a vertex. */
export function nodeCrossings(
  index: SegmentIndex,
  segLine: number[],
  segIdx: number[],
  lines: Line[],
  splits: Split[][],
  proj: LocalProjection,
): void {
  const c = index.coords;
  for (let i = 0; i < index.count; i++) {
    const ax = c[4 * i],
      ay = c[4 * i + 1],
      bx = c[4 * i + 2],
      by = c[4 * i + 3];
    const lenI = Math.hypot(bx - ax, by - ay);
    index.someNear(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (j) => {
      if (j <= i) return false;
      if (segLine[i] === segLine[j] && Math.abs(segIdx[i] - segIdx[j]) <= 1) return false;
      const cx = c[4 * j],
        cy = c[4 * j + 1],
        dx = c[4 * j + 2],
        dy = c[4 * j + 3];
      const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
      if (Math.abs(den) < 1e-12) return false; // parallel: overlapping roads are left as authored
      const ta = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
      const tb = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / den;
      const lenJ = Math.hypot(dx - cx, dy - cy);
      const ea = SAME_POINT_M / Math.max(lenI, 1e-9);
      const eb = SAME_POINT_M / Math.max(lenJ, 1e-9);
      if (ta < -ea || ta > 1 + ea || tb < -eb || tb > 1 + eb) return false;
      const aEnd = ta <= ea || ta >= 1 - ea;
      const bEnd = tb <= eb || tb >= 1 - eb;
      if (aEnd && bEnd) return false; // vertex meets vertex: merged by coordinate, or joined below
      // The crossing point: an existing vertex when it falls on one, so both lines get the same key.
      let lng: number, lat: number;
      if (aEnd) {
        const v = ta <= ea ? segIdx[i] : segIdx[i] + 1;
        lng = lines[segLine[i]].lng[v];
        lat = lines[segLine[i]].lat[v];
      } else if (bEnd) {
        const v = tb <= eb ? segIdx[j] : segIdx[j] + 1;
        lng = lines[segLine[j]].lng[v];
        lat = lines[segLine[j]].lat[v];
      } else {
        lng = toLng(proj, ax + ta * (bx - ax));
        lat = toLat(proj, ay + ta * (by - ay));
      }
      if (!aEnd) splits[i].push({ t: ta, lng, lat });
      if (!bEnd) splits[j].push({ t: tb, lng, lat });
      return false;
    });
  }
}

/** A road end that stops within JOIN_M of another road (not at its vertex) is joined to it by a short edge. */
export function joinDanglingEnds(
  index: SegmentIndex,
  segLine: number[],
  lines: Line[],
  splits: Split[][],
  joins: Array<[number, number, number, number]>,
  proj: LocalProjection,
): void {
  const c = index.coords;
  lines.forEach((l, li) => {
    for (const v of [0, l.x.length - 1]) {
      const px = l.x[v],
        py = l.y[v];
      let best = -1,
        bestD2 = JOIN_M * JOIN_M,
        bestT = 0;
      index.someNear(px - JOIN_M, py - JOIN_M, px + JOIN_M, py + JOIN_M, (j) => {
        if (segLine[j] === li) return false;
        const { d2, t } = segmentProjection(px, py, c[4 * j], c[4 * j + 1], c[4 * j + 2], c[4 * j + 3]);
        if (d2 < SAME_POINT_M * SAME_POINT_M && (t === 0 || t === 1)) {
          best = -2; // already meets that road at a vertex
          return true;
        }
        if (d2 <= bestD2) {
          best = j;
          bestD2 = d2;
          bestT = t;
        }
        return false;
      });
      if (best < 0) continue;
      const x4 = c.subarray(4 * best, 4 * best + 4);
      const len = Math.hypot(x4[2] - x4[0], x4[3] - x4[1]);
      let lng: number, lat: number;
      if (bestT * len <= SAME_POINT_M || (1 - bestT) * len <= SAME_POINT_M) {
        const ln = lines[segLine[best]];
        const s = best - firstSegmentOf(segLine, best);
        const w = bestT * len <= SAME_POINT_M ? s : s + 1;
        lng = ln.lng[w];
        lat = ln.lat[w];
      } else {
        lng = toLng(proj, x4[0] + bestT * (x4[2] - x4[0]));
        lat = toLat(proj, x4[1] + bestT * (x4[3] - x4[1]));
        splits[best].push({ t: bestT, lng, lat });
      }
      joins.push([l.lng[v], l.lat[v], lng, lat]);
    }
  });
}

function firstSegmentOf(segLine: number[], seg: number): number {
  let s = seg;
  while (s > 0 && segLine[s - 1] === segLine[seg]) s--;
  return s;
}
