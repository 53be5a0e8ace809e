/** Starts the coverage worker as a module worker (Vite bundles it from this URL). */
import { CoverageClient } from './client';

export function spawnCoverageWorker(): CoverageClient {
  const worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), {
    type: 'module',
    name: 'coverage',
  });
  return new CoverageClient(worker, () => worker.terminate());
}
