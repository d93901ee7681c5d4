import type { Worker } from 'node:worker_threads';
import { AssayError, errorCodeSchema } from '../../../shared/errors';
import { findWorkerScript, startWorker, type WorkerScript } from '../../kit/worker-script';
import type { Store } from '../../store/store';
import type { SpanRecord } from '../span-record';
import { inThreadSpanWriter, type SpanWriter } from './span-writer';
import type { SpanWriterWorkerData, WorkerMessage } from './span-writer-protocol';

interface Pending {
  readonly spans: readonly SpanRecord[];
  readonly resolve: (inserted: number) => void;
  readonly reject: (err: unknown) => void;
}

const CLOSE_TIMEOUT_MS = 10_000;

/**
 * Writes ingested spans on a worker thread with its own SQLite connection. Storing a batch of
 * 512 OTLP spans (inserts, search index, trace summaries, commit) costs the event loop about
 * as much as decoding and mapping it; on a worker the two run side by side on two cores, and
 * the server keeps answering while a batch commits. SQLite lets one writer in at a time: the
 * app's other writes wait for the worker's commit (busy timeout), never the other way round
 * for longer than one commit.
 *
 * The worker starts with the first batch. If it cannot start, or dies, every batch it had not
 * confirmed is written on this thread instead: writes skip span ids already stored, so a batch
 * the worker did commit before dying is not counted twice.
 */
export class WorkerSpanWriter implements SpanWriter {
  private worker: Worker | null = null;
  private ready: Promise<boolean> | null = null;
  private failed = false;
  private isReady = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly fallback: SpanWriter;

  constructor(
    store: Store,
    private readonly data: SpanWriterWorkerData,
    private readonly script: WorkerScript | null = findWorkerScript(
      'span-writer-worker',
      import.meta.url,
    ),
  ) {
    this.fallback = inThreadSpanWriter(store);
  }

  /** Where batches go now: the worker, this thread while it starts, or this thread for good. */
  get state(): 'starting' | 'worker' | 'in-thread' {
    return this.failed || !this.script ? 'in-thread' : this.isReady ? 'worker' : 'starting';
  }

  write(spans: readonly SpanRecord[]): Promise<number> {
    const worker = this.worker;
    if (worker && this.isReady) {
      const id = this.nextId++;
      return new Promise<number>((resolve, reject) => {
        this.pending.set(id, { spans, resolve, reject });
        worker.postMessage({ id, spans });
      });
    }
    // Until the worker has opened its connection (a few hundred ms), batches are written
    // here: an exporter's first batch must not wait for a thread to start.
    if (!this.failed && this.script) void this.started();
    return this.fallback.write(spans);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    const ready = this.isReady;
    // Writes after closing (none are expected) go through the store's queue.
    this.failed = true;
    this.isReady = false;
    if (!worker) return;
    this.worker = null;
    // Still starting, it holds no batch (they went through this thread): no need to wait for it.
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
    this.ready ??= new Promise<boolean>((resolve) => {
      let worker: Worker;
      try {
        worker = startWorker(this.script!, { workerData: this.data });
      } catch {
        this.giveUp();
        resolve(false);
        return;
      }
      this.worker = worker;
      // Idle, the worker must not keep a CLI process alive.
      worker.unref();
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') {
          this.isReady = !this.failed;
          resolve(true);
        } else if (message.kind === 'failed-to-open') {
          console.error(
            '[traces] span writer worker could not open the database:',
            message.message,
          );
          this.giveUp();
          resolve(false);
        } else this.settle(message);
      });
      worker.on('error', (err) => {
        console.error('[traces] span writer worker failed:', err.message);
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

  private settle(message: Extract<WorkerMessage, { id: number }>): void {
    const request = this.pending.get(message.id);
    if (!request) return;
    this.pending.delete(message.id);
    if (message.kind === 'written') request.resolve(message.inserted);
    else {
      const code = errorCodeSchema.safeParse(message.error.code);
      request.reject(
        code.success
          ? new AssayError(code.data, message.error.message, message.error.details)
          : new Error(message.error.message),
      );
    }
  }

  /** From now on batches are written here; those the worker had not confirmed go first. */
  private giveUp(): void {
    this.failed = true;
    this.isReady = false;
    this.worker = null;
    const unconfirmed = [...this.pending.values()];
    this.pending.clear();
    for (const request of unconfirmed)
      this.fallback.write(request.spans).then(request.resolve, request.reject);
  }
}
