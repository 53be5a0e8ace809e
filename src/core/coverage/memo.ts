/**
 * The engine's two-level caches: values per owner (a source set, a model, a grid; dropped with it)
 * and per key (speed and bands, a what-if's JSON). An owner's entries are emptied past `limit`:
 * keys such as a dragged park's positions never repeat, so the cache must not grow with them.
 */
export function memo<O extends object, V>(
  cache: WeakMap<O, Map<string, V>>,
  owner: O,
  key: string,
  limit: number,
  make: () => V,
): V {
  let byKey = cache.get(owner);
  if (!byKey) cache.set(owner, (byKey = new Map()));
  let v = byKey.get(key);
  if (v === undefined) {
    v = make();
    if (byKey.size > limit) byKey.clear();
    byKey.set(key, v);
  }
  return v;
}
