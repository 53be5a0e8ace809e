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

// The prebuilt graphs of the bundled geodata (public/graphs/, built by scripts/geodata/build-graphs.ts).
const handler = createCoverageHandler(
  { postMessage: (m, t) => scope.postMessage(m, t ?? []) },
  { graphsUrl: `${import.meta.env.BASE_URL}graphs/zone.bin` },
);
scope.onmessage = (e) => handler.receive(e.data);
