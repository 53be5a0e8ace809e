/**
 * The offline style, checked against MapLibre's own style specification, so a bad expression
 * fails here rather than as a blank map in the browser.
 */
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { styleData } from './style-data';
import { buildStyle, INTERACTIVE_LAYERS, LABEL_LAYERS, MISSION_GROUPS } from '../../../src/map/style';
import { FONT_CHUNKS } from '../../../src/map/fonts';

const data = styleData;

describe('the offline style', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`validates against the MapLibre style spec (${lang})`, () => {
      const style = buildStyle(data, lang, 'http://127.0.0.1/');
      expect(validateStyleMin(style)).toEqual([]);
    });
  }

  it('has no tile, glyph or sprite server: every source is inline GeoJSON', () => {
    const style = buildStyle(data, 'zh', 'http://127.0.0.1/');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const s of Object.values(style.sources)) {
      expect(s.type).toBe('geojson');
      expect(typeof (s as { data: unknown }).data).toBe('object');
    }
  });

  it('declares every layer the groups, labels and clicks refer to', () => {
    const ids = new Set(buildStyle(data, 'zh', 'http://127.0.0.1/').layers.map((l) => l.id));
    const referenced = [...Object.values(MISSION_GROUPS).flat(), ...LABEL_LAYERS, ...INTERACTIVE_LAYERS];
    expect(referenced.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('covers every character of the Chinese names with a bundled font file', () => {
    const ranges = FONT_CHUNKS.flatMap((c) =>
      c.ranges.map((r) => {
        const [a, b] = r.replace('U+', '').split('-');
        return [parseInt(a, 16), parseInt(b ?? a, 16)] as const;
      }),
    );
    const covered = (cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b);
    const missing = new Set<string>();
    for (const fc of Object.values(data)) {
      for (const f of fc.features) {
        for (const ch of String(f.properties?.name_zh ?? '')) {
          const cp = ch.codePointAt(0)!;
          if (cp > 0x7f && !covered(cp)) missing.add(ch);
        }
      }
    }
    expect(FONT_CHUNKS.length).toBeGreaterThan(90);
    expect([...missing]).toEqual([]);
  });
});
