/**
 * Diagonal hatch patterns for illustrative and not-yet-built features, generated in code so the
 * style needs no sprite sheet from a server.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

function hatch(
  rgba: [number, number, number, number],
  size = 8,
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Two-pixel-wide stripes along the diagonal, wrapping so tiles join seamlessly.
      const on = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      if (on) data.set(rgba, i);
    }
  }
  return { width: size, height: size, data };
}

/**
 * Hands the hatches to the map when its tiles first ask for them. MapLibre 6 awaits this resolver
 * before it lays out the asking tile; an image added from the `styleimagemissing` event arrives
 * only after that tile was laid out without it (the first green-space tile drew no hatches).
 */
export function provideHatchImages(map: MapLibreMap): void {
  map.setMissingStyleImageResolver(async () => addHatchImages(map));
}

export function addHatchImages(map: MapLibreMap): void {
  if (!map.hasImage('hatch-white'))
    map.addImage('hatch-white', hatch([255, 255, 255, 170]), { pixelRatio: 1 });
  if (!map.hasImage('hatch-purple'))
    map.addImage('hatch-purple', hatch([106, 79, 163, 150]), { pixelRatio: 1 });
}
