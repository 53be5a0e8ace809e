/**
 * The map and its feature bindings: everything that uses maplibre-gl's code (not only its types).
 * App.svelte imports this module on demand, at start, in parallel with the geodata, so the first
 * script paints the loading state without waiting for MapLibre to download and parse.
 */
export { default as MapView } from './MapView.svelte';
export { default as FindMap } from './find/FindMap.svelte';
export { default as CoverageMap } from './coverage/CoverageMap.svelte';
export { default as SitesMap } from './sites/SitesMap.svelte';
export { default as CompareMap } from './compare/CompareMap.svelte';
