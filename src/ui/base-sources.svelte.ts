/**
 * The map's base sources and the app's data for them: the style is built from the loaded data
 * (map/style.ts); an imported or replaced layer is then sent again to its source (only that layer,
 * and only the added features when an import just added some: state/compose-layers.ts).
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { app } from '../state/app.svelte';
import { pushLayer } from '../state/compose-layers';
import type { GeoData } from '../state/geodata';

/** The style's GeoJSON sources, each named after the data layer it shows. */
const SOURCES = ['roads', 'greenery', 'industry', 'residential', 'water', 'boundary', 'landmarks'] as const;

/** From the map's first load on: keeps each base source showing the app's current data. */
export function keepSourcesInStep(initial: GeoData): void {
  // What each source was last given, so only a layer that really changed is re-uploaded.
  // Plain bookkeeping, deliberately not reactive.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const pushed = new Map<string, GeoData[keyof GeoData]>(SOURCES.map((id) => [id, initial[id]]));
  $effect(() => {
    const m: MapLibreMap | null = app.map;
    const d = app.data;
    if (!m || !d) return;
    for (const id of SOURCES) {
      const src = m.getSource(id) as GeoJSONSource | undefined;
      if (src && pushed.get(id) !== d[id]) {
        void pushLayer(src, pushed.get(id), d[id]);
        pushed.set(id, d[id]);
      }
    }
  });
}
