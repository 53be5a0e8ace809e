/**
 * The map's one cursor owner. Two things ask for a cursor: a click tool that places something
 * (crosshair: a what-if park, a walk's origin) and the feature under the mouse (pointer: a click
 * selects it). Both go through here, so neither overwrites the other and one element is styled.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

interface CursorState {
  placing: boolean;
  hovering: boolean;
}

const states = new WeakMap<MapLibreMap, CursorState>();

function apply(map: MapLibreMap, s: CursorState): void {
  map.getCanvas().style.cursor = s.placing ? 'crosshair' : s.hovering ? 'pointer' : '';
}

function stateOf(map: MapLibreMap): CursorState {
  let s = states.get(map);
  if (!s) states.set(map, (s = { placing: false, hovering: false }));
  return s;
}

/** A click tool that places something is armed (crosshair), or none is. */
export function setPlacingCursor(map: MapLibreMap, placing: boolean): void {
  const s = stateOf(map);
  s.placing = placing;
  apply(map, s);
}

/** The mouse is over a clickable feature (pointer), or not. */
export function setHoverCursor(map: MapLibreMap, hovering: boolean): void {
  const s = stateOf(map);
  s.hovering = hovering;
  apply(map, s);
}
