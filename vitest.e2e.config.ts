import { defineConfig } from 'vitest/config';

// End-to-end tests: Debian's Chromium through playwright-core against the built app (dist/),
// served on 127.0.0.1 by tests/e2e/global-setup.ts. One browser at a time: CI has two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
