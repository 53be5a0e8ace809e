import { describe, expect, it } from 'vitest';
import {
  MAX_DEPTH,
  MAX_FILE_BYTES,
  MAX_NAME_LENGTH,
  MAX_STRING_LENGTH,
  MAX_VERTICES,
  parseAndValidate,
} from '../../../src/core/import';

const greenery = { layer: 'greenery', crs: 'WGS84' } as const;
const roads = { layer: 'roads', crs: 'WGS84' } as const;
const square = '[[[113.55,34.81],[113.56,34.81],[113.56,34.82],[113.55,34.82],[113.55,34.81]]]';
const park = (props: string) =>
  `{"type":"FeatureCollection","features":[{"type":"Feature","properties":${props},"geometry":{"type":"Polygon","coordinates":${square}}}]}`;

describe('hostile sizes', () => {
  it('refuses a file over 200 MB before reading it', async () => {
    const r = await parseAndValidate(new ArrayBuffer(MAX_FILE_BYTES + 1), greenery);
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'file-too-large', params: { limitMB: 200 } }] });
  });

  it('refuses 100,000-deep nesting without overflowing the stack, saying where', async () => {
    const r = await parseAndValidate('['.repeat(100_000) + ']'.repeat(100_000), greenery);
    expect(r).toMatchObject({
      ok: false,
      errors: [{ code: 'too-deep', params: { line: 1, column: MAX_DEPTH + 1 } }],
    });
  });

  it('refuses deep nesting hidden in properties', async () => {
    const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    const r = await parseAndValidate(park(deep), greenery);
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'too-deep' }] });
  });

  it('accepts nesting that real GeoJSON uses (MultiPolygon with nested properties)', async () => {
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x","meta":{"a":{"b":[1,[2]]}}},"geometry":{"type":"MultiPolygon","coordinates":[${square}]}}]}`;
    expect((await parseAndValidate(text, greenery)).ok).toBe(true);
  });

  it('cuts megabyte strings for display, with a warning naming the property', async () => {
    const big = '绿'.repeat(2_000_000);
    const r = await parseAndValidate(
      park(JSON.stringify({ name: big, description: 'x'.repeat(5_000_000) })),
      greenery,
    );
    if (!r.ok) throw new Error(r.errors[0].message.en);
    const p = r.features[0].properties;
    expect(p.name_zh).toHaveLength(MAX_NAME_LENGTH + 1);
    expect((p.name_zh as string).endsWith('…')).toBe(true);
    expect(p.description).toHaveLength(MAX_STRING_LENGTH + 1);
    const cut = r.warnings.filter((w) => w.code === 'string-truncated');
    expect(cut.map((w) => [w.params.key, w.params.length])).toEqual([
      ['name', 2_000_000],
      ['description', 5_000_000],
    ]);
  });

  it('loads a million vertices, skipping the quadratic self-intersection check', async () => {
    const n = 1_000_000;
    // A circle of radius 0.02° around the zone's middle, closed.
    const ring = Array.from({ length: n + 1 }, (_, i) => {
      const a = (2 * Math.PI * (i % n)) / n;
      return `[${(113.53 + 0.02 * Math.cos(a)).toFixed(8)},${(34.81 + 0.02 * Math.sin(a)).toFixed(8)}]`;
    });
    const text = `{"type":"Feature","properties":{"name":"大圆"},"geometry":{"type":"Polygon","coordinates":[[${ring.join(',')}]]}}`;
    const r = await parseAndValidate(text, greenery);
    if (!r.ok) throw new Error(r.errors[0].message.en);
    expect(r.stats.vertices).toBe(n + 1);
    expect(r.warnings.map((w) => w.code)).toEqual(['self-intersection-not-checked']);
  });

  it('refuses more than five million vertices', async () => {
    const feature = (k: number) =>
      `{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[${'[113.5,34.8],'.repeat(k - 1)}[113.51,34.81]]}}`;
    // Eleven features of 500,000 positions: over the limit only in total.
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: 11 }, () => feature(500_000)).join(',')}]}`;
    const r = await parseAndValidate(text, roads);
    expect(r).toMatchObject({
      ok: false,
      errors: [{ code: 'too-many-vertices', params: { limit: MAX_VERTICES } }],
    });
  }, 60_000);

  it('lists at most 200 issues of a kind and counts the rest', async () => {
    const features = Array.from(
      { length: 500 },
      () => '{"type":"Feature","properties":{},"geometry":null}',
    ).join(',');
    const r = await parseAndValidate(`{"type":"FeatureCollection","features":[${features}]}`, greenery);
    if (r.ok) throw new Error('accepted null geometries');
    expect(r.errors).toHaveLength(201);
    expect(r.errors.at(-1)).toMatchObject({ code: 'more-issues', params: { count: 300 } });
  });
});
