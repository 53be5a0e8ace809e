/**
 * Builds the prebuilt graphs asset (public/graphs/zone.bin) before Vite builds or serves the app,
 * when it is missing or stale (scripts/geodata/build-graphs.ts, run in its own process so the Vite
 * config does not load the core), so a fresh clone's `npm run build`, `npx vite build` and
 * `npm run dev` all ship graphs that match the geodata. Not during Vitest.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

export function graphsPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'green-circle-graphs',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      if (process.env.VITEST) return;
      const tsx = createRequire(`${root}/package.json`).resolve('tsx/cli');
      const out = execFileSync(process.execPath, [tsx, 'scripts/geodata/build-graphs.ts'], {
        cwd: root,
        encoding: 'utf8',
      });
      this.info(out.trim());
    },
  };
}
