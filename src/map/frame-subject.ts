/**
 * Frames a chapter's subject in the part of the map the caption and controls leave free. The
 * panels' measured boxes become camera padding; the camera is then fitted on a copy of the map's
 * transform, so pitch and bearing are taken into account (MapLibre's own cameraForBounds ignores
 * pitch, and a pitched view enlarges the near side of the subject).
 */
import { LngLat, Point, type Map as MapLibreMap, type PaddingOptions } from 'maplibre-gl';
import type { Bounds } from '../core/story/subject';
import type { Rect } from './view-padding';

export interface ChapterCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** What this module uses of a copy of MapLibre's transform (the camera maths, detached). */
interface CameraMaths {
  setPadding(p: PaddingOptions): void;
  setBearing(b: number): void;
  setPitch(p: number): void;
  setZoom(z: number): void;
  setCenter(c: LngLat): void;
  locationToScreenPoint(l: LngLat): Point;
  screenPointToLocation(p: Point): LngLat;
  readonly centerPoint: Point;
}

/**
 * A detached copy of the map's transform, placed at a camera. MapLibre keeps it on the map's
 * camera (not in its public types); null if a future version moves it, and the caller falls back.
 */
function cameraAt(map: MapLibreMap, cam: ChapterCamera, padding: PaddingOptions): CameraMaths | null {
  const m = map as unknown as {
    _camera?: { transform?: { clone(): CameraMaths } };
    transform?: { clone(): CameraMaths };
  };
  const source = m._camera?.transform ?? m.transform;
  if (typeof source?.clone !== 'function') return null;
  const tr = source.clone();
  tr.setPadding(padding);
  tr.setBearing(cam.bearing);
  tr.setPitch(cam.pitch);
  tr.setZoom(cam.zoom);
  tr.setCenter(new LngLat(cam.center[0], cam.center[1]));
  return tr;
}

/** The screen box (container CSS pixels) of the subject's bounds under a camera. */
function projectedBox(tr: CameraMaths, b: Bounds): Rect {
  const pts = [
    [b[0], b[1]],
    [b[2], b[1]],
    [b[2], b[3]],
    [b[0], b[3]],
  ].map(([x, y]) => tr.locationToScreenPoint(new LngLat(x, y)));
  return {
    left: Math.min(...pts.map((p) => p.x)),
    right: Math.max(...pts.map((p) => p.x)),
    top: Math.min(...pts.map((p) => p.y)),
    bottom: Math.max(...pts.map((p) => p.y)),
  };
}

const inside = (a: Rect, f: Rect) =>
  a.left >= f.left && a.right <= f.right && a.top >= f.top && a.bottom <= f.bottom;

/**
 * The camera for a chapter: its own when that already shows the whole subject in the free part
 * (`padding`, less `margin`), otherwise the subject centred there, zoomed to fit but never closer
 * than the chapter's zoom. Bearing and pitch stay the chapter's.
 */
export function frameSubject(
  map: MapLibreMap,
  subject: Bounds,
  cam: ChapterCamera,
  padding: Required<PaddingOptions>,
  margin: number,
): ChapterCamera {
  const { clientWidth: w, clientHeight: h } = map.getContainer();
  const free: Rect = {
    left: padding.left + margin,
    top: padding.top + margin,
    right: w - padding.right - margin,
    bottom: h - padding.bottom - margin,
  };
  if (free.right <= free.left || free.bottom <= free.top) return cam;
  const at = (c: ChapterCamera) => cameraAt(map, c, padding);
  const first = at(cam);
  if (!first) {
    // Without the camera maths, MapLibre's own fit (which ignores pitch) with a wider margin.
    const wide = (n: number) => n + margin * 3;
    const fit = map.cameraForBounds(subject, {
      padding: {
        top: wide(padding.top),
        bottom: wide(padding.bottom),
        left: wide(padding.left),
        right: wide(padding.right),
      },
      absolutePadding: true,
      bearing: cam.bearing,
      maxZoom: cam.zoom,
    });
    if (!fit?.center) return cam;
    const c = LngLat.convert(fit.center);
    return { ...cam, center: [c.lng, c.lat], zoom: fit.zoom ?? cam.zoom };
  }
  if (inside(projectedBox(first, subject), free)) return cam;

  let c: ChapterCamera = {
    ...cam,
    center: [(subject[0] + subject[2]) / 2, (subject[1] + subject[3]) / 2],
  };
  const fw = free.right - free.left;
  const fh = free.bottom - free.top;
  const mid = new Point((free.left + free.right) / 2, (free.top + free.bottom) / 2);
  // A few rounds of "zoom to fit, then move the box's middle to the free part's middle" converge:
  // pitch makes the fit slightly non-linear in zoom.
  for (let i = 0; i < 8; i++) {
    const tr = at(c)!;
    const a = projectedBox(tr, subject);
    const zoom = Math.min(
      cam.zoom,
      c.zoom + Math.log2(Math.min(fw / (a.right - a.left), fh / (a.bottom - a.top))),
    );
    const boxMid = new Point((a.left + a.right) / 2, (a.top + a.bottom) / 2);
    const moved = tr.screenPointToLocation(tr.centerPoint.add(boxMid.sub(mid)));
    c = { ...c, zoom, center: [moved.lng, moved.lat] };
  }
  // Rounding and pitch may leave an edge a pixel out: step back until the whole box is in.
  for (let i = 0; i < 20 && !inside(projectedBox(at(c)!, subject), free); i++)
    c = { ...c, zoom: c.zoom - 0.05 };
  return c;
}
