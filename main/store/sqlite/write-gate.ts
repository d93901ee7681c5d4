/** How long a writer waits for the gate before leaving it to SQLite's own lock. */
const MAX_WAIT_MS = 5_000;
/** In Node since 16; TypeScript's lib has it only from es2024. */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      cell: Int32Array,
      index: number,
      value: number,
      timeoutMs: number,
    ): { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;
const FREE = 0;
const HELD = 1;

/**
 * One writer at a time among this process's connections to one SQLite file (the core's
 * thread and its workers: span writer, online grading). Each connection's write queue takes
 * it before its transaction takes the connection (the thread's reads go on while it waits)
 * and gives it back after the commit or rollback. Other transactions (a user's edit, now and
 * then) meet only SQLite's lock.
 *
 * SQLite's lock alone serializes them too, but a writer that finds it taken sleeps in the
 * busy handler, 1, 2, 5, 10 … up to 100 ms a try, blocking its thread: the core's event loop
 * stalled behind a worker's commit, and two threads writing steadily took turns so badly that
 * a page of scores waited seconds behind ingest (bench/online-scoring). The gate is waited for
 * without blocking (Atomics.waitAsync) and passes to a waiter as soon as it is given back.
 *
 * A holder that never gives it back (a worker killed inside a transaction) is waited for at
 * most MAX_WAIT_MS; the writer then goes on without the gate and SQLite's lock decides, as it
 * does for other processes on the file (the CLI next to the app).
 */
export class WriteGate {
  private readonly cell: Int32Array;

  constructor(
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4),
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {
    this.cell = new Int32Array(buffer);
  }

  /** Resolves once this writer holds the gate (true), or gave up waiting for it (false). */
  async acquire(): Promise<boolean> {
    const deadline = performance.now() + this.maxWaitMs;
    while (Atomics.compareExchange(this.cell, 0, FREE, HELD) !== FREE) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      const wait = waitAsync(this.cell, 0, HELD, left);
      if (wait.async) await wait.value;
    }
    return true;
  }

  release(): void {
    Atomics.store(this.cell, 0, FREE);
    Atomics.notify(this.cell, 0);
  }
}
