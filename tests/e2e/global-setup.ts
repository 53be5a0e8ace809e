/**
 * Serves the production build (what users get) on 127.0.0.1 for the end-to-end tests.
 * The URL reaches the tests through the E2E_BASE_URL environment variable.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;

export async function setup(): Promise<void> {
  // E2E_DIST serves another build folder (e.g. `vite build --outDir /tmp/x`), so parallel builds
  // into dist/ cannot pull the files out from under a running suite.
  const outDir = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(
      `${outDir}/ is missing: run \`npm run build\` before the end-to-end tests (npm test does both).`,
    );
  }
  server = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  process.env.E2E_BASE_URL = url.replace(/\/$/, '');
}

export async function teardown(): Promise<void> {
  await server?.close();
}
