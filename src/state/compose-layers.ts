/**
 * How imported files combine with a bundled layer: in import order, "add" appends the file's
 * features and "replace" starts over from the file alone. Always returns a new FeatureCollection
 * (never mutates its inputs), so the map sees a changed object and re-uploads that layer only.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { countPositions } from '../core/geo/positions';
import { markPending } from './hook';

export interface LayerImport {
  layer: string;
  mode: 'add' | 'replace';
  features: Feature[];
}

export function composeLayer(
  bundled: FeatureCollection,
  imports: readonly LayerImport[],
  layer: string,
): FeatureCollection {
  let features: Feature[] = bundled.features;
  for (const imp of imports) {
    if (imp.layer !== layer) continue;
    features = imp.mode === 'replace' ? imp.features : features.concat(imp.features);
  }
  return { type: 'FeatureCollection', features: features === bundled.features ? [...features] : features };
}

/** For a layer that only grew (an "add" import): the layer it grew from and the features added. */
const growth = new WeakMap<FeatureCollection, { from: FeatureCollection; added: readonly Feature[] }>();

/** Records that `next` is `from` plus `added`, so the map can be sent the added features alone. */
export function markGrowth(
  next: FeatureCollection,
  from: FeatureCollection,
  added: readonly Feature[],
): void {
  growth.set(next, { from, added });
}

/** The two calls of a MapLibre GeoJSON source that pushLayer uses (kept structural for tests). */
export interface LayerSource {
  setData(data: FeatureCollection): unknown;
  updateData(diff: { add: Feature[] }): Promise<unknown> | unknown;
}

/**
 * Positions per updateData call. MapLibre copies what it sends to its worker with its own
 * serializer, on the main thread: the e2e test's 40 MB layer in one setData was one task of
 * 1.6–2.2 s here; in pieces of this size each piece is a short task and the interface keeps
 * answering in between.
 */
export const PUSH_POSITIONS = 20_000;

/** Splits features into runs of at most `limit` positions (a bigger feature goes alone). */
export function chunkByPositions(features: readonly Feature[], limit: number): Feature[][] {
  const out: Feature[][] = [];
  let chunk: Feature[] = [];
  let n = 0;
  for (const f of features) {
    const p = Math.max(1, countPositions(f.geometry));
    if (chunk.length && n + p > limit) {
      out.push(chunk);
      chunk = [];
      n = 0;
    }
    chunk.push(f);
    n += p;
  }
  if (chunk.length) out.push(chunk);
  return out;
}

/** The latest push per source: an older push still sending pieces stops when a newer one starts. */
const latestPush = new WeakMap<object, number>();
let pushes = 0;

/**
 * Sends `next` to the map source that currently shows `previous`: only the added features, in
 * pieces, when `next` grew from `previous` by an import; the whole layer otherwise.
 */
export async function pushLayer(
  src: LayerSource,
  previous: FeatureCollection | undefined,
  next: FeatureCollection,
): Promise<void> {
  const token = ++pushes;
  latestPush.set(src, token);
  const g = growth.get(next);
  if (!g || !previous || g.from !== previous) {
    src.setData(next);
    return;
  }
  const name = `map-push-${token}`;
  markPending(name, true);
  try {
    for (const piece of chunkByPositions(g.added, PUSH_POSITIONS)) {
      if (latestPush.get(src) !== token) return;
      await src.updateData({ add: piece });
    }
  } finally {
    markPending(name, false);
  }
}
