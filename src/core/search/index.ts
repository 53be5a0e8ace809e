/** Place search: build once from the geodata layers, query per keystroke. */
export { placesFromLayers, type PlaceLayers } from './build-places';
export { PlaceIndex } from './place-index';
export { MAX_QUERY_LENGTH } from './normalize-query';
export * from './types';

import { placesFromLayers, type PlaceLayers } from './build-places';
import { PlaceIndex } from './place-index';

/**
 * @example createPlaceIndex({ greenery, roads, crossings }).search('tianjianhu')
 */
export function createPlaceIndex(layers: PlaceLayers): PlaceIndex {
  return new PlaceIndex(placesFromLayers(layers));
}
