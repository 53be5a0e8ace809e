/**
 * Golden files for the walk-time bands and the gaps, in the manner of Turf's tests: every input in
 * tests/fixtures/coverage/golden/in (layers tagged by `properties.layer`, with the grid `extent`
 * and the computation's `params` as foreign members) is computed, and its bands and gaps are
 * compared with the file of the same name in ../out. `REGEN=1 npx vitest run golden` rewrites
 * the outputs; review them in geojson.io (bands are drawn green, gaps red) before committing.
 * Coordinates are truncated to 6 decimals (about 0.1 m), so floating-point noise cannot break them.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import truncate from '@turf/truncate';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import type { CoverageParams } from '../../../src/core/coverage/params';
import type { CoverageLayers } from '../../../src/core/coverage/types';
import { gapFeatures } from '../../../src/core/coverage/gaps';

const DIR = new URL('../../fixtures/coverage/golden/', import.meta.url);
const LAYERS = ['roads', 'green', 'residential', 'water'] as const;
const BAND_STROKES = ['#1b7837', '#5aae61', '#a6dba0', '#d9f0d3'];

interface GoldenInput extends FeatureCollection {
  extent: number[];
  params: CoverageParams;
}

function layersOf(input: GoldenInput): CoverageLayers {
  const of = (layer: string) => ({
    type: 'FeatureCollection' as const,
    features: input.features
      .filter((f) => f.properties?.layer === layer)
      .map(({ properties, ...f }) => {
        const { layer: _layer, ...rest } = properties ?? {};
        return { ...f, properties: rest };
      }),
  });
  return Object.fromEntries(LAYERS.map((l) => [l, of(l)])) as unknown as CoverageLayers;
}

/** The bands and gaps of one input, styled for geojson.io and truncated. */
function output(input: GoldenInput): FeatureCollection<MultiPolygon> {
  const r = new CoverageEngine(layersOf(input), input.extent).compute({ roadTimes: false, ...input.params });
  const bands: Feature<MultiPolygon>[] = r.bands.features.map((f) => ({
    ...f,
    properties: {
      ...f.properties,
      stroke: BAND_STROKES[r.params.bands.indexOf(f.properties.minutes)],
      fill: BAND_STROKES[r.params.bands.indexOf(f.properties.minutes)],
      'fill-opacity': 0.3,
    },
  }));
  const gaps: Feature<MultiPolygon>[] = gapFeatures(r.gaps, Math.max(...r.params.bands)).features.map(
    (f) => ({
      ...f,
      properties: { ...f.properties, stroke: '#c92a2a', fill: '#e8590c', 'fill-opacity': 0.5 },
    }),
  );
  return truncate(
    { type: 'FeatureCollection', features: [...bands, ...gaps] },
    { precision: 6, coordinates: 2 },
  );
}

/** What a reader checks first: which features, their properties, and how many rings and vertices. */
const outline = (fc: FeatureCollection<MultiPolygon>) =>
  fc.features.map((f) => ({
    properties: f.properties,
    polygons: f.geometry.coordinates.length,
    vertices: f.geometry.coordinates.flat(2).length,
  }));

const names = readdirSync(new URL('in/', DIR)).filter((n) => n.endsWith('.geojson'));

describe('golden bands and gaps', () => {
  it('has inputs', () => expect(names.length).toBeGreaterThanOrEqual(4));

  it.each(names)('%s', (name) => {
    const input = JSON.parse(readFileSync(new URL(`in/${name}`, DIR), 'utf8')) as GoldenInput;
    const actual = output(input);
    const outFile = new URL(`out/${name}`, DIR);
    if (process.env.REGEN) writeFileSync(outFile, JSON.stringify(actual) + '\n');
    const expected = JSON.parse(readFileSync(outFile, 'utf8')) as FeatureCollection<MultiPolygon>;
    // Properties and shape sizes first: a readable diff when a band or a gap changes.
    expect(outline(actual)).toEqual(outline(expected));
    actual.features.forEach((f, i) =>
      expect(
        f.geometry.coordinates,
        `${name}: coordinates of feature ${i} (${JSON.stringify(f.properties)})`,
      ).toEqual(expected.features[i].geometry.coordinates),
    );
  });
});
