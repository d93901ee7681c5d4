import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time';

const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

describe('isoTime', () => {
  it('is Date#toISOString for any time from 1970 to 9999, fractions included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0, max: MAX_MS, noNaN: true }),
          fc.integer({ min: 0, max: MAX_MS }),
          // Nearby times, as a batch has: the day cache is hit and missed.
          fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 3) }),
        ),
        (ms) => {
          expect(isoTime(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('agrees at the edges: day boundaries, the first and last instants', () => {
    const day = Date.UTC(2026, 5, 1);
    for (const ms of [0, 0.5, 999.999, day - 0.001, day, day + 1, MAX_MS, MAX_MS + 0.5])
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });
});
