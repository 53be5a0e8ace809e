/**
 * Map labels grow with the interface on big screens: the root font size is 16 px up to 1080p and
 * 30 px at 4K (src/app.css), and labels sized in fixed pixels would stay at ≈ 12 px beside 30 px
 * panels. Presentation mode scales the whole map itself (screen-scale.ts), so it passes k = 1.
 */
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

const originals = new WeakMap<MapLibreMap, Map<string, Size>>();

/** Sets every symbol layer's text size to its style value × k (k = 1 restores them). */
export function applyLabelScale(map: MapLibreMap, k: number): void {
  let base = originals.get(map);
  if (!base) {
    base = new Map();
    // By id, not getStyle(): that serialises and copies every layer.
    for (const id of map.getLayersOrder()) {
      if (map.getLayer(id)?.type !== 'symbol') continue;
      const size = map.getLayoutProperty(id, 'text-size') as Size | undefined;
      if (size !== undefined) base.set(id, size);
    }
    originals.set(map, base);
  }
  for (const [id, size] of base)
    if (map.getLayer(id)) map.setLayoutProperty(id, 'text-size', scaleSize(size, k));
}
