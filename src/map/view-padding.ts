/**
 * Camera padding that keeps what is framed in the part of the map nobody covers: clear of the side
 * panel or the phone's bottom sheet (find), of the caption and controls (presentation). One solver,
 * one Rect type; pure (rectangles in, padding out), so it is tested without a browser.
 */

/** A box in the map container's own CSS pixels. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const areaOf = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The padding that keeps the map's centre in the largest part of `area` clear of every occluder:
 * each panel overlapping the free part cuts it from whichever side loses the least area.
 * @param minShare the part of the map's width and height always left free, whatever the panels
 */
export function paddingAround(
  occluders: readonly Rect[],
  area: Rect,
  size: { width: number; height: number },
  gap: number,
  minShare = 1 / 5,
): Padding {
  const free = { ...area };
  for (const o of [...occluders].sort((a, b) => areaOf(b) - areaOf(a))) {
    if (!overlaps(o, free)) continue;
    const cuts: Rect[] = [
      { ...free, top: Math.max(free.top, o.bottom + gap) },
      { ...free, bottom: Math.min(free.bottom, o.top - gap) },
      { ...free, left: Math.max(free.left, o.right + gap) },
      { ...free, right: Math.min(free.right, o.left - gap) },
    ];
    Object.assign(
      free,
      cuts.reduce((best, c) => (areaOf(c) > areaOf(best) ? c : best)),
    );
  }
  // Never pad the whole map away.
  const minW = size.width * minShare;
  const minH = size.height * minShare;
  if (free.right - free.left < minW) free.right = Math.min(size.width, free.left + minW);
  if (free.right - free.left < minW) free.left = free.right - minW;
  if (free.bottom - free.top < minH) free.bottom = Math.min(size.height, free.top + minH);
  if (free.bottom - free.top < minH) free.top = free.bottom - minH;
  return {
    top: free.top,
    left: free.left,
    right: size.width - free.right,
    bottom: size.height - free.bottom,
  };
}

/**
 * Padding around one panel (or none) with `margin` all round, keeping at least a third of the map
 * free: a route or a place framed above the bottom sheet on a phone, beside the side panel on a desktop.
 * @example viewPadding({ left: 0, top: 500, right: 390, bottom: 844 }, { width: 390, height: 844 }, 20) // bottom 364
 */
export function viewPadding(
  panel: Rect | null,
  view: { width: number; height: number },
  margin = 40,
): Padding {
  const area = { left: margin, top: margin, right: view.width - margin, bottom: view.height - margin };
  return paddingAround(panel ? [panel] : [], area, view, margin, 1 / 3);
}
