/**
 * Map labels grow with the interface on big screens: the root font size is 16 px up to 1080p and
 * 30 px at 4K (src/app.css), and labels sized in fixed pixels would stay at ≈ 12 px beside 30 px
 * panels. Presentation mode scales the whole map itself (screen-scale.ts), so it passes k = 1.
 * Halos and circles grow with them: the gap ranks' discs hold a number, and a 13 px number scaled
 * to 24 px would spill out of an 11 px disc.
 */
import { setLayoutValue, setPaintValue } from './style-setters';
import type { DataDrivenPropertyValueSpecification, Map as MapLibreMap } from 'maplibre-gl';

type Size = DataDrivenPropertyValueSpecification<number>;

/** A text-size value times k: a number, or the output stops of an ['interpolate', …, ['zoom'], …]. */
export function scaleSize(size: Size, k: number): Size {
  if (typeof size === 'number') return Math.round(size * k * 10) / 10;
  if (Array.isArray(size) && size[0] === 'interpolate') {
    const head = size.slice(0, 3);
    const stops = size
      .slice(3)
      .map((v, i) => (i % 2 === 1 && typeof v === 'number' ? Math.round(v * k * 10) / 10 : v));
    return [...head, ...stops] as unknown as Size;
  }
  return size;
}

/** The interface's scale: root font size over the 16 px it was designed at. */
export function interfaceScale(): number {
  const px = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.max(1, px / 16);
}

type SizeProp = 'text-size' | 'text-halo-width' | 'circle-radius' | 'circle-stroke-width';

/**
 * What a layer is sized by: a symbol's text and its halo (a 1.5 px halo round 24 px text no longer
 * lifts it off a park's fill), a circle's radius and ring (the gap ranks' discs hold a number).
 */
const SIZED: Record<string, readonly SizeProp[]> = {
  symbol: ['text-size', 'text-halo-width'],
  circle: ['circle-radius', 'circle-stroke-width'],
};
const isLayout = (prop: SizeProp) => prop === 'text-size';

interface Scaled {
  k: number;
  /** Each sized layer's sizes in the style, by layer id. */
  base: Map<string, { prop: SizeProp; size: Size }[]>;
}

const scaled = new WeakMap<MapLibreMap, Scaled>();

/** Records the sized layers not seen before (layers added after the style loaded, e.g. the gap ranks). */
function recordNew(map: MapLibreMap, s: Scaled): string[] {
  const added: string[] = [];
  // The layer ids only: getStyle() would serialise every GeoJSON source at each style change.
  for (const id of map.getLayersOrder()) {
    if (s.base.has(id)) continue;
    const layer = map.getLayer(id);
    const props = layer && SIZED[layer.type];
    if (!props) continue;
    const sizes: { prop: SizeProp; size: Size }[] = [];
    for (const prop of props) {
      const size = (isLayout(prop) ? map.getLayoutProperty(id, prop) : map.getPaintProperty(id, prop)) as
        Size | undefined;
      if (size !== undefined) sizes.push({ prop, size });
    }
    s.base.set(id, sizes);
    added.push(id);
  }
  return added;
}

function setSizes(map: MapLibreMap, id: string, sizes: { prop: SizeProp; size: Size }[], k: number): void {
  if (!map.getLayer(id)) return;
  for (const { prop, size } of sizes) {
    if (isLayout(prop)) setLayoutValue(map, id, prop, scaleSize(size, k));
    else setPaintValue(map, id, prop, scaleSize(size, k));
  }
}

/**
 * Sets every symbol layer's text size and halo and every circle layer's radius and ring to its
 * style value × k (k = 1 restores them), now and for layers added later (features add theirs on
 * first use).
 */
export function applyLabelScale(map: MapLibreMap, k: number): void {
  let s = scaled.get(map);
  if (!s) {
    const state: Scaled = { k, base: new Map() };
    s = state;
    scaled.set(map, state);
    recordNew(map, state);
    // Layers added later are recorded at the next style change, but not while k is 1: that is
    // also while presenting, when the presentation raises label sizes for a while (present-labels.ts)
    // and a size read then would not be the style's. Only unrecorded layers are touched here, so
    // the sizes set cannot loop back.
    map.on('styledata', () => {
      if (state.k === 1) return;
      for (const id of recordNew(map, state)) setSizes(map, id, state.base.get(id)!, state.k);
    });
  }
  s.k = k;
  for (const [id, sizes] of s.base) setSizes(map, id, sizes, k);
}
