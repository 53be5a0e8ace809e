/**
 * The worker side, independent of any real Worker: it receives envelopes, queues them, and routes
 * each request to the coverage core. Requests are handled one at a time after the current message
 * burst has arrived, so a '<cancel>' (or a newer request of the same type) that arrives before a
 * request starts makes the worker skip it: dragging a what-if park sends many computes, and
 * CoverageClient.latest() cancels each older one, so only the newest is computed. Tests drive it with a fake messenger and scheduler, as MapLibre's
 * worker-source tests fake their actor.
 */
import { CoverageEngine } from '../core/coverage/pipeline';
import type { CoverageLayers } from '../core/coverage/types';
import { comparePlanSteps } from '../core/sites/plan-vs-best';
import { candidateGrid, searchSites } from '../core/sites/search';
import type { SitesProgress } from '../core/sites/types';
import {
  type CancelEnvelope,
  CancelledError,
  type InitRequest,
  type MessageType,
  type Messenger,
  type ProgressEnvelope,
  type ProgressType,
  type RequestEnvelope,
  type ResponseEnvelope,
  type ResultOf,
  type ToWorker,
  serializeError,
} from './protocol';

export interface HandlerOptions {
  /** Loads JSON by URL for `init` with urls (default: fetch). */
  fetchJson?: (url: string) => Promise<unknown>;
  /**
   * URL of the prebuilt graphs asset (scripts/geodata/build-graphs.ts), tried on every init: used
   * when it was built from the same layers, else the graphs are built at run time.
   */
  graphsUrl?: string;
  /** Loads binary data by URL (default: fetch). */
  fetchBinary?: (url: string) => Promise<ArrayBuffer>;
  /** Runs the queue later (default: setTimeout 0), letting queued cancels arrive first. */
  schedule?: (run: () => void) => void;
  /**
   * Lets pending messages in during a long search (default: a MessageChannel macrotask, which,
   * unlike nested setTimeouts, is not clamped to 4 ms).
   */
  breathe?: () => Promise<void>;
  /** A long search lets messages in (and reports progress) at most this often, ms (default 30). */
  breatheMs?: number;
}

export interface CoverageHandler {
  receive(message: ToWorker): void;
  /** The engine once initialised (for tests). */
  readonly engine: CoverageEngine | null;
}

export function createCoverageHandler(messenger: Messenger, options: HandlerOptions = {}): CoverageHandler {
  const fetchJson =
    options.fetchJson ??
    (async (url: string) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`Could not load ${url}: HTTP ${res.status}.`);
      return res.json();
    });
  const fetchBinary =
    options.fetchBinary ??
    (async (url: string) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`Could not load ${url}: HTTP ${res.status}.`);
      return res.arrayBuffer();
    });
  const schedule = options.schedule ?? ((run: () => void) => void setTimeout(run, 0));
  const breathe = options.breathe ?? defaultBreathe();
  const breatheMs = options.breatheMs ?? 30;
  let engine: CoverageEngine | null = null;
  const queue: RequestEnvelope[] = [];
  let scheduled = false;
  let busy = false;
  /** The request being handled, and whether a '<cancel>' for it arrived while it ran. */
  let running: string | null = null;
  let runningCancelled = false;

  const respond = <T extends MessageType>(req: RequestEnvelope<T>, data?: ResultOf<T>, error?: unknown) => {
    const msg: ResponseEnvelope<T> = { kind: 'response', id: req.id, type: req.type };
    if (error !== undefined) msg.error = serializeError(error);
    else msg.data = data;
    messenger.postMessage(msg, error === undefined ? transferables(data) : []);
  };

  const requireEngine = (): CoverageEngine => {
    if (!engine) throw new Error('Coverage worker not initialised: send "init" with the geodata first.');
    return engine;
  };

  /**
   * Runs a search step by step: between steps (at most every breatheMs) it sends progress and lets
   * messages in, and stops with a CancelledError once a '<cancel>' for it has arrived.
   */
  async function stepThrough<R>(req: RequestEnvelope, steps: Generator<SitesProgress, R>): Promise<R> {
    let last = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - last < breatheMs) continue;
      const progress: ProgressEnvelope = {
        kind: 'progress',
        id: req.id,
        type: req.type as ProgressType,
        data: step.value,
      };
      messenger.postMessage(progress);
      await breathe();
      if (runningCancelled) throw new CancelledError(`"${req.type}" was cancelled while it ran.`);
      last = performance.now();
    }
  }

  async function handle(req: RequestEnvelope): Promise<unknown> {
    switch (req.type) {
      case 'init': {
        const d = req.data as InitRequest;
        const asset = options.graphsUrl ? fetchBinary(options.graphsUrl).catch((e: Error) => e) : null;
        const layers = 'layers' in d ? d.layers : await loadLayers(d.urls, fetchJson);
        const made = await withPrebuilt(layers, d.extent, asset);
        engine = made.engine;
        const graphs = made.graphs;
        return {
          graphs,
          roads: layers.roads.features.length,
          greens: layers.green.features.length,
          residentialBlocks: layers.residential.features.length,
          extent: engine.extent,
          ...engine.timeline,
        };
      }
      case 'compute':
        return requireEngine().compute(req.data as RequestEnvelope<'compute'>['data']);
      case 'comparison':
        return requireEngine().comparison(req.data as RequestEnvelope<'comparison'>['data']);
      case 'accessImage':
        return requireEngine().accessImage(req.data as RequestEnvelope<'accessImage'>['data']);
      case 'pointInfo': {
        const d = req.data as RequestEnvelope<'pointInfo'>['data'];
        return requireEngine().pointInfo(d.params, d.lng, d.lat);
      }
      case 'nearest': {
        const d = req.data as RequestEnvelope<'nearest'>['data'];
        return requireEngine().nearest(d.params, d.lng, d.lat, d.k ?? 3);
      }
      case 'suggest': {
        const d = req.data as RequestEnvelope<'suggest'>['data'];
        return requireEngine().suggest(d.params, d.count, d.areaM2);
      }
      case 'radiusBuffers': {
        const d = req.data as RequestEnvelope<'radiusBuffers'>['data'];
        return requireEngine().radiusBuffers(d.scenario, d.greenRule);
      }
      case 'sites':
        return stepThrough(req, searchSites(requireEngine(), req.data as RequestEnvelope<'sites'>['data']));
      case 'siteCandidates':
        return candidateGrid(requireEngine(), req.data as RequestEnvelope<'siteCandidates'>['data']);
      case 'planVsBest':
        return stepThrough(
          req,
          comparePlanSteps(requireEngine(), req.data as RequestEnvelope<'planVsBest'>['data']),
        );
      default:
        throw new Error(`Unknown message type "${String((req as { type: unknown }).type)}".`);
    }
  }

  async function drain(): Promise<void> {
    scheduled = false;
    if (busy) return;
    busy = true;
    try {
      while (queue.length > 0) {
        const req = queue.shift()!;
        running = req.id;
        runningCancelled = false;
        try {
          const data = await handle(req);
          if (!runningCancelled) respond(req, data as never);
        } catch (err) {
          // A cancelled request's caller has already rejected its promise: no response needed.
          if (!runningCancelled) respond(req, undefined, err);
        } finally {
          running = null;
        }
      }
    } finally {
      busy = false;
    }
  }

  return {
    get engine() {
      return engine;
    },
    receive(message: ToWorker) {
      if (!message || typeof message !== 'object') return;
      if (message.kind === '<cancel>') {
        if (message.id === running) runningCancelled = true;
        const i = queue.findIndex((q) => q.id === (message as CancelEnvelope).id);
        if (i >= 0) queue.splice(i, 1); // the caller already rejected its promise: no response needed
        return;
      }
      if (message.kind !== 'request') return;
      queue.push(message);
      if (!scheduled) {
        scheduled = true;
        schedule(() => void drain());
      }
    },
  };
}

async function loadLayers(
  urls: Extract<InitRequest, { urls: unknown }>['urls'],
  fetchJson: (url: string) => Promise<unknown>,
): Promise<CoverageLayers> {
  const [roads, green, residential, water, standards] = await Promise.all([
    fetchJson(urls.roads),
    fetchJson(urls.green),
    fetchJson(urls.residential),
    urls.water ? fetchJson(urls.water) : Promise.resolve(undefined),
    urls.standards ? fetchJson(urls.standards).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  // Parsed here, on this path only (the app sends the parsed standard): zod loads on demand.
  const standard =
    standards === undefined
      ? undefined
      : (await import('../core/coverage/standard-parse')).parseStandard(standards);
  return { roads, green, residential, water, standard } as CoverageLayers;
}

/** A macrotask that lets queued messages be delivered (MessageChannel where it exists). */
function defaultBreathe(): () => Promise<void> {
  if (typeof MessageChannel === 'undefined') return () => new Promise((r) => setTimeout(r, 0));
  let channel: MessageChannel | null = null;
  const waiting: (() => void)[] = [];
  return () =>
    new Promise<void>((resolve) => {
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = () => waiting.shift()?.();
        // In Node (tests, bench) an open port would keep the process alive.
        (channel.port1 as { unref?: () => void }).unref?.();
      }
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}

/**
 * The engine, with the graphs asset if it loaded and was built from these layers (its extent then
 * taken from the asset); says where the graphs come from (InitResult.graphs).
 */
async function withPrebuilt(
  layers: CoverageLayers,
  extent: readonly number[] | undefined,
  asset: Promise<ArrayBuffer | Error> | null,
): Promise<{ engine: CoverageEngine; graphs: string }> {
  if (!asset)
    return { engine: new CoverageEngine(layers, extent), graphs: 'no graphs asset: built at run time' };
  const buf = await asset;
  if (buf instanceof Error)
    return {
      engine: new CoverageEngine(layers, extent),
      graphs: `graphs asset not loaded (${buf.message}): built at run time`,
    };
  try {
    const { engine, why } = CoverageEngine.withAsset(layers, buf, extent);
    return { engine, graphs: why ?? 'asset' };
  } catch (err) {
    return {
      engine: new CoverageEngine(layers, extent),
      graphs: `${(err as Error).message} Built at run time.`,
    };
  }
}

/** The big typed arrays of a result, moved to the main thread without copying. */
function transferables(data: unknown): Transferable[] {
  const cand = data as { lng?: unknown; lat?: unknown; available?: unknown } | undefined;
  if (
    cand?.lng instanceof Float64Array &&
    cand.lat instanceof Float64Array &&
    cand.available instanceof Uint8Array
  )
    return [
      cand.lng.buffer as ArrayBuffer,
      cand.lat.buffer as ArrayBuffer,
      cand.available.buffer as ArrayBuffer,
    ];
  const d = data as { rgba?: Uint8ClampedArray } | undefined;
  return d?.rgba instanceof Uint8ClampedArray ? [d.rgba.buffer as ArrayBuffer] : [];
}
