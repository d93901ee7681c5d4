import { describe, expect, it } from 'vitest';
import { ProviderLimiter } from './provider-limiter';

describe('ProviderLimiter', () => {
  it('lets a minute of requests through at once, then paces the rest', async () => {
    const limiter = new ProviderLimiter({ requestsPerMinute: 600 });
    const started = Date.now();
    for (let i = 0; i < 600; i++) await limiter.acquireRate(1);
    expect(Date.now() - started).toBeLessThan(50);
    await limiter.acquireRate(1);
    await limiter.acquireRate(1);
    // 600/min refills one request every 100 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('budgets tokens per minute and lets an oversized request run on a full bucket', async () => {
    const limiter = new ProviderLimiter({ tokensPerMinute: 6000 });
    const started = Date.now();
    await limiter.acquireRate(10_000);
    expect(Date.now() - started).toBeLessThan(50);
    limiter.settleTokens(10_000, 6000);
    await limiter.acquireRate(100); // 100 tokens refill in 1 s at 6000/min
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('pauses every caller after a Retry-After', async () => {
    const limiter = new ProviderLimiter({});
    limiter.pause(80);
    const started = Date.now();
    await Promise.all([limiter.acquireRate(1), limiter.acquireRate(1)]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('hands slots over in order and frees a cancelled waiter', async () => {
    const limiter = new ProviderLimiter({ concurrency: 1 });
    const first = await limiter.acquireSlot();
    const controller = new AbortController();
    const cancelled = limiter.acquireSlot(controller.signal);
    const order: string[] = [];
    const second = limiter.acquireSlot().then((release) => {
      order.push('second');
      return release;
    });
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    first();
    (await second)();
    expect(order).toEqual(['second']);
    expect(limiter.inFlight).toBe(0);
  });
});
