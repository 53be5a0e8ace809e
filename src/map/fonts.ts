/**
 * The bundled CJK font. Labels must never depend on the viewer's system fonts (Debian ships no
 * CJK font by default, and Chrome rejects .ttc files), so Noto Sans SC is served by the app itself,
 * split by unicode-range into ~100 woff2 files of ~40 KB: MapLibre's `font-faces` and the page's
 * FontFace registrations both fetch only the files covering characters actually drawn.
 */
import ranges from '@fontsource/noto-sans-sc/unicode.json';
import type { FontFacesSpecification } from 'maplibre-gl';

export const FONT_FAMILY = 'Noto Sans SC';

// Vite emits each file as a hashed asset and hands back its URL; nothing is fetched from outside.
// The one-file "chinese-simplified" set (1.1 MB) duplicates the split files and is left out.
const files = import.meta.glob(
  [
    '/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff2',
    '!/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2',
  ],
  {
    query: '?url',
    import: 'default',
    eager: true,
  },
) as Record<string, string>;

export interface FontChunk {
  url: string;
  /** CSS unicode-range items, e.g. ["U+4e00-4e3f", "U+4e45"]. */
  ranges: string[];
}

function chunkFile(key: string): string {
  // unicode.json keys numbered chunks as "[12]"; the file is named "noto-sans-sc-12-400-normal".
  const name = key.replace(/^\[(\d+)\]$/, '$1');
  return `/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-${name}-400-normal.woff2`;
}

export const FONT_CHUNKS: FontChunk[] = Object.entries(ranges as Record<string, string>)
  .map(([key, range]) => ({ url: files[chunkFile(key)], ranges: range.split(',') }))
  .filter((c): c is FontChunk => typeof c.url === 'string');

/** The style's `font-faces`: the same family name as `text-font`. */
export function fontFaces(baseUrl: string): FontFacesSpecification {
  return {
    [FONT_FAMILY]: FONT_CHUNKS.map((c) => ({ url: new URL(c.url, baseUrl).href, 'unicode-range': c.ranges })),
  };
}

/**
 * Registers the same files for the page's own text (panels, captions), through the FontFace API
 * rather than a stylesheet so the Content-Security-Policy needs no inline styles.
 */
export function registerPageFont(): void {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  for (const c of FONT_CHUNKS) {
    const face = new FontFace(FONT_FAMILY, `url(${c.url}) format('woff2')`, {
      unicodeRange: c.ranges.join(','),
      weight: '100 900',
      display: 'swap',
    });
    document.fonts.add(face);
  }
}
