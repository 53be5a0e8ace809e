/**
 * Builds the graphs asset (src/core/coverage/graph-asset.ts): every scenario's walk graph, snapping
 * index and cell links for the bundled geodata, at the default cell size, into
 * public/graphs/zone.bin (git-ignored; served as /graphs/zone.bin and precached offline).
 *
 * `npm run data:graphs` rebuilds it; the Vite build and dev server call ensureGraphs() first, which
 * rebuilds only when the file is missing, of another format, or built from other geodata. The output
 * is deterministic: the same geodata gives the same bytes (a unit test checks it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CELL_M } from '../../src/core/coverage/constants';
import { dataExtent } from '../../src/core/coverage/extent';
import {
  buildParts,
  encodeGraphAsset,
  graphFingerprint,
  readGraphAssetHeader,
} from '../../src/core/coverage/graph-asset';
import { makeGrid } from '../../src/core/coverage/grid-spec';
import { makeProjection } from '../../src/core/coverage/projection';
import { type CoverageLayers, SCENARIOS } from '../../src/core/coverage/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const GRAPHS_FILE = resolve(ROOT, 'public/graphs/zone.bin');

/** The bundled layers the app hands the coverage worker (as src/state/coverage-input.ts does). */
export function bundledLayers(root = ROOT): CoverageLayers {
  const load = (name: string) => JSON.parse(readFileSync(resolve(root, 'geodata', name), 'utf8'));
  return {
    roads: load('roads.geojson'),
    green: load('greenery.geojson'),
    residential: load('residential.geojson'),
    water: load('water.geojson'),
  };
}

/** The asset's bytes for these layers: every scenario the core defines, at the default cell size. */
export function buildGraphAsset(layers: CoverageLayers, cellM = DEFAULT_CELL_M): Uint8Array {
  const extent = dataExtent(layers);
  const proj = makeProjection((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2);
  const grid = makeGrid(proj, extent, cellM);
  return encodeGraphAsset(
    { fingerprint: graphFingerprint(layers, extent, cellM), extent, cellM, cols: grid.cols, rows: grid.rows },
    SCENARIOS.map((s) => [s, buildParts(layers, s, proj, grid)]),
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
      const scenarios = Object.keys(header.scenarios).join(',');
      if (
        header.fingerprint === graphFingerprint(layers, extent, header.cellM) &&
        header.cellM === DEFAULT_CELL_M &&
        scenarios === SCENARIOS.join(',')
      )
        return `graphs asset up to date (${header.fingerprint})`;
    } catch {
      // Missing or unreadable: rebuild below.
    }
  }
  const bytes = buildGraphAsset(layers);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return `graphs asset built: ${file} (${(bytes.length / 1024).toFixed(0)} KB, scenarios ${SCENARIOS.join(', ')})`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(ensureGraphs(GRAPHS_FILE, process.argv.includes('--force')));
}
