import type { Kysely } from 'kysely';
import type { DB } from './schema';
import type { WriteGate } from './sqlite/write-gate';

/** A write that runs inside the batch's transaction, given that transaction. */
export type QueuedWrite = (tx: Kysely<DB>) => Promise<void>;

interface Pending {
  readonly work: QueuedWrite;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Commits the writes queued within one turn of the event loop in a single transaction: one
 * queue per database, shared by every domain. Under concurrency (an eval run, the gateway)
 * this turns hundreds of commits a second into a few, while each caller still awaits its own
 * write: nothing is reported done before it is committed. If the batch fails, each write is
 * retried alone, so one bad row fails only its own caller.
 */
export class WriteQueue {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight: Promise<void> = Promise.resolve();
  private heldTotalMs = 0;

  constructor(
    private readonly db: Kysely<DB>,
    /** Whether the database takes writers on several connections at once (PostgreSQL). */
    private readonly concurrentWriters = false,
    /**
     * SQLite: the gate this connection's writes share with worker threads' (write-gate.ts),
     * taken before the transaction takes the connection, so reads go on while it is waited for.
     */
    private readonly gate: WriteGate | null = null,
  ) {}

  run(work: QueuedWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ work, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.inFlight = this.inFlight.then(() => this.flush());
        });
      }
    });
  }

  /**
   * A large write (a page of scores) that must not hold up the small writes batched with it:
   * in a batch, each of them would wait for its commit. Where writers may run at once it
   * commits in a transaction of its own beside the batches; with one writer (SQLite) it is
   * queued like any other write, as nothing could run beside it anyway.
   */
  runLarge(work: QueuedWrite): Promise<void> {
    if (!this.concurrentWriters) return this.run(work);
    return this.db.transaction().execute(work);
  }

  /** Resolves once every write queued so far is committed or failed (closing waits on it). */
  async drain(): Promise<void> {
    while (this.scheduled || this.queue.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.inFlight;
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    try {
      await this.transaction(async (tx) => {
        for (const p of batch) await p.work(tx);
      });
      for (const p of batch) p.resolve();
    } catch {
      for (const p of batch) {
        try {
          await this.transaction((tx) => p.work(tx));
          p.resolve();
        } catch (err) {
          p.reject(err);
        }
      }
    }
  }

  /**
   * Time so far this queue's transactions held the write lock, from begin to commit: what the
   * other writers of the file waited for (online scoring's worker gives way by it).
   */
  heldMs(): number {
    return this.heldTotalMs;
  }

  private async transaction(work: QueuedWrite): Promise<void> {
    const holding = (await this.gate?.acquire()) ?? false;
    const started = performance.now();
    try {
      await this.db.transaction().execute(work);
    } finally {
      this.heldTotalMs += performance.now() - started;
      if (holding) this.gate!.release();
    }
  }
}
