/**
 * A uniform bucket grid over straight segments in the local metric plane, for "which segments are
 * near this box" queries (crossings between roads, legs crossing water). Segments are few thousand at
 * city scale, so a hash of fixed-size buckets beats a tree here and stays simple.
 */

export class SegmentIndex {
  /** Segment i occupies coords[4i..4i+3] = x1, y1, x2, y2 (metres). */
  readonly coords: Float64Array;
  readonly count: number;
  private readonly bucketM: number;
  private readonly buckets = new Map<number, number[]>();
  /** Per-segment query stamp, so a segment spanning several buckets is reported once per query. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(coords: Float64Array, bucketM = 200) {
    this.coords = coords;
    this.count = coords.length / 4;
    this.bucketM = bucketM;
    this.seen = new Uint32Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const x1 = coords[4 * i],
        y1 = coords[4 * i + 1],
        x2 = coords[4 * i + 2],
        y2 = coords[4 * i + 3];
      // Walk long segments in pieces no longer than a bucket, so a 5 km diagonal fills the buckets
      // along it rather than its whole bounding box.
      const pieces = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / bucketM));
      for (let k = 0; k < pieces; k++) {
        const ax = x1 + ((x2 - x1) * k) / pieces,
          ay = y1 + ((y2 - y1) * k) / pieces;
        const bx = x1 + ((x2 - x1) * (k + 1)) / pieces,
          by = y1 + ((y2 - y1) * (k + 1)) / pieces;
        const bx0 = Math.floor(Math.min(ax, bx) / bucketM),
          bx1 = Math.floor(Math.max(ax, bx) / bucketM);
        const by0 = Math.floor(Math.min(ay, by) / bucketM),
          by1 = Math.floor(Math.max(ay, by) / bucketM);
        for (let gx = bx0; gx <= bx1; gx++) {
          for (let gy = by0; gy <= by1; gy++) {
            const key = bucketKey(gx, gy);
            let list = this.buckets.get(key);
            if (!list) this.buckets.set(key, (list = []));
            if (list[list.length - 1] !== i) list.push(i);
          }
        }
      }
    }
  }

  /** Calls `visit(i)` once for every segment whose bucket overlaps the box; stop early by returning true. */
  someNear(minX: number, minY: number, maxX: number, maxY: number, visit: (i: number) => boolean): boolean {
    if (this.count === 0) return false;
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const s = this.stamp;
    const b = this.bucketM;
    const bx0 = Math.floor(minX / b),
      bx1 = Math.floor(maxX / b);
    const by0 = Math.floor(minY / b),
      by1 = Math.floor(maxY / b);
    for (let bx = bx0; bx <= bx1; bx++) {
      for (let by = by0; by <= by1; by++) {
        const list = this.buckets.get(bucketKey(bx, by));
        if (!list) continue;
        for (let k = 0; k < list.length; k++) {
          const i = list[k];
          if (this.seen[i] === s) continue;
          this.seen[i] = s;
          if (visit(i)) return true;
        }
      }
    }
    return false;
  }

  /** True when any bucket overlapping the box holds a segment (a cheap "nothing here" test). */
  anyBucketNear(minX: number, minY: number, maxX: number, maxY: number): boolean {
    if (this.count === 0) return false;
    const b = this.bucketM;
    for (let bx = Math.floor(minX / b); bx <= Math.floor(maxX / b); bx++) {
      for (let by = Math.floor(minY / b); by <= Math.floor(maxY / b); by++) {
        if (this.buckets.has(bucketKey(bx, by))) return true;
      }
    }
    return false;
  }
}

/** Bucket indices stay within ±2^20 at city scale with ≥ 10 m buckets. */
function bucketKey(bx: number, by: number): number {
  return (bx + 1048576) * 2097152 + (by + 1048576);
}
