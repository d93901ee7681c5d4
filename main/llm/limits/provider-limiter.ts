import { abortError, sleep } from '../../kit/sleep';

export interface ProviderLimits {
  /** Calls in flight at once (0 or undefined: no limit). */
  readonly concurrency?: number;
  /** Requests per minute, counting every attempt. */
  readonly requestsPerMinute?: number;
  /** Tokens per minute, estimated before a call and corrected with the real usage after. */
  readonly tokensPerMinute?: number;
}

const MINUTE_MS = 60_000;

/** A token bucket refilled continuously at `perMinute` per minute, holding at most a minute's worth. */
class Bucket {
  private level: number;
  private updated: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {
    this.level = perMinute;
    this.updated = now();
  }

  /** How long until `amount` is available (0 when it is now); takes it when available. */
  take(amount: number): number {
    const t = this.now();
    this.level = Math.min(
      this.perMinute,
      this.level + ((t - this.updated) * this.perMinute) / MINUTE_MS,
    );
    this.updated = t;
    // A single request larger than the whole bucket would wait forever; let it run at a full bucket.
    const need = Math.min(amount, this.perMinute);
    if (this.level >= need) {
      this.level -= need;
      return 0;
    }
    return Math.ceil(((need - this.level) * MINUTE_MS) / this.perMinute);
  }

  /** Corrects an estimate after the fact (negative gives tokens back). */
  adjust(delta: number): void {
    this.level = Math.min(this.perMinute, this.level - delta);
  }
}

/**
 * One provider's limits: a FIFO semaphore for concurrency, token buckets for requests and
 * tokens per minute, and a shared pause when the provider says to back off (Retry-After), so
 * a rate-limited provider slows every caller, not just the one that was told.
 */
export class ProviderLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly requests: Bucket | null;
  private readonly tokens: Bucket | null;
  private pausedUntil = 0;

  constructor(
    private readonly limits: ProviderLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.requests = limits.requestsPerMinute ? new Bucket(limits.requestsPerMinute, now) : null;
    this.tokens = limits.tokensPerMinute ? new Bucket(limits.tokensPerMinute, now) : null;
  }

  /** Takes a concurrency slot; the returned function gives it back. */
  async acquireSlot(signal?: AbortSignal): Promise<() => void> {
    const max = this.limits.concurrency ?? 0;
    if (max > 0 && this.active >= max) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          const index = this.waiting.indexOf(go);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(abortError(signal!));
        };
        const go = (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(go);
      });
    } else {
      this.active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` is unchanged in that case.
      if (next) next();
      else this.active--;
    };
  }

  /** Waits for rate budget for one attempt of about `estimatedTokens` tokens. */
  async acquireRate(estimatedTokens: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const pause = this.pausedUntil - this.now();
      if (pause > 0) {
        await sleep(pause, signal);
        continue;
      }
      const waitRequests = this.requests?.take(1) ?? 0;
      if (waitRequests > 0) {
        await sleep(waitRequests, signal);
        continue;
      }
      const waitTokens = this.tokens?.take(estimatedTokens) ?? 0;
      if (waitTokens > 0) {
        this.requests?.adjust(-1);
        await sleep(waitTokens, signal);
        continue;
      }
      return;
    }
  }

  /** Records real token use against the estimate taken in acquireRate. */
  settleTokens(estimated: number, actual: number): void {
    this.tokens?.adjust(actual - Math.min(estimated, this.limits.tokensPerMinute ?? estimated));
  }

  /** Holds every caller of this provider until `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  get inFlight(): number {
    return this.active;
  }
}
