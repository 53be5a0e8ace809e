/**
 * Map layers the presentation adds on top of the app's style while it runs: a highlight outline
 * for the chapter's subject and a progressively drawn line (e.g. the plan's road extensions).
 * Every id starts with `present-`, and `removePresentOverlays` takes all of them away again.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSource,
  LineLayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Highlight, Progressive } from '../core/story/schema';
import { PALETTE } from './palette';

const PREFIX = 'present-';
const PROGRESSIVE_SOURCE = 'present-progressive';
/** Colours chosen for contrast on the light basemap and a washed-out projector. */
const HIGHLIGHT = '#ffd43b';
const HIGHLIGHT_CASING = '#1b1b1b';
const DRAW = '#e0103a';
const DRAW_CASING = '#ffffff';
/** While drawing, each status in the colour the map uses for it everywhere else. */
const STATUS_COLOR: Record<string, string> = {
  planned: PALETTE.statusPlanned,
  under_construction: PALETTE.statusUnderConstruction,
};

/** The MapLibre source a layer group draws from (its first layer's source). */
export function sourceOfGroup(map: MapLibreMap, layerIds: readonly string[]): string | undefined {
  for (const id of layerIds) {
    const layer = map.getLayer(id);
    if (layer && 'source' in layer && typeof layer.source === 'string') return layer.source;
  }
  return undefined;
}

/** A MapLibre filter selecting the highlighted features. */
export function highlightFilter(h: Pick<Highlight, 'ids' | 'property' | 'values'>): FilterSpecification {
  if (h.ids) return ['in', ['to-string', ['get', 'id']], ['literal', h.ids]];
  return ['in', ['get', h.property!], ['literal', h.values!]];
}

/** First label layer of the style: overlays go beneath labels so names stay readable. */
function beforeLabels(map: MapLibreMap): string | undefined {
  return map.getStyle().layers.find((l) => l.type === 'symbol')?.id;
}

/** Adds a round-capped line layer beneath `before` (default: the labels), unless it is there already. */
function addRoundLine(
  map: MapLibreMap,
  id: string,
  source: string,
  paint: LineLayerSpecification['paint'],
  filter?: FilterSpecification,
  before = beforeLabels(map),
) {
  if (map.getLayer(id)) return;
  map.addLayer(
    {
      id,
      type: 'line',
      source,
      ...(filter ? { filter } : {}),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint,
    },
    before,
  );
}

export function removePresentOverlays(map: MapLibreMap) {
  for (const l of map.getStyle().layers) if (l.id.startsWith(PREFIX)) map.removeLayer(l.id);
  for (const s of Object.keys(map.getStyle().sources)) if (s.startsWith(PREFIX)) map.removeSource(s);
}

/**
 * Outlines the highlighted features of `source` with a dark casing and a bright band, drawn
 * beneath the group's own layers (`below`, its first layer) so the features keep their own
 * colours and dashes (planned against under construction) on top of the glow.
 */
export function showHighlight(map: MapLibreMap, source: string, h: Highlight, below?: string) {
  const filter = highlightFilter(h);
  const casingId = `${PREFIX}highlight-casing`;
  const lineId = `${PREFIX}highlight`;
  for (const id of [lineId, casingId]) if (map.getLayer(id)) map.removeLayer(id);
  const width = (base: number): ExpressionSpecification => [
    'interpolate',
    ['linear'],
    ['zoom'],
    11,
    base,
    15,
    base * 2,
  ];
  const before = below && map.getLayer(below) ? below : beforeLabels(map);
  addRoundLine(
    map,
    casingId,
    source,
    { 'line-color': HIGHLIGHT_CASING, 'line-width': width(11), 'line-opacity': 0.85 },
    filter,
    before,
  );
  addRoundLine(map, lineId, source, { 'line-color': HIGHLIGHT, 'line-width': width(8) }, filter, before);
}

export function clearHighlight(map: MapLibreMap) {
  for (const id of [`${PREFIX}highlight`, `${PREFIX}highlight-casing`])
    if (map.getLayer(id)) map.removeLayer(id);
}

/** Features of `data` that the progressive drawing selects, lines only. */
export function progressiveFeatures(data: FeatureCollection, p: Progressive): FeatureCollection {
  const values = p.values ? new Set<unknown>(p.values) : undefined;
  return {
    type: 'FeatureCollection',
    features: data.features.filter((f) => {
      const t = f.geometry?.type;
      if (t !== 'LineString' && t !== 'MultiLineString') return false;
      const v = f.properties?.[p.property];
      return values ? values.has(v) : v !== undefined && v !== null && v !== '';
    }),
  };
}

/** line-gradient that shows each line from its start up to `t` (0–1) of its length. */
function revealGradient(color: string, t: number): ExpressionSpecification {
  const clear = 'rgba(0,0,0,0)';
  if (t <= 0) return ['interpolate', ['linear'], ['line-progress'], 0, clear, 1, clear];
  if (t >= 1) return ['interpolate', ['linear'], ['line-progress'], 0, color, 1, color];
  const edge = Math.min(t + 0.001, 1);
  return ['interpolate', ['linear'], ['line-progress'], 0, color, t, color, edge, clear, 1, clear];
}

/**
 * Draws the lines progressively over `seconds` (each from its start), each `property` value in its
 * status colour, then takes the drawing away so the map's own layer (with its dashes) shows the
 * finished lines. Returns a function that stops the animation. `instant` (reduced motion, tests)
 * draws nothing: the map's own layer shows the lines at once.
 */
export function drawProgressively(
  map: MapLibreMap,
  lines: FeatureCollection,
  seconds: number,
  options: { instant?: boolean; onDone?: () => void; property?: string } = {},
): () => void {
  if (options.instant) {
    options.onDone?.();
    return () => undefined;
  }
  const existing = map.getSource(PROGRESSIVE_SOURCE) as GeoJSONSource | undefined;
  if (existing) existing.setData(lines);
  else map.addSource(PROGRESSIVE_SOURCE, { type: 'geojson', data: lines, lineMetrics: true });
  const width = (base: number): ExpressionSpecification => [
    'interpolate',
    ['exponential', 1.5],
    ['zoom'],
    11,
    base,
    15,
    base * 3,
  ];
  // line-gradient cannot depend on a feature, so one layer per colour (statuses, then the rest).
  const key = options.property;
  const values = key ? [...new Set(lines.features.map((f) => f.properties?.[key]))] : [];
  const coloured = values.filter((v): v is string => typeof v === 'string' && v in STATUS_COLOR);
  const groups: { color: string; filter?: FilterSpecification }[] = key
    ? [
        ...coloured.map((v) => ({
          color: STATUS_COLOR[v],
          filter: ['==', ['get', key], v] as FilterSpecification,
        })),
        { color: DRAW, filter: ['!', ['in', ['get', key], ['literal', coloured]]] as FilterSpecification },
      ]
    : [{ color: DRAW }];
  addRoundLine(map, `${PREFIX}draw-casing`, PROGRESSIVE_SOURCE, {
    'line-width': width(9),
    'line-gradient': revealGradient(DRAW_CASING, 0),
  });
  const ids = groups.map((g, i) => {
    const id = `${PREFIX}draw-${i}`;
    addRoundLine(
      map,
      id,
      PROGRESSIVE_SOURCE,
      { 'line-width': width(5), 'line-gradient': revealGradient(g.color, 0) },
      g.filter,
    );
    return { id, color: g.color };
  });

  const set = (t: number) => {
    map.setPaintProperty(`${PREFIX}draw-casing`, 'line-gradient', revealGradient(DRAW_CASING, t));
    for (const l of ids) map.setPaintProperty(l.id, 'line-gradient', revealGradient(l.color, t));
  };
  set(0);
  let raf = 0;
  let last = -1;
  const start = performance.now();
  const frame = (now: number) => {
    const t = Math.min(1, (now - start) / (seconds * 1000));
    // About 30 updates a second is smooth enough and keeps the gradient re-upload cheap.
    if (t === 1 || now - last > 33) {
      set(t);
      last = now;
    }
    if (t < 1) raf = requestAnimationFrame(frame);
    else {
      clearProgressive(map);
      options.onDone?.();
    }
  };
  raf = requestAnimationFrame(frame);
  return () => {
    cancelAnimationFrame(raf);
    clearProgressive(map);
  };
}

export function clearProgressive(map: MapLibreMap) {
  for (const l of map.getStyle().layers) if (l.id.startsWith(`${PREFIX}draw`)) map.removeLayer(l.id);
}
