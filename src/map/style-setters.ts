/**
 * Style setters that leave the map alone when a layer already has the value. MapLibre skips an equal
 * value but still renders a new frame for every setter call, and at the map's load the app applies
 * its language, label scale and year to a style that was built with them: that frame (150 ms and
 * more on software WebGL) came between the loaded map and its first idle.
 */
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';

/** Style values are plain JSON (numbers, strings, expressions as arrays). */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
type LayoutName = Parameters<MapLibreMap['setLayoutProperty']>[1];
type PaintName = Parameters<MapLibreMap['setPaintProperty']>[1];

export function setLayoutValue(map: MapLibreMap, layer: string, name: LayoutName, value: unknown): void {
  if (!same(map.getLayoutProperty(layer, name), value)) map.setLayoutProperty(layer, name, value as never);
}

export function setPaintValue(map: MapLibreMap, layer: string, name: PaintName, value: unknown): void {
  if (!same(map.getPaintProperty(layer, name), value)) map.setPaintProperty(layer, name, value as never);
}

export function setFilterValue(map: MapLibreMap, layer: string, filter: FilterSpecification): void {
  if (!same(map.getFilter(layer), filter)) map.setFilter(layer, filter);
}
