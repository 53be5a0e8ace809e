/**
 * Map labels legible from the back of the room: while presenting, every label layer's text-size
 * is raised to at least a minimum (in the map's own CSS pixels; the screen scale multiplies it),
 * and the plan roads' names get dark text on a wide white halo instead of red on their red line.
 * Returns the restore, which puts back exactly what the style had.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

type Value = unknown;

/**
 * `v` (a text-size: a number, a zoom curve or a data expression) never below `min`. MapLibre only
 * allows `zoom` at the top of an interpolate or step, so a zoom curve is raised stop by stop.
 */
export function atLeast(v: Value, min: number): Value {
  if (typeof v === 'number') return Math.max(v, min);
  if (!Array.isArray(v)) return v;
  const [op] = v as unknown[];
  const isZoom = (e: unknown) => Array.isArray(e) && e[0] === 'zoom';
  if (op === 'interpolate' && isZoom(v[2])) {
    // ['interpolate', kind, ['zoom'], z1, out1, z2, out2, …]: outputs at even offsets from 4.
    return v.map((x, i) => (i >= 4 && i % 2 === 0 ? atLeast(x, min) : x));
  }
  if (op === 'step' && isZoom(v[1])) {
    // ['step', ['zoom'], out0, z1, out1, …]: outputs at 2 and odd offsets from 4.
    return v.map((x, i) => (i === 2 || (i >= 4 && i % 2 === 0) ? atLeast(x, min) : x));
  }
  return ['max', min, v];
}

/** Plan-road names: dark on a wide white halo, readable over the red and orange plan lines. */
const PLAN_LABEL = 'plan-roads-label';
const PLAN_LABEL_PAINT = [
  ['text-color', '#1b1b1b'],
  ['text-halo-color', '#ffffff'],
  ['text-halo-width', 2.6],
] as const;

/** Raises every symbol layer's text to `minPx` (map CSS pixels); returns the restore. */
export function legibleLabels(map: MapLibreMap, minPx: number): () => void {
  const undo: (() => void)[] = [];
  for (const layer of map.getStyle().layers) {
    if (layer.type !== 'symbol' || layer.id.startsWith('present-')) continue;
    const id = layer.id;
    const before = map.getLayoutProperty(id, 'text-size') as Value;
    // MapLibre's default text-size is 16.
    map.setLayoutProperty(id, 'text-size', atLeast(before ?? 16, minPx) as number);
    undo.push(() => map.getLayer(id) && map.setLayoutProperty(id, 'text-size', before as number));
  }
  if (map.getLayer(PLAN_LABEL)) {
    for (const [prop, value] of PLAN_LABEL_PAINT) {
      const before = map.getPaintProperty(PLAN_LABEL, prop);
      map.setPaintProperty(PLAN_LABEL, prop, value);
      undo.push(() => map.getLayer(PLAN_LABEL) && map.setPaintProperty(PLAN_LABEL, prop, before));
    }
  }
  return () => {
    for (const u of undo.reverse()) u();
  };
}
