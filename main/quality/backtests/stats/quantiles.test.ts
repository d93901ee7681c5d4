import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentiles, quantile } from './quantiles';

describe('quantile (type 7, numpy default)', () => {
  it('interpolates between order statistics as numpy.quantile does', () => {
    // By hand: h = (n - 1)·q, then x[⌊h⌋] + (h - ⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋]).
    const xs = [1, 2, 3, 4];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 0.25)).toBe(1.75); // h = 0.75
    expect(quantile(xs, 0.5)).toBe(2.5); // h = 1.5
    expect(quantile(xs, 0.95)).toBeCloseTo(3.85, 12); // h = 2.85
    expect(quantile(xs, 1)).toBe(4);
    expect(quantile([10, 20, 40], 0.9)).toBeCloseTo(36, 12); // h = 1.8: 20 + 0.8·20
    expect(quantile([7], 0.3)).toBe(7);
    expect(quantile(Float64Array.from([-2, 0]), 0.5)).toBe(-1);
  });

  it('is null for no values and refuses q outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeNull();
    for (const q of [-0.01, 1.01, NaN]) expect(() => quantile([1], q)).toThrow(/"q"/);
  });

  it('stays between the two values it interpolates, even when their difference overflows', () => {
    expect(quantile([-1e308, 1e308], 0.5)).toBe(0);
    expect(quantile([-1e308, 1e308], 1)).toBe(1e308);
  });

  it('runs from the minimum to the maximum, never decreasing in q', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (values, qs) => {
          const sorted = [...values].sort((a, b) => a - b);
          const min = sorted[0]!;
          const max = sorted[sorted.length - 1]!;
          expect(quantile(sorted, 0)).toBe(min);
          expect(quantile(sorted, 1)).toBe(max);
          const ordered = [...qs].sort((a, b) => a - b);
          const at = ordered.map((q) => quantile(sorted, q)!);
          at.forEach((v, i) => {
            expect(v).toBeGreaterThanOrEqual(min);
            expect(v).toBeLessThanOrEqual(max);
            if (i > 0) expect(v).toBeGreaterThanOrEqual(at[i - 1]!);
          });
        },
      ),
    );
  });
});

describe('percentiles', () => {
  it('sorts a copy and answers each q in the order asked', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6];
    // Sorted: 1 1 2 3 4 5 6 9. p50: h = 3.5 -> 3.5; p95: h = 6.65 -> 6 + 0.65·3 = 7.95
    // (numpy.percentile(values, [50, 95]) gives the same).
    const [p50, p95, p0] = percentiles(values, [0.5, 0.95, 0])!;
    expect(p50).toBe(3.5);
    expect(p95).toBeCloseTo(7.95, 12);
    expect(p0).toBe(1);
    expect(values).toEqual([3, 1, 4, 1, 5, 9, 2, 6]);
  });

  it('is null for no values, and refuses a non-finite value by index and a bad q', () => {
    expect(percentiles([], [0.5])).toBeNull();
    expect(() => percentiles([1, 2, NaN], [0.5])).toThrow(/"values\[2\]"/);
    expect(() => percentiles([1, Infinity], [0.5])).toThrow(/"values\[1\]"/);
    expect(() => percentiles([1, 2], [0.5, 2])).toThrow(/"qs\[1\]"/);
  });

  it('agrees with quantile over the sorted values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          // Sorted as percentiles sorts (a typed array's sort puts -0 before 0).
          const sorted = Float64Array.from(values).sort();
          expect(percentiles(values, [q])).toEqual([quantile(sorted, q)]);
        },
      ),
    );
  });
});
