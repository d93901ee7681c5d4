import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadShare, type LoopProbe } from './thread-share';

const probeOf =
  (elapsedMs: number, utilization: number): LoopProbe =>
  () => ({
    elapsedMs,
    utilization,
  });

describe('ThreadShare', () => {
  it('never waits while nothing is ingested: a backlog drains flat out', () => {
    expect(new ThreadShare(0.05, 0.9, probeOf(100, 1)).waitAfter(100, false)).toBe(0);
  });

  it('keeps only its floor while ingest saturates the loop', () => {
    // Busy 40 of 50 ms with the loop never idle: wait until 40 ms are 5% of the interval.
    const wait = new ThreadShare(0.05, 0.9, probeOf(50, 1)).waitAfter(40, true);
    expect(40 / (50 + wait)).toBeCloseTo(0.05, 10);
  });

  it('takes what ingest leaves when the loop had room', () => {
    // Ingest used 30% (utilization 0.7 with 0.4 its own): allowed 0.6, so no wait at 0.4 ...
    expect(new ThreadShare(0.05, 0.9, probeOf(100, 0.7)).waitAfter(40, true)).toBe(0);
    // ... and at 0.8 own with ingest at 0.1 (0.9 in all), allowed 0.8 exactly: no wait either.
    expect(new ThreadShare(0.05, 0.9, probeOf(100, 0.9)).waitAfter(80, true)).toBe(0);
  });

  it('after its wait, its share of the interval is at most what it is allowed', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1_000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (elapsed, busyShare, utilization, floor) => {
          const busy = elapsed * busyShare;
          const wait = new ThreadShare(floor, 0.9, probeOf(elapsed, utilization)).waitAfter(
            busy,
            true,
          );
          expect(wait).toBeGreaterThanOrEqual(0);
          if (wait > 0) {
            const share = busy / (elapsed + wait);
            expect(share).toBeGreaterThanOrEqual(floor - 1e-9);
            expect(share).toBeLessThanOrEqual(Math.max(floor, 0.9) + 1e-9);
            if (utilization >= 0.95) expect(share).toBeCloseTo(floor, 9);
          }
        },
      ),
    );
  });
});
