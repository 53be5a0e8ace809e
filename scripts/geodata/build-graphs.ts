/**
 * Builds the graphs asset (src/core/coverage/graph-asset.ts): every scenario's walk graph, snapping
 * index, cell links, prepared green spaces and default search field, the same without the
 * scenario's guessed features, and the residential raster, for the bundled geodata, at the default
 * cell size, into public/graphs/zone.bin (git-ignored; served as /graphs/zone.bin and precached offline).
 *
 * `npm run data:graphs` rebuilds it; the Vite build and dev server call ensureGraphs() first, which
 * rebuilds only when the file is missing, of another format, or built from other geodata. The output
 * is deterministic: the same geodata gives the same bytes (a unit test checks it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CELL_M, DEFAULT_MIN_AREA_M2 } from '../../src/core/coverage/constants';
import { DEFAULT_GREEN_RULE } from '../../src/core/coverage/green-class';
import { fillAccessGrid } from '../../src/core/coverage/grid';
import { withoutGuesses } from '../../src/core/coverage/guesses';
import { buildSourceSet, selectGreens } from '../../src/core/coverage/source-set';
import { dataExtent } from '../../src/core/coverage/extent';
import {
  type PrebuiltParts,
  buildParts,
  encodeGraphAsset,
  graphFingerprint,
  readGraphAssetHeader,
  sureKey,
} from '../../src/core/coverage/graph-asset';
import { makeGrid } from '../../src/core/coverage/grid-spec';
import { buildScenarioModel } from '../../src/core/coverage/model';
import { makeProjection } from '../../src/core/coverage/projection';
import { DEFAULT_STANDARD } from '../../src/core/coverage/radius';
import { rasterizeResidential } from '../../src/core/coverage/residential';
import { parseStandard } from '../../src/core/coverage/standard-parse';
import { type CoverageLayers, type Scenario, SCENARIOS } from '../../src/core/coverage/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const GRAPHS_FILE = resolve(ROOT, 'public/graphs/zone.bin');

/**
 * The bundled layers the app hands the coverage worker (as src/state/coverage-input.ts does: the
 * standard parsed from geodata/standards.json, when present).
 */
export function bundledLayers(root = ROOT): CoverageLayers {
  const load = (name: string) => JSON.parse(readFileSync(resolve(root, 'geodata', name), 'utf8'));
  const standards = resolve(root, 'geodata', 'standards.json');
  return {
    roads: load('roads.geojson'),
    green: load('greenery.geojson'),
    residential: load('residential.geojson'),
    water: load('water.geojson'),
    ...(existsSync(standards) ? { standard: parseStandard(load('standards.json')) } : {}),
  };
}

/**
 * The asset's keys and layers: every scenario the core defines, and each without its guessed
 * features where a guessed road changes its network (else the engine reuses the scenario's own).
 */
export function assetScenarios(layers: CoverageLayers): [string, Scenario, CoverageLayers][] {
  return SCENARIOS.flatMap((s): [string, Scenario, CoverageLayers][] => {
    const sure = withoutGuesses(layers, s);
    return [
      [s, s, layers],
      ...(sure.roadsChanged ? [[sureKey(s), s, sure.layers] as [string, Scenario, CoverageLayers]] : []),
    ];
  });
}

/** The asset's bytes for these layers, at the default cell size. */
export function buildGraphAsset(layers: CoverageLayers, cellM = DEFAULT_CELL_M): Uint8Array {
  const extent = dataExtent(layers);
  const proj = makeProjection((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2);
  const grid = makeGrid(proj, extent, cellM);
  const standard = layers.standard ?? DEFAULT_STANDARD;
  const defaults = { minAreaM2: DEFAULT_MIN_AREA_M2, greenRule: DEFAULT_GREEN_RULE };
  // The green spaces prepared by the model builder itself, given the built parts, and the default
  // source set's search field as the engine computes it.
  const prepare = (l: CoverageLayers, s: Scenario, key: string) => (parts: PrebuiltParts) => {
    const m = buildScenarioModel(l, s, proj, grid, standard, parts);
    const set = buildSourceSet(m, selectGreens(m.greens, defaults.minAreaM2, defaults.greenRule));
    // The access grid of the scenarios with guesses only (their first image); statistics without
    // guesses fill only residential cells, a tenth of the grid.
    const access = key === s ? fillAccessGrid(m.grid, m.links, set.field, set.direct) : undefined;
    return {
      greens: m.greens.map((g) => ({
        feature: g.ref.feature,
        field: g.field,
        directOk: g.directOk,
        points: g.points,
      })),
      field: set.field,
      ...(access ? { grid: { dist: access.dist, green: access.green } } : {}),
    };
  };
  return encodeGraphAsset(
    {
      fingerprint: graphFingerprint(layers, extent, cellM, standard),
      extent,
      cellM,
      cols: grid.cols,
      rows: grid.rows,
      defaults,
    },
    assetScenarios(layers).map(([key, s, l]) => [key, buildParts(l, s, proj, grid, prepare(l, s, key))]),
    rasterizeResidential(grid, layers.residential),
  );
}

/** Rebuilds the asset when missing or stale; returns what it did. */
export function ensureGraphs(file = GRAPHS_FILE, force = false): string {
  const layers = bundledLayers();
  const extent = dataExtent(layers);
  if (!force) {
    try {
      const buf = readFileSync(file);
      const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
      const { header } = readGraphAssetHeader(ab);
      // Sorted: a JSON object lists integer-like keys ("2014") before the others.
      const scenarios = Object.keys(header.scenarios).sort().join(',');
      if (
        header.fingerprint ===
          graphFingerprint(layers, extent, header.cellM, layers.standard ?? DEFAULT_STANDARD) &&
        header.cellM === DEFAULT_CELL_M &&
        scenarios ===
          assetScenarios(layers)
            .map(([key]) => key)
            .sort()
            .join(',')
      )
        return `graphs asset up to date (${header.fingerprint})`;
    } catch {
      // Missing or unreadable: rebuild below.
    }
  }
  const bytes = buildGraphAsset(layers);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  const keys = assetScenarios(layers).map(([key]) => key);
  return `graphs asset built: ${file} (${(bytes.length / 1024).toFixed(0)} KB, scenarios ${keys.join(', ')})`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(ensureGraphs(GRAPHS_FILE, process.argv.includes('--force')));
}
