import type { Redis } from 'ioredis';
import type { AttemptLimiter, LimitRule } from './attempt-limiter';

/**
 * The attempt limiter of a team server: one counter per key in Redis, so every server process
 * behind the proxy counts the same attempts. A window starts with the first attempt
 * (SET NX PX) and each attempt is an INCR in the same MULTI, so counting is atomic.
 */
export class RedisAttemptLimiter implements AttemptLimiter {
  constructor(
    private readonly redis: Redis,
    /** Full key of a rule's key (the stack's prefix and a namespace; see redisKey). */
    private readonly keyOf: (key: string) => string,
  ) {}

  async take(rules: readonly LimitRule[]): Promise<number> {
    const multi = this.redis.multi();
    for (const rule of rules) {
      const key = this.keyOf(rule.key);
      multi.set(key, '0', 'PX', rule.windowMs, 'NX').incr(key).pttl(key);
    }
    const replies = (await multi.exec()) ?? [];
    let wait = 0;
    rules.forEach((rule, i) => {
      const [countErr, count] = replies[i * 3 + 1] ?? [];
      const [ttlErr, ttl] = replies[i * 3 + 2] ?? [];
      if (countErr || ttlErr) throw countErr ?? ttlErr;
      if (Number(count) > rule.max)
        wait = Math.max(wait, Math.max(1, Math.ceil(Number(ttl) / 1000)));
    });
    return wait;
  }

  async giveBack(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    // DECR only an existing counter: a window that ended meanwhile must not come back negative.
    const multi = this.redis.multi();
    for (const key of keys)
      multi.eval(
        "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end return 0",
        1,
        this.keyOf(key),
      );
    await multi.exec();
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.keyOf(key));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
