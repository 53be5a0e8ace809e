/**
 * Messages between the import UI and src/worker/import.worker.ts. One request at a time per
 * worker; cancelling terminates the worker (the client starts a fresh one), so a cancel takes
 * effect even in the middle of JSON.parse on a 100 MB file.
 *
 * Features come back in chunks of bounded size: each chunk is deserialized on the main thread as
 * its own short task, instead of one long task for the whole layer.
 */
import type { Feature } from 'geojson';
import type { ImportIssue, ImportLayer, ImportStage, ImportStats, SourceCrs } from '../core/import';

export interface ImportRequest {
  type: 'import';
  /** Request id, echoed in every event. */
  id: number;
  /** The user's file (read inside the worker, never on the main thread), or text / bytes. */
  input: Blob | string | ArrayBuffer;
  /** The import's id (prefix of its features' ids), file name, target layer and coordinate system. */
  meta: { id: string; name: string; layer: ImportLayer; crs: SourceCrs };
}

/**
 * 'reading-file', 'simplifying' and 'sending' are the worker's own stages around the core's;
 * 'saving' is the main thread's, once the worker has returned the records (state stores them).
 */
export type WorkerStage = ImportStage | 'reading-file' | 'simplifying' | 'saving' | 'sending';

export type ImportOutcome =
  | {
      ok: true;
      warnings: ImportIssue[];
      stats: ImportStats;
      /** Positions kept for display after simplification (== stats.vertices when not simplified). */
      keptVertices: number;
      /** Simplification tolerance in metres, when the layer had to be simplified for display. */
      simplifiedMetres?: number;
    }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

export type ImportEvent =
  | { type: 'progress'; id: number; stage: WorkerStage; fraction: number }
  | { type: 'chunk'; id: number; features: Feature[] }
  | { type: 'done'; id: number; outcome: ImportOutcome }
  /** Something broke outside the core (file unreadable, worker bug): shown as the error text. */
  | { type: 'failed'; id: number; detail: string };
