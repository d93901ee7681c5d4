import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_SHARE, LockShare } from './lock-share';

/**
 * Drives a LockShare as the runner does: a page every `pageMs` (holding the lock `lockMs`), then
 * its wait; ingest arrives at `rate(t, scoring)` a millisecond, where `scoring` says whether
 * the runner was scoring (not waiting) at that moment. Returns the share of time it waited.
 */
function drive(
  rate: (t: number, scoring: boolean) => number,
  totalMs: number,
  pageMs = 20,
  lockMs = 8,
) {
  let t = 0;
  let arrivals = 0;
  let waited = 0;
  const share = new LockShare({}, () => t);
  const yielding: boolean[] = [];
  const waits: number[] = [];
  while (t < totalMs) {
    arrivals += rate(t, true) * pageMs;
    t += pageMs;
    const wait = share.waitAfter(lockMs, Math.floor(arrivals));
    yielding.push(share.yielding);
    waits.push(wait);
    // The wait itself: ingest runs without scoring meanwhile.
    for (let w = 0; w < wait; w += 1) arrivals += rate(t + w, false);
    t += wait;
    waited += wait;
  }
  return { waitedShare: waited / t, yielding, waits };
}

describe('LockShare', () => {
  it('keeps scoring at full speed while ingest arrives at its own pace', () => {
    const { waitedShare, yielding } = drive(() => 5, 20_000);
    expect(yielding.some(Boolean)).toBe(false);
    // Only its looks (pauseMs every everyMs) took time from scoring.
    const { pauseMs, everyMs } = DEFAULT_LOCK_SHARE;
    expect(waitedShare).toBeLessThanOrEqual(pauseMs / everyMs + 0.01);
  });

  it('gives way to ingest that runs faster without it, keeping its floor', () => {
    // A flood: ingest twice as fast whenever scoring waits.
    const { waitedShare, yielding } = drive((_, scoring) => (scoring ? 5 : 10), 20_000);
    expect(yielding.filter(Boolean).length / yielding.length).toBeGreaterThan(0.5);
    // Holding the lock 8 ms a page: at the floor (5%) a page every 160 ms, so it waits 140 of
    // them; less its looks at full speed every 5 s (ingest slows: it gives way again).
    expect(waitedShare).toBeGreaterThan(0.7);
  });

  it('returns to full speed once the flood becomes steady traffic', () => {
    const floodUntil = 6_000;
    const { yielding } = drive((t, scoring) => (t < floodUntil && !scoring ? 10 : 5), 30_000);
    expect(yielding.at(-1)).toBe(false);
  });

  it('starts afresh when ingest stops: a backlog drains flat out', () => {
    const { yielding, waits } = drive((t, scoring) => (t < 5_000 ? (scoring ? 5 : 10) : 0), 8_000);
    expect(yielding.some(Boolean)).toBe(true);
    expect(yielding.at(-1)).toBe(false);
    expect(waits.slice(-10)).toEqual(Array(10).fill(0));
  });

  it('never gives way when ingest runs no faster without scoring (any steady rates)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.integer({ min: 5, max: 50 }),
        (rate, pageMs) => {
          const { yielding } = drive(() => rate, 12_000, pageMs);
          return yielding.every((y) => !y);
        },
      ),
    );
  });
});
