/**
 * Background work of a long-lived shell (the retention sweep, the score rollup): a first run
 * shortly after start, then one per interval, one run at a time. The first run waits so a
 * one-off CLI command, which opens the core too, never runs one; only `assay serve` and the
 * desktop app start it. The timers never hold the process open; a failure goes to onError and
 * the next run tries again.
 */
export class PeriodicTask<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T | null> | null = null;
  private stopped = false;

  constructor(
    /** One run; `stopped` is asked between its steps, so a stop waits for one step only. */
    private readonly work: (now: number, stopped: () => boolean) => Promise<T | null>,
    private readonly onError: (err: unknown) => void,
    private readonly timing: { readonly firstDelayMs: number; readonly intervalMs: number },
  ) {}

  /** Whether start() was called (and stop() not yet). */
  get started(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runNow();
      this.timer = setInterval(() => void this.runNow(), this.timing.intervalMs);
      this.timer.unref();
    }, this.timing.firstDelayMs);
    this.timer.unref();
  }

  /** Runs now (or joins the run in progress); null once stopped, when it failed, or had nothing to do. */
  runNow(now = Date.now()): Promise<T | null> {
    this.running ??= this.run(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(now: number): Promise<T | null> {
    try {
      if (this.stopped) return null;
      return await this.work(now, () => this.stopped);
    } catch (err) {
      this.onError(err);
      return null;
    }
  }

  /** Stops the timers and waits for the run in progress (before the store closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
