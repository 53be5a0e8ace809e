import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { placesFromLayers } from '../../../src/core/search';
import { fixtureLayers } from './load-fixtures';

describe('placesFromLayers', () => {
  const layers = fixtureLayers();
  const places = placesFromLayers(layers);
  const byName = (zh: string) => places.filter((p) => p.name_zh === zh);

  it('merges road segments by name_zh into one place spanning all of them', () => {
    const [xuesong, ...rest] = byName('雪松路');
    expect(rest).toHaveLength(0);
    expect(xuesong.kind).toBe('road');
    expect(xuesong.bbox).toEqual([113.55, 34.8, 113.551, 34.835]);
    // The centre lies on the road (x = 113.55..113.551), not just anywhere in the bbox.
    expect(xuesong.center[0]).toBeGreaterThanOrEqual(113.55);
    expect(xuesong.center[0]).toBeLessThanOrEqual(113.551);
    expect(xuesong.center[1]).toBeCloseTo(34.8175, 2);
    expect(byName('长椿路')).toHaveLength(1);
    expect(byName('长椿路')[0].bbox).toEqual([113.54, 34.79, 113.5405, 34.83]);
  });

  it('puts the centre of a park inside the park', () => {
    const park = byName('天健湖公园')[0];
    const polygon = layers.greenery!.features.find((f) => f.properties?.name_zh === '天健湖公园')!;
    expect(booleanPointInPolygon(park.center, polygon as never)).toBe(true);
    expect(park.kind).toBe('green');
  });

  it('keeps only universities from the industrial parks and metro stations from the landmarks', () => {
    expect(byName('郑州大学(主校区)')[0].kind).toBe('campus');
    expect(byName('郑州大学(主校区)')[0].aliases_zh).toEqual(['郑州大学']);
    expect(byName('国家863中部软件园')).toHaveLength(0);
    expect(byName('天健湖站')[0].kind).toBe('metro');
    expect(byName('郑州大学南门')).toHaveLength(0);
  });

  it('lists each estate once, pointing at its block', () => {
    const estate = byName('万科城湖心岛');
    expect(estate).toHaveLength(1);
    expect(estate[0].parent_zh).toBe('万科城街坊');
    expect(estate[0].bbox).toEqual(byName('万科城街坊')[0].bbox);
    expect(estate[0].name_en).toMatch(/^Wankecheng/);
  });

  it('gives crossings both road orders as aliases, also when only the name says which roads', () => {
    const [x] = byName('科学大道与长椿路');
    expect(x.aliases_zh).toEqual(
      expect.arrayContaining(['长椿路与科学大道', '科学大道长椿路', '长椿路科学大道']),
    );
  });

  it('skips features without a Chinese name or a geometry', () => {
    expect(places.some((p) => p.name_en === 'No Chinese name')).toBe(false);
    expect(byName('无几何公园')).toHaveLength(0);
  });

  it('accepts missing layers and empty collections', () => {
    expect(placesFromLayers({})).toEqual([]);
    expect(placesFromLayers({ roads: { type: 'FeatureCollection', features: [] } })).toEqual([]);
  });
});
