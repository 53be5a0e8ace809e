/// <reference lib="webworker" />
/**
 * Reads, validates and converts one imported file off the main thread (src/core/import), trims it
 * for display if it is huge, and sends the features back in chunks. Storing them for the next visit
 * is the main thread's job (src/state/imports.svelte.ts): a worker only computes.
 * Messages: ./import-protocol.ts.
 */
import type { Feature } from 'geojson';
import { parseAndValidate, type ImportLayer } from '../core/import';
import { countPositions } from '../core/geo/positions';
import { simplifyForDisplay } from './display-simplify';
import type { ImportEvent, ImportOutcome, ImportRequest, WorkerStage } from './import-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Positions per chunk sent to the main thread: small enough that each one deserializes quickly. */
const CHUNK_POSITIONS = 20_000;
const CHUNK_FEATURES = 1_000;

// Overall progress: reading the file, then the core's own 0..1, then the worker's finishing steps.
const SHARE_READ = 0.15;
const SHARE_CORE = 0.75;

function post(e: ImportEvent, transfer: Transferable[] = []) {
  self.postMessage(e, transfer);
}

let lastProgress = 0;
function progress(id: number, stage: WorkerStage, fraction: number, force = false) {
  const t = Date.now();
  if (!force && t - lastProgress < 50) return;
  lastProgress = t;
  post({ type: 'progress', id, stage, fraction: Math.min(1, Math.max(0, fraction)) });
}

/** The file's bytes, read in chunks so progress can be reported while a large file streams in. */
async function readBlob(id: number, blob: Blob): Promise<Uint8Array> {
  const out = new Uint8Array(blob.size);
  const reader = blob.stream().getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > out.length) throw new Error('the file grew while it was being read');
    out.set(value, offset);
    offset += value.length;
    progress(id, 'reading-file', SHARE_READ * (offset / Math.max(1, blob.size)));
  }
  return offset === out.length ? out : out.subarray(0, offset);
}

/** Imported ids are unique within a file; prefixing the import's own id makes them unique app-wide. */
function uniqueIds(features: Feature[], importId: string, layer: ImportLayer) {
  const from = `import:${layer}:`;
  for (const f of features) {
    const p = f.properties as Record<string, unknown>;
    const id = String(p.id ?? '');
    p.id = `import:${importId}:${id.startsWith(from) ? id.slice(from.length) : id}`;
  }
}

async function handle(req: ImportRequest): Promise<void> {
  const { id, meta } = req;
  progress(id, 'reading-file', 0, true);
  const input = req.input instanceof Blob ? await readBlob(id, req.input) : req.input;
  const result = await parseAndValidate(
    input,
    { layer: meta.layer, crs: meta.crs, sourceLabel: meta.name },
    (p) => progress(id, p.stage, SHARE_READ + SHARE_CORE * p.fraction),
  );
  if (!result.ok) {
    post({ type: 'done', id, outcome: { ok: false, errors: result.errors, warnings: result.warnings } });
    return;
  }
  const features = result.features as Feature[];
  uniqueIds(features, meta.id, meta.layer);
  const done = SHARE_READ + SHARE_CORE;
  const trimmed = await simplifyForDisplay(features, undefined, async (f) => {
    progress(id, 'simplifying', done + 0.05 * f);
    await new Promise((r) => setTimeout(r, 0));
  });

  progress(id, 'sending', done + 0.1, true);
  let chunk: Feature[] = [];
  let positions = 0;
  for (const f of features) {
    chunk.push(f);
    positions += countPositions(f.geometry);
    if (positions >= CHUNK_POSITIONS || chunk.length >= CHUNK_FEATURES) {
      post({ type: 'chunk', id, features: chunk });
      chunk = [];
      positions = 0;
    }
  }
  if (chunk.length) post({ type: 'chunk', id, features: chunk });
  const outcome: ImportOutcome = {
    ok: true,
    warnings: result.warnings,
    stats: result.stats,
    keptVertices: trimmed.kept,
    simplifiedMetres: trimmed.metres,
  };
  post({ type: 'done', id, outcome });
}

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const req = e.data;
  if (req?.type !== 'import') return;
  handle(req).catch((err: unknown) => {
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    post({ type: 'failed', id: req.id, detail: detail.slice(0, 300) });
  });
};
