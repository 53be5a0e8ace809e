/**
 * The main thread's side of the import worker: one job at a time, progress as it goes, features
 * gathered from the worker's chunks, and a cancel that terminates the worker outright.
 */
import type { Feature } from 'geojson';
import type { ImportEvent, ImportOutcome, ImportRequest, WorkerStage } from './import-protocol';

export type ImportJobResult =
  | (Extract<ImportOutcome, { ok: true }> & { features: Feature[] })
  | Extract<ImportOutcome, { ok: false }>
  | { ok: false; cancelled: true }
  | { ok: false; failed: string };

export interface ImportJob {
  result: Promise<ImportJobResult>;
  cancel(): void;
}

let worker: Worker | null = null;
let nextId = 1;

function getWorker(): Worker {
  worker ??= new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  return worker;
}

export function startImport(
  input: ImportRequest['input'],
  meta: ImportRequest['meta'],
  onProgress: (stage: WorkerStage, fraction: number) => void,
): ImportJob {
  const w = getWorker();
  const id = nextId++;
  const features: Feature[] = [];
  let settle!: (r: ImportJobResult) => void;
  const result = new Promise<ImportJobResult>((resolve) => (settle = resolve));
  let finished = false;
  // Stage changes become performance marks, so a trace (or a test) can line up main-thread work with them.
  let lastStage = '';

  const stop = () => {
    finished = true;
    w.removeEventListener('message', onMessage);
    w.removeEventListener('error', onError);
  };
  const onMessage = (e: MessageEvent<ImportEvent>) => {
    const m = e.data;
    if (finished || m.id !== id) return;
    if (m.type === 'progress') {
      if (m.stage !== lastStage) performance.mark(`import:${(lastStage = m.stage)}`);
      onProgress(m.stage, m.fraction);
    } else if (m.type === 'chunk') {
      for (const f of m.features) features.push(f);
    } else if (m.type === 'done') {
      performance.mark('import:done');
      stop();
      settle(m.outcome.ok ? { ...m.outcome, features } : m.outcome);
    } else if (m.type === 'failed') {
      stop();
      settle({ ok: false, failed: m.detail });
    }
  };
  const onError = (e: ErrorEvent) => {
    if (finished) return;
    stop();
    worker?.terminate();
    worker = null;
    settle({ ok: false, failed: e.message || 'the import worker stopped' });
  };
  w.addEventListener('message', onMessage);
  w.addEventListener('error', onError);
  const req: ImportRequest = { type: 'import', id, input, meta };
  w.postMessage(req);

  return {
    result,
    cancel() {
      if (finished) return;
      stop();
      // Terminating is the only way to stop a JSON.parse in progress; the next job starts a new worker.
      w.terminate();
      if (worker === w) worker = null;
      settle({ ok: false, cancelled: true });
    },
  };
}
