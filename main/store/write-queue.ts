import type { Kysely } from 'kysely';
import type { DB } from './schema';

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

  constructor(private readonly db: Kysely<DB>) {}

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
      await this.db.transaction().execute(async (tx) => {
        for (const p of batch) await p.work(tx);
      });
      for (const p of batch) p.resolve();
    } catch {
      for (const p of batch) {
        try {
          await this.db.transaction().execute((tx) => p.work(tx));
          p.resolve();
        } catch (err) {
          p.reject(err);
        }
      }
    }
  }
}
