/**
 * An upper bound on a candidate's gain, for lazy evaluation: the uncovered people whose cell centres
 * lie within limit + radius (straight line) of the site's centre. Walking is never shorter than the
 * straight line (network metres ≥ distance, off-network legs × 1.2 ≥ distance), and the park reaches
 * no further than its radius from its centre, so no cell outside that circle can be newly covered.
 * Summed row by row from prefix sums: O(rows of the circle) per candidate.
 */
import type { GridSpec } from '../coverage/grid-spec';

export class UncoveredDiscs {
  private readonly grid: GridSpec;
  /** prefix[j * (cols + 1) + i] = uncovered people in row j, columns 0..i-1. */
  private readonly prefix: Float64Array;

  constructor(grid: GridSpec, pop: Float32Array, covered: Uint8Array) {
    this.grid = grid;
    const w = grid.cols + 1;
    this.prefix = new Float64Array(w * grid.rows);
    for (let j = 0; j < grid.rows; j++) {
      let s = 0;
      for (let i = 0; i < grid.cols; i++) {
        const c = j * grid.cols + i;
        if (!covered[c]) s += pop[c];
        this.prefix[j * w + i + 1] = s;
      }
    }
  }

  /** Uncovered people with cell centres within `radius` metres of local point (x, y). */
  sum(x: number, y: number, radius: number): number {
    const g = this.grid;
    const w = g.cols + 1;
    const j0 = Math.max(0, Math.ceil((y - radius - g.y0) / g.cellM - 0.5));
    const j1 = Math.min(g.rows - 1, Math.floor((y + radius - g.y0) / g.cellM - 0.5));
    let s = 0;
    for (let j = j0; j <= j1; j++) {
      const dy = g.y0 + (j + 0.5) * g.cellM - y;
      const half = Math.sqrt(Math.max(0, radius * radius - dy * dy));
      const i0 = Math.max(0, Math.ceil((x - half - g.x0) / g.cellM - 0.5));
      const i1 = Math.min(g.cols - 1, Math.floor((x + half - g.x0) / g.cellM - 0.5));
      if (i1 >= i0) s += this.prefix[j * w + i1 + 1] - this.prefix[j * w + i0];
    }
    return s;
  }
}
