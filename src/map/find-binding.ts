/**
 * Every MapLibre call of the residents' feature (search and "near me"): map taps while the origin
 * tool is armed, the routes, the origin / place / park markers, the chosen park's highlight on the
 * greenery layer, and the camera. The state (src/state/find.svelte.ts) decides; this draws it.
 */
import type { LineString } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { clearRoutes, ROUTE_SOURCE, showPlaceRoad, showRoutes } from './route-layers';
import { createFindMarkers, type FindMarkers } from './find-markers';
import { paddingClearOf } from './panel-padding';
import { showParkNames } from './find-park-names';
import type { Rect } from './view-padding';
import type { FindCamera } from '../core/find/camera';

type LngLat = [number, number];

export interface FindAnswerView {
  routes: readonly { id: string; route: LineString; whatIf?: boolean }[];
  selected: number;
  origin: LngLat | null;
  originLabel: string;
  parkLabels: readonly string[];
  /** The greenery feature to highlight (the selected park, unless it is a what-if), or null. */
  highlight: string | null;
}

export interface FindMapHandlers {
  /** A map tap; the state decides whether it sets the origin (only while its tool is armed). */
  onTap: (p: LngLat) => void;
  onOriginDragged: (p: LngLat) => void;
  onParkClicked: (index: number) => void;
}

export class FindMapBinding {
  private readonly markers: FindMarkers;
  private highlighted: string | null = null;
  private readonly onClick = (e: MapMouseEvent) => this.h.onTap([e.lngLat.lng, e.lngLat.lat]);

  constructor(
    private readonly map: MapLibreMap,
    private readonly h: FindMapHandlers,
  ) {
    map.on('click', this.onClick);
    this.markers = createFindMarkers(map, {
      onOriginDragged: h.onOriginDragged,
      onParkClicked: h.onParkClicked,
    });
  }

  /** Routes, the origin, the numbered park badges and the selected park's highlight. */
  showAnswer(v: FindAnswerView): void {
    const m = this.map;
    if (v.routes.length) showRoutes(m, v.routes, v.selected);
    else if (m.getSource(ROUTE_SOURCE)) clearRoutes(m);
    this.markers.setOrigin(v.origin, v.originLabel);
    this.markers.setParks(
      v.routes.map((g, i) => ({
        at: g.route.coordinates[g.route.coordinates.length - 1] as LngLat,
        label: v.parkLabels[i],
      })),
      v.selected,
    );
    showParkNames(
      m,
      v.routes.map((g, i) => ({
        id: g.id,
        at: g.route.coordinates[g.route.coordinates.length - 1] as LngLat,
        name: v.parkLabels[i],
      })),
    );
    if (this.highlighted === v.highlight) return;
    if (this.highlighted && m.getSource('greenery'))
      m.setFeatureState({ source: 'greenery', id: this.highlighted }, { selected: false });
    if (v.highlight && m.getSource('greenery'))
      m.setFeatureState({ source: 'greenery', id: v.highlight }, { selected: true });
    this.highlighted = v.highlight;
  }

  /** The chosen search result: a pin, and its road outlined when it is a road. */
  showChosen(at: LngLat | null, label: string, roadNameZh: string | null): void {
    this.markers.setPlace(at, label);
    showPlaceRoad(this.map, roadNameZh);
  }

  /** Moves the camera as the state asked, clear of the panel (its client rectangle, or null). */
  frame(cam: FindCamera, panel: Rect | null, instant: boolean): void {
    const m = this.map;
    // A margin that holds a park's name under its badge (find-park-names.ts): two lines below,
    // half of an 8-character line either side.
    const padding = paddingClearOf(m, panel, { phone: 60, wide: 64 });
    const duration = instant ? 0 : cam.ms;
    if (cam.bounds) m.fitBounds(cam.bounds, { padding, maxZoom: cam.maxZoom, duration });
    else if (cam.center)
      m.flyTo({ center: cam.center, zoom: Math.max(m.getZoom(), cam.minZoom ?? 0), padding, duration });
  }

  remove(): void {
    this.map.off('click', this.onClick);
    this.markers.remove();
  }
}
