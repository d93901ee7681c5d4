import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../../shared/errors';
import { bootstrapMeanInterval, DEFAULT_BOOTSTRAP_SEED } from './bootstrap';
import { seededRandom } from './seeded-random';

function errorOf(run: () => unknown): AssayError {
  try {
    run();
  } catch (err) {
    if (err instanceof AssayError) return err;
    throw err;
  }
  throw new Error('expected an AssayError');
}

/** Standard normal draws (Box-Muller) from a seeded stream, for data with a known spread. */
function normals(seed: number, count: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const u = 1 - random(); // (0, 1]: log(0) is out
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  });
}

describe('bootstrapMeanInterval', () => {
  it('is null for no values; one value or equal values give a degenerate interval', () => {
    expect(bootstrapMeanInterval([])).toBeNull();
    expect(bootstrapMeanInterval([0.42])).toEqual({
      mean: 0.42,
      low: 0.42,
      high: 0.42,
      resamples: 10_000,
      level: 0.95,
    });
    // Three 0.1s sum to 0.30000000000000004; the mean is still exactly 0.1.
    const equal = bootstrapMeanInterval([0.1, 0.1, 0.1], { resamples: 500 })!;
    expect([equal.mean, equal.low, equal.high]).toEqual([0.1, 0.1, 0.1]);
  });

  it('reads the interval off the resampled means: two values, by hand', () => {
    // Resampling [0, 1] twice gives a mean of 0 (1/4), 0.5 (1/2) or 1 (1/4). A quarter of the
    // sorted means are 0 and a quarter 1, so the 2.5% and 97.5% quantiles are 0 and 1, and the
    // 30% and 70% quantiles (level 0.4) both fall among the 0.5s.
    expect(bootstrapMeanInterval([0, 1])).toMatchObject({ mean: 0.5, low: 0, high: 1 });
    expect(bootstrapMeanInterval([0, 1], { level: 0.4 })).toMatchObject({
      low: 0.5,
      high: 0.5,
      level: 0.4,
    });
  });

  it('matches mean ± 1.96·s/√n for a large normal sample', () => {
    const values = normals(3, 2000);
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    const halfWidth = (1.96 * sd) / Math.sqrt(n);
    const interval = bootstrapMeanInterval(values)!;
    expect(interval.mean).toBeCloseTo(mean, 12);
    expect(Math.abs(interval.low - (mean - halfWidth))).toBeLessThan(0.1 * halfWidth);
    expect(Math.abs(interval.high - (mean + halfWidth))).toBeLessThan(0.1 * halfWidth);
  });

  it('gives the same interval for the same seed (the default one included), another for another', () => {
    const values = normals(5, 300);
    const first = bootstrapMeanInterval(values, { resamples: 2000 });
    expect(
      bootstrapMeanInterval(values, { resamples: 2000, seed: DEFAULT_BOOTSTRAP_SEED }),
    ).toEqual(first);
    expect(bootstrapMeanInterval(Float64Array.from(values), { resamples: 2000 })).toEqual(first);
    expect(bootstrapMeanInterval(values, { resamples: 2000, seed: 99 })!.low).not.toBe(first!.low);
  });

  it('keeps min ≤ low ≤ high ≤ max and min ≤ mean ≤ max, deterministically', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer(),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (values, seed, level) => {
          const options = { resamples: 200, seed, level };
          const r = bootstrapMeanInterval(values, options)!;
          const min = Math.min(...values);
          const max = Math.max(...values);
          expect(r.low).toBeLessThanOrEqual(r.high);
          expect(r.low).toBeGreaterThanOrEqual(min);
          expect(r.high).toBeLessThanOrEqual(max);
          expect(r.mean).toBeGreaterThanOrEqual(min);
          expect(r.mean).toBeLessThanOrEqual(max);
          expect(bootstrapMeanInterval(values, options)).toEqual(r);
        },
      ),
    );
  });

  it('refuses a non-finite value by index, and bad options by name', () => {
    const nan = errorOf(() => bootstrapMeanInterval([1, 2, NaN, 4]));
    expect(nan.code).toBe('VALIDATION_FAILED');
    expect(nan.message).toContain('"values[2]"');
    expect(nan.details).toEqual({ issues: [{ path: 'values[2]', message: expect.any(String) }] });
    expect(errorOf(() => bootstrapMeanInterval([Infinity])).message).toContain('"values[0]"');
    expect(() => bootstrapMeanInterval([1], { resamples: 0 })).toThrow(/"options.resamples"/);
    expect(() => bootstrapMeanInterval([1], { resamples: 2.5 })).toThrow(/"options.resamples"/);
    expect(() => bootstrapMeanInterval([1], { level: 1 })).toThrow(/"options.level"/);
    expect(() => bootstrapMeanInterval([1], { level: 0 })).toThrow(/"options.level"/);
    expect(() => bootstrapMeanInterval([1], { seed: 0.5 })).toThrow(/"options.seed"/);
    // Finite values whose resampled sums could overflow.
    expect(() => bootstrapMeanInterval([1e308, -1e308, 1e308])).toThrow(/"values"/);
  });
});
