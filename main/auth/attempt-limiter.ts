/** One counter: at most `max` counted attempts per fixed window of `windowMs`. */
export interface LimitRule {
  readonly key: string;
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Counts attempts (logins) per key over fixed windows. `take` counts an attempt against every
 * rule before the attempt is made (so concurrent attempts cannot slip past the limit) and
 * answers how long to wait when one is over; `give back` uncounts one that turned out fine.
 * The Redis implementation is shared by every server process; the memory one serves tests
 * and a single process.
 */
export interface AttemptLimiter {
  /** Counts one attempt on each rule; seconds until the busiest over-limit window ends, or 0. */
  take(rules: readonly LimitRule[]): Promise<number>;
  /** Forgets one counted attempt on each key (a successful login does not count). */
  giveBack(keys: readonly string[]): Promise<void>;
  /** Forgets a key's attempts altogether (the account logged in). */
  clear(key: string): Promise<void>;
  close(): Promise<void>;
}

interface Window {
  count: number;
  endsAt: number;
}

export class MemoryAttemptLimiter implements AttemptLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  take(rules: readonly LimitRule[]): Promise<number> {
    const now = this.now();
    let wait = 0;
    for (const rule of rules) {
      let w = this.windows.get(rule.key);
      if (!w || w.endsAt <= now) {
        w = { count: 0, endsAt: now + rule.windowMs };
        this.windows.set(rule.key, w);
      }
      w.count += 1;
      if (w.count > rule.max) wait = Math.max(wait, Math.ceil((w.endsAt - now) / 1000));
    }
    this.sweep(now);
    return Promise.resolve(wait);
  }

  giveBack(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const w = this.windows.get(key);
      if (w && w.count > 0) w.count -= 1;
    }
    return Promise.resolve();
  }

  clear(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }

  /** Ended windows go, so a scan of many addresses cannot grow the map without bound. */
  private sweep(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, w] of this.windows) if (w.endsAt <= now) this.windows.delete(key);
  }
}
