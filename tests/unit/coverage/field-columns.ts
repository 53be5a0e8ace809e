import { GREEN, type NearestField, POINT, PRED, recColumn } from '../../../src/core/coverage/dijkstra';

/** A field's per-node records as three arrays, for assertions. */
export function columns(f: NearestField): { pred: Int32Array; green: Int32Array; point: Int32Array } {
  return { pred: recColumn(f, PRED), green: recColumn(f, GREEN), point: recColumn(f, POINT) };
}
