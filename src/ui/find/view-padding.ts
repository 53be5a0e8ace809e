/**
 * How much of the map the panel covers, as MapLibre camera padding, so a route or a place is framed
 * in the part of the map the resident can see: above the bottom sheet on a phone, right of the side
 * panel on a desktop. Pure (rectangles in, padding out) so it is tested without a browser.
 */
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

/**
 * @param panel the panel's client rectangle, or null when there is none
 * @param view the map's size in CSS pixels
 * @param margin extra room around the framed thing, px
 * @example viewPadding({ left: 0, top: 500, right: 390, bottom: 844 }, { width: 390, height: 844 }) // bottom ≈ 344 + margin
 */
export function viewPadding(
  panel: Rect | null,
  view: { width: number; height: number },
  margin = 40,
): Padding {
  const pad: Padding = { top: margin, right: margin, bottom: margin, left: margin };
  if (!panel || panel.right <= panel.left || panel.bottom <= panel.top) return pad;
  const spansWidth = panel.left <= 1 && panel.right >= view.width - 1;
  if (spansWidth) {
    // A bottom sheet: keep at least a third of the height for the map, whatever the sheet's size.
    pad.bottom += Math.max(0, Math.min(view.height - panel.top, (view.height * 2) / 3 - margin * 2));
  } else if (panel.left < view.width / 2) {
    pad.left += Math.max(0, Math.min(panel.right, view.width / 2));
  } else {
    pad.right += Math.max(0, Math.min(view.width - panel.left, view.width / 2));
  }
  return pad;
}
