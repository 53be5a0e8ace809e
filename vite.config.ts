import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP_HEADER, cspMetaPlugin } from './scripts/vite-csp.ts';
import { graphsPlugin } from './scripts/vite-graphs.ts';

// 127.0.0.1 rather than localhost: tests assert that no request leaves this address.
export default defineConfig({
  plugins: [
    svelte(),
    cspMetaPlugin(),
    graphsPlugin(),
    // Offline after one visit: every built file (JS, CSS, woff2 font chunks, geodata) is precached.
    // Registered by src/state/offline.svelte.ts; a new version waits for the user ('prompt').
    VitePWA({
      injectRegister: false,
      registerType: 'prompt',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,woff2,geojson,json,svg,png,bin}'],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  assetsInclude: ['**/*.geojson'],
  build: {
    target: 'es2022',
    // No data: URLs for small fonts or geodata: the CSP allows fonts and fetches from 'self' only.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: false,
    headers: { 'Content-Security-Policy': CSP_HEADER },
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30000,
  },
});
