/**
 * The main thread's side of the coverage worker. `send()` returns a Promise of the typed result;
 * an AbortSignal cancels a request (the worker skips it if it has not started, and its late result
 * is ignored); `latest()` cancels the previous request of the same type, so only the newest result
 * is ever applied. `busy` turns true once some request has been pending for `slowMs` (150 ms), for a
 * progress indication, and `whenIdle()` resolves when nothing is pending (window.greenCircle.settled).
 */
import {
  CancelledError,
  type FromWorker,
  type MessageType,
  type ProgressMessages,
  type RequestOf,
  type ResultOf,
  type ToWorker,
} from './protocol';

/** A Worker, or anything shaped like one (tests connect the client to the handler directly). */
export interface WorkerPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: { data: FromWorker }) => void): void;
}

export interface SendOptions<T extends MessageType = MessageType> {
  signal?: AbortSignal;
  transfer?: Transferable[];
  /** Called with each progress message of a long request ('sites', 'planVsBest') while it runs. */
  onProgress?: (progress: T extends keyof ProgressMessages ? ProgressMessages[T] : never) => void;
}

interface Pending {
  type: MessageType;
  resolve: (v: never) => void;
  reject: (e: Error) => void;
  cleanup: () => void;
  onProgress?: (progress: never) => void;
}

export class CoverageClient {
  /** True while some request has been pending longer than slowMs. */
  busy = false;
  onBusyChange: ((busy: boolean) => void) | null = null;
  private readonly port: WorkerPort;
  private readonly stop: (() => void) | undefined;
  private readonly slowMs: number;
  private readonly pending = new Map<string, Pending>();
  private readonly latestOf = new Map<MessageType, string>();
  private readonly idleWaiters: (() => void)[] = [];
  private slowTimer: ReturnType<typeof setTimeout> | null = null;
  /** Random prefix: ids stay unique even if several clients talk to one worker. */
  private readonly prefix = Math.random().toString(36).slice(2, 8);
  private counter = 0;

  constructor(port: WorkerPort, terminate?: () => void, options: { slowMs?: number } = {}) {
    this.port = port;
    this.stop = terminate;
    this.slowMs = options.slowMs ?? 150;
    port.addEventListener('message', (e) => this.receive(e.data));
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  send<T extends MessageType>(
    type: T,
    data: RequestOf<T>,
    options: SendOptions<T> = {},
  ): Promise<ResultOf<T>> {
    const { signal, transfer, onProgress } = options;
    if (signal?.aborted)
      return Promise.reject(new CancelledError(`"${type}" was cancelled before it was sent.`));
    const id = `${this.prefix}-${++this.counter}`;
    return new Promise<ResultOf<T>>((resolve, reject) => {
      const onAbort = () => this.cancel(id, `"${type}" was cancelled.`);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        type,
        resolve: resolve as (v: never) => void,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
        onProgress: onProgress as ((progress: never) => void) | undefined,
      });
      this.updateBusy();
      const msg: ToWorker = { kind: 'request', id, type, data } as ToWorker;
      this.port.postMessage(msg, transfer ?? []);
    });
  }

  /** Sends a request and cancels the previous pending one of the same type: only the newest result is applied. */
  latest<T extends MessageType>(
    type: T,
    data: RequestOf<T>,
    options: SendOptions<T> = {},
  ): Promise<ResultOf<T>> {
    const previous = this.latestOf.get(type);
    if (previous !== undefined) this.cancel(previous, `"${type}" was superseded by a newer request.`);
    const promise = this.send(type, data, options);
    this.latestOf.set(type, `${this.prefix}-${this.counter}`);
    return promise;
  }

  /** Resolves when no request is pending. */
  whenIdle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  terminate(): void {
    for (const id of [...this.pending.keys()]) this.cancel(id, 'The coverage worker was stopped.');
    this.stop?.();
  }

  private cancel(id: string, reason: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.finish(id, p);
    this.port.postMessage({ kind: '<cancel>', id } satisfies ToWorker);
    p.reject(new CancelledError(reason));
  }

  private receive(msg: FromWorker): void {
    if (!msg) return;
    if (msg.kind === 'progress') {
      this.pending.get(msg.id)?.onProgress?.(msg.data as never);
      return;
    }
    if (msg.kind !== 'response') return;
    const p = this.pending.get(msg.id);
    if (!p) return; // cancelled or superseded: its result is never applied
    this.finish(msg.id, p);
    if (msg.error) {
      const err =
        msg.error.name === 'AbortError'
          ? new CancelledError(msg.error.message)
          : new Error(msg.error.message);
      if (msg.error.stack) err.stack = msg.error.stack;
      p.reject(err);
    } else {
      p.resolve(msg.data as never);
    }
  }

  private finish(id: string, p: Pending): void {
    p.cleanup();
    this.pending.delete(id);
    if (this.latestOf.get(p.type) === id) this.latestOf.delete(p.type);
    this.updateBusy();
    if (this.pending.size === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  private updateBusy(): void {
    if (this.pending.size === 0) {
      if (this.slowTimer) clearTimeout(this.slowTimer);
      this.slowTimer = null;
      this.setBusy(false);
    } else if (!this.slowTimer && !this.busy) {
      this.slowTimer = setTimeout(() => {
        this.slowTimer = null;
        if (this.pending.size > 0) this.setBusy(true);
      }, this.slowMs);
    }
  }

  private setBusy(b: boolean): void {
    if (this.busy === b) return;
    this.busy = b;
    this.onBusyChange?.(b);
  }
}
