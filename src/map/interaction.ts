/**
 * Hover highlight and click selection over the mission layers, through feature-state so no data
 * is copied or re-uploaded on every mouse move.
 */
import type { Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { setHoverCursor } from './cursor';
import { INTERACTIVE_LAYERS } from './style';

type FeatureRef = { source: string; id: string | number };

const GROUP_OF_SOURCE: Record<string, string> = {
  roads: 'roads',
  greenery: 'greenery',
  industry: 'industry',
  landmarks: 'landmarks',
};

function pick(map: MapLibreMap, e: MapMouseEvent): MapGeoJSONFeature | undefined {
  const layers = INTERACTIVE_LAYERS.filter(
    (id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none',
  );
  if (!layers.length) return undefined;
  // A few pixels of slack: thin road lines are hard to hit with a finger.
  const r =
    e.originalEvent && 'pointerType' in e.originalEvent && e.originalEvent.pointerType === 'touch' ? 12 : 5;
  const box: [[number, number], [number, number]] = [
    [e.point.x - r, e.point.y - r],
    [e.point.x + r, e.point.y + r],
  ];
  const hits = map.queryRenderedFeatures(box, { layers: [...layers] });
  return hits.find((f) => f.id !== undefined);
}

export interface InteractionHandlers {
  onSelect: (layer: string, feature: MapGeoJSONFeature | null) => void;
  /** When false (e.g. another tool owns clicks), clicks are ignored here. */
  enabled: () => boolean;
}

export function attachInteractions(map: MapLibreMap, h: InteractionHandlers): () => void {
  let hovered: FeatureRef | null = null;
  let selected: FeatureRef | null = null;

  const setState = (ref: FeatureRef | null, key: string, value: boolean) => {
    if (ref && map.getSource(ref.source)) map.setFeatureState(ref, { [key]: value });
  };

  const onMove = (e: MapMouseEvent) => {
    const f = h.enabled() ? pick(map, e) : undefined;
    const next = f ? { source: f.source, id: f.id as string | number } : null;
    if (next?.source === hovered?.source && next?.id === hovered?.id) return;
    setState(hovered, 'hover', false);
    hovered = next;
    setState(hovered, 'hover', true);
    setHoverCursor(map, !!hovered);
  };

  const onClick = (e: MapMouseEvent) => {
    if (!h.enabled()) return;
    const f = pick(map, e);
    setState(selected, 'selected', false);
    selected = f ? { source: f.source, id: f.id as string | number } : null;
    setState(selected, 'selected', true);
    h.onSelect(f ? (GROUP_OF_SOURCE[f.source] ?? f.source) : '', f ?? null);
  };

  const onLeave = () => {
    setState(hovered, 'hover', false);
    hovered = null;
  };

  map.on('mousemove', onMove);
  map.on('click', onClick);
  map.on('mouseout', onLeave);
  return () => {
    map.off('mousemove', onMove);
    map.off('click', onClick);
    map.off('mouseout', onLeave);
  };
}
