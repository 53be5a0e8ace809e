/**
 * The coverage Web Worker's entry: routes messages to the handler, which runs src/core/coverage.
 * Spawned by spawnCoverageWorker() in ./spawn.ts; talk to it through CoverageClient (./client.ts).
 */
import { createCoverageHandler } from './handler';
import type { ToWorker } from './protocol';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

const handler = createCoverageHandler({ postMessage: (m, t) => scope.postMessage(m, t ?? []) });
scope.onmessage = (e) => handler.receive(e.data);
