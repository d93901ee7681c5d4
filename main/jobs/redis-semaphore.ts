import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sleep } from '../kit/sleep';

/**
 * Takes a slot if fewer than `limit` unexpired leases are held. A sorted set of holders scored
 * by lease expiry, on Redis's clock (TIME), so workers on other machines agree. Leases a
 * killed worker held expire after `leaseMs` instead of holding the slot forever.
 * KEYS[1] the set; ARGV: limit, leaseMs, token. Returns 1 if taken.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
  return 1
end
return 0`;

/** Extends the leases still held (XX: a lease that expired meanwhile is not taken back). */
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) * 2)
return 0`;

export interface SemaphoreTuning {
  /** How long a lease lasts unless renewed (renewed every third of it while held). */
  readonly leaseMs: number;
  /** Longest pause between tries while the semaphore is full (backs off from 2 ms). */
  readonly maxPollMs: number;
}

export const DEFAULT_SEMAPHORE_TUNING: SemaphoreTuning = { leaseMs: 15_000, maxPollMs: 50 };

/**
 * Counting semaphores in Redis, shared by every worker process: a run's concurrency and a
 * provider's concurrency hold across all workers together. Waiters poll with a short back-off
 * (no fairness between processes); a slot is two round trips when free.
 */
export class RedisSemaphores {
  /** Held leases by set key, renewed on one timer. */
  private readonly held = new Map<string, Set<string>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly tuning: SemaphoreTuning = DEFAULT_SEMAPHORE_TUNING,
  ) {
    this.redis.defineCommand('assaySemAcquire', { numberOfKeys: 1, lua: ACQUIRE });
    this.redis.defineCommand('assaySemRenew', { numberOfKeys: 1, lua: RENEW });
    this.timer = setInterval(() => void this.renew(), tuning.leaseMs / 3);
    this.timer.unref();
  }

  /** Waits for a slot of `key` (at most `limit` held at once); the function gives it back. */
  async acquire(key: string, limit: number, signal?: AbortSignal): Promise<() => Promise<void>> {
    const token = randomUUID();
    for (let wait = 2; ; wait = Math.min(wait * 2, this.tuning.maxPollMs)) {
      signal?.throwIfAborted();
      const taken = await this.call('assaySemAcquire', key, limit, this.tuning.leaseMs, token);
      if (taken === 1) break;
      // Jitter spreads the pollers of several workers apart.
      await sleep(wait / 2 + Math.random() * wait, signal);
    }
    let set = this.held.get(key);
    if (!set) this.held.set(key, (set = new Set()));
    set.add(token);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      set.delete(token);
      if (set.size === 0) this.held.delete(key);
      await this.redis.zrem(key, token);
    };
  }

  /** Leases this process holds (tests, and the worker's shutdown check). */
  get holding(): number {
    let n = 0;
    for (const set of this.held.values()) n += set.size;
    return n;
  }

  private async renew(): Promise<void> {
    for (const [key, tokens] of this.held) {
      if (tokens.size === 0) continue;
      // A failed renewal (Redis away a moment) is retried on the next tick; a lease that lapsed
      // meanwhile only lets one more caller in, never blocks one out.
      await this.call('assaySemRenew', key, this.tuning.leaseMs, ...tokens).catch(() => undefined);
    }
  }

  private call(command: string, ...args: (string | number)[]): Promise<unknown> {
    const fn = (this.redis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[
      command
    ]!;
    return fn.apply(this.redis, args);
  }

  close(): void {
    clearInterval(this.timer);
  }
}
