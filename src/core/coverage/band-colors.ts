/**
 * The walk-time bands' colours, in the core so the access image (access-image.ts) and the map's band
 * polygons can share them: from the nearest band (darkest) outwards. Cells beyond the largest band
 * or unreachable stay transparent (gaps are drawn on their own).
 */
export const BAND_GREENS: readonly string[] = ['#1b7837', '#5aae61', '#a6dba0', '#d9f0d3'];
/** Opacity of a band's fill on the map (the access image bakes it into its alpha). */
export const BAND_FILL_OPACITY = 0.38;

export function bandColor(index: number): string {
  return BAND_GREENS[Math.min(index, BAND_GREENS.length - 1)];
}

/** RGBA bytes of band `index`'s fill, alpha from BAND_FILL_OPACITY. */
export function bandRgba(index: number): [number, number, number, number] {
  const hex = bandColor(index);
  return [
    parseInt(hex.slice(1, 3), 16),
    parseInt(hex.slice(3, 5), 16),
    parseInt(hex.slice(5, 7), 16),
    Math.round(BAND_FILL_OPACITY * 255),
  ];
}
