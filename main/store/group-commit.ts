import type { Database } from 'better-sqlite3';

interface Pending {
  readonly work: () => void;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Commits the writes queued within one turn of the event loop in a single transaction.
 * Under concurrency (an eval run, the gateway) this turns hundreds of commits a second into
 * a few, while each caller still awaits its own write: nothing is reported done before it is
 * committed. If the batch fails, each write is retried alone so one bad row fails only its
 * own caller.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Database) {}

  run(work: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ work, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    try {
      this.db.transaction(() => {
        for (const p of batch) p.work();
      })();
      for (const p of batch) p.resolve();
    } catch {
      for (const p of batch) {
        try {
          this.db.transaction(p.work)();
          p.resolve();
        } catch (err) {
          p.reject(err);
        }
      }
    }
  }
}
