import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Moves WAL checkpoints off the event loop. SQLite checkpoints inside the COMMIT that pushes
 * the WAL past `wal_autocheckpoint` pages: copying the frames into the database and syncing it
 * took 18 of a 20 ms commit of 512 OTLP spans (bench/otlp-ingest.bench.ts), and the event loop
 * stalls for all of it. A second connection on a worker thread runs PASSIVE checkpoints, which
 * never block the writer, so commits only append to the WAL.
 *
 * The writer keeps a high `wal_autocheckpoint` as a safety net: if the worker falls behind or
 * cannot start, the WAL still stops growing at that bound.
 */
export class WalCheckpointer {
  private constructor(private readonly worker: Worker) {}

  /** Starts checkpointing `file`; null where no worker can start (the writer checkpoints then). */
  static start(
    file: string,
    options: { nativeBinding?: string; intervalMs?: number } = {},
  ): WalCheckpointer | null {
    try {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          module: createRequire(import.meta.url).resolve('better-sqlite3'),
          file,
          nativeBinding: options.nativeBinding ?? null,
          intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
        },
      });
      // A failed checkpoint is retried at the next tick; a worker that dies leaves the writer's
      // own autocheckpoint in charge. Neither loses data: the frames are in the WAL.
      worker.on('error', () => {});
      worker.unref();
      return new WalCheckpointer(worker);
    } catch {
      return null;
    }
  }

  /** Closes the worker's connection, so the writer's close is the last and removes the WAL. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      // Unref'd while it runs (it must not keep a process alive); held while it closes, or a
      // process with nothing else to do would end before the close is done.
      this.worker.ref();
      this.worker.once('exit', done);
      this.worker.postMessage('stop');
      // A worker stuck in a checkpoint is ended after a bound; its connection closes with it.
      setTimeout(() => void this.worker.terminate().then(done, done), STOP_TIMEOUT_MS).unref();
    });
  }
}

/** Frequent enough that the WAL rarely passes a few MB under sustained ingest. */
const CHECKPOINT_INTERVAL_MS = 100;
const STOP_TIMEOUT_MS = 5_000;

/**
 * The worker, as CommonJS evaluated in place: no file to ship beside the CLI bundle or the
 * Electron main build, and better-sqlite3 is loaded from the path the main thread resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  process.exit(0);
});
`;
