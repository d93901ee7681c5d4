import { describe, expect, it } from 'vitest';
import { MemoryAttemptLimiter } from './attempt-limiter';

describe('MemoryAttemptLimiter', () => {
  it('allows max attempts per window, then answers the seconds left; a new window starts over', async () => {
    let now = 1_000_000;
    const limiter = new MemoryAttemptLimiter(() => now);
    const rule = { key: 'a', max: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i++) expect(await limiter.take([rule])).toBe(0);
    expect(await limiter.take([rule])).toBe(60);
    now += 30_000;
    expect(await limiter.take([rule])).toBe(30);
    now += 30_000;
    expect(await limiter.take([rule])).toBe(0);
  });

  it('gives back an attempt that went well, and clears a key', async () => {
    const limiter = new MemoryAttemptLimiter(() => 0);
    const rule = { key: 'b', max: 1, windowMs: 1000 };
    expect(await limiter.take([rule])).toBe(0);
    await limiter.giveBack(['b']);
    expect(await limiter.take([rule])).toBe(0);
    expect(await limiter.take([rule])).toBe(1);
    await limiter.clear('b');
    expect(await limiter.take([rule])).toBe(0);
  });
});
