import type { Worker } from 'node:worker_threads';
import { AssayError, errorCodeSchema } from '../../shared/errors';
import { startWorker, type WorkerScript } from './worker-script';

/** A request as the worker receives it (worker-reply.ts answers it by `id`). */
export interface WorkerRequest<Req> {
  readonly id: number;
  readonly request: Req;
}

/** How a refused request's error crosses the thread: an AssayError keeps its code. */
export interface RefusedError {
  readonly code: string | null;
  readonly message: string;
  readonly details?: unknown;
}

export type WorkerReply<Res> =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed-to-open'; readonly message: string }
  | { readonly kind: 'done'; readonly id: number; readonly result: Res }
  | { readonly kind: 'refused'; readonly id: number; readonly error: RefusedError };

export interface WorkerClientOptions<Req, Res> {
  /** Names the worker in the log lines of its failures ("[traces] span writer worker"). */
  readonly label: string;
  /** The worker's entry; null where it is missing (requests then run on this thread). */
  readonly script: WorkerScript | null;
  readonly workerData: unknown;
  /** Runs a request on this thread: while the worker starts, and for good once it fails. */
  readonly fallback: (request: Req) => Promise<Res>;
  /**
   * A request the worker took and died without answering: run it here again (`replay`, for
   * requests that are safe to repeat), or fail it (`reject`, the caller reads what is stored).
   */
  readonly unanswered: 'replay' | 'reject';
}

const CLOSE_TIMEOUT_MS = 10_000;

interface Pending<Req, Res> {
  readonly request: Req;
  readonly resolve: (result: Res) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Requests answered on a worker thread, with this thread as the fallback. The worker starts
 * with the first request, which runs here meanwhile (a thread takes a few hundred ms to open
 * its connection); if it cannot start, or dies, every later request runs here for good. The
 * worker says `ready` once it can answer, or `failed-to-open` and exits.
 */
export class WorkerClient<Req, Res> {
  private worker: Worker | null = null;
  private ready: Promise<boolean> | null = null;
  private failed = false;
  private isReady = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Req, Res>>();

  constructor(private readonly options: WorkerClientOptions<Req, Res>) {}

  /** Where requests go now: the worker, this thread while it starts, or this thread for good. */
  get state(): 'starting' | 'worker' | 'in-thread' {
    return this.failed || !this.options.script ? 'in-thread' : this.isReady ? 'worker' : 'starting';
  }

  request(request: Req): Promise<Res> {
    const worker = this.worker;
    if (worker && this.isReady) {
      const id = this.nextId++;
      return new Promise<Res>((resolve, reject) => {
        this.pending.set(id, { request, resolve, reject });
        worker.postMessage({ id, request } satisfies WorkerRequest<Req>);
      });
    }
    if (!this.failed && this.options.script) void this.started();
    return this.options.fallback(request);
  }

  /** Lets the worker answer what it holds, then stops it; later requests run on this thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    const ready = this.isReady;
    this.failed = true;
    this.isReady = false;
    if (!worker) return;
    this.worker = null;
    // Still starting, it holds no request (they ran here): no need to wait for it.
    if (!ready) {
      await worker.terminate();
      return;
    }
    await new Promise<void>((resolve) => {
      worker.ref();
      worker.once('exit', () => resolve());
      worker.postMessage('close');
      setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS).unref();
    });
  }

  private started(): Promise<boolean> {
    const { label } = this.options;
    this.ready ??= new Promise<boolean>((resolve) => {
      let worker: Worker;
      try {
        worker = startWorker(this.options.script!, { workerData: this.options.workerData });
      } catch {
        this.giveUp();
        resolve(false);
        return;
      }
      this.worker = worker;
      // Idle, the worker must not keep a CLI process alive.
      worker.unref();
      worker.on('message', (message: WorkerReply<Res>) => {
        if (message.kind === 'ready') {
          this.isReady = !this.failed;
          resolve(true);
        } else if (message.kind === 'failed-to-open') {
          console.error(`${label} could not open the database:`, message.message);
          this.giveUp();
          resolve(false);
        } else this.settle(message);
      });
      worker.on('error', (err) => {
        console.error(`${label} failed:`, err.message);
        this.giveUp();
        resolve(false);
      });
      worker.on('exit', () => {
        // Closed on purpose, nothing is pending; anything else falls back to this thread.
        if (this.pending.size > 0 || this.worker === worker) this.giveUp();
        resolve(false);
      });
    });
    return this.ready;
  }

  private settle(message: Extract<WorkerReply<Res>, { id: number }>): void {
    const request = this.pending.get(message.id);
    if (!request) return;
    this.pending.delete(message.id);
    if (message.kind === 'done') request.resolve(message.result);
    else request.reject(refusedToError(message.error));
  }

  /** From now on requests run here; those the worker had not answered are replayed or failed. */
  private giveUp(): void {
    this.failed = true;
    this.isReady = false;
    this.worker = null;
    const unanswered = [...this.pending.values()];
    this.pending.clear();
    for (const p of unanswered) {
      if (this.options.unanswered === 'replay')
        this.options.fallback(p.request).then(p.resolve, p.reject);
      else p.reject(new Error(`${this.options.label} stopped before answering`));
    }
  }
}

/** A refused request's error as the client throws it. */
export function refusedToError(error: RefusedError): Error {
  const code = errorCodeSchema.safeParse(error.code);
  return code.success
    ? new AssayError(code.data, error.message, error.details)
    : new Error(error.message);
}

/** A thrown error as it crosses back to the client: an AssayError keeps its code and details. */
export function refusedError(err: unknown): RefusedError {
  return err instanceof AssayError
    ? { code: err.code, message: err.message, details: err.details }
    : { code: null, message: err instanceof Error ? err.message : String(err) };
}
