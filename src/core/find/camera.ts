/**
 * Where the residents' feature wants the camera: the state asks (src/state/find.svelte.ts), the
 * map binding moves it (src/map/find-binding.ts). A new `seq` asks again for the same view.
 */
type LngLat = [number, number];

export interface FindCamera {
  seq: number;
  /** Fit these bounds ([west, south], [east, north]) ... */
  bounds?: [LngLat, LngLat];
  /** ... or fly to this point, never zooming out past `minZoom`. */
  center?: LngLat;
  minZoom?: number;
  maxZoom: number;
  /** How long the flight takes, ms (a jump instead under reduced motion). */
  ms: number;
}
