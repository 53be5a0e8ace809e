/**
 * Import of a synthetic ~25 MB roads file (seeded): scan, parse, validate, convert from GCJ-02.
 * Run: npx vitest bench --run bench/import.bench.ts
 * Last run (node 20, shared machine): 1.25 s mean (26 MB, 1,000,000 positions, GCJ-02).
 */
import { bench, describe } from 'vitest';
import { parseAndValidate } from '../src/core/import';
import { syntheticRoadsFile } from './synthetic-roads';

const file = syntheticRoadsFile(10_000);

describe(`import ${(file.length / 1e6).toFixed(1)} MB, 1,000,000 positions`, () => {
  bench(
    'parseAndValidate (GCJ-02 → WGS-84)',
    async () => {
      const r = await parseAndValidate(file, { layer: 'roads', crs: 'GCJ02' });
      if (!r.ok) throw new Error(r.errors[0].message.en);
    },
    { iterations: 3 },
  );
});
