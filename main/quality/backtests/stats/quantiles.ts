import { invalidInput } from './invalid-input';

/**
 * Quantiles by linear interpolation between order statistics: Hyndman & Fan's type 7, what
 * numpy.quantile, R's quantile() and Excel's PERCENTILE.INC compute by default. For n sorted
 * values and q in [0, 1]: h = (n - 1)·q, and the quantile is x[⌊h⌋] + (h - ⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋]).
 * So q = 0 is the minimum, q = 1 the maximum, q = 0.5 the usual median.
 */

function checkLevel(where: string, path: string, q: number): void {
  if (!(Number.isFinite(q) && q >= 0 && q <= 1))
    throw invalidInput(where, path, 'must be a number from 0 to 1');
}

/**
 * numpy's _lerp: from the nearer end, so q = 1 gives exactly b and the result never jumps
 * past an end through rounding; the clamp then keeps it between a and b, always.
 */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  // Two finite values whose difference overflows (±1e308): weigh them instead.
  const value = !Number.isFinite(diff)
    ? a * (1 - t) + b * t
    : t < 0.5
      ? a + diff * t
      : b - diff * (1 - t);
  return Math.min(b, Math.max(a, value));
}

/** The type-7 quantile of values already sorted ascending (not checked: O(n) on every call). */
function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const below = Math.floor(h);
  const a = sorted[below]!;
  // On an order statistic: that value itself (interpolating would turn -0 into 0).
  if (h === below || below + 1 >= sorted.length) return a;
  return lerp(a, sorted[below + 1]!, h - below);
}

/**
 * The q-quantile (type 7) of `sortedValues`, which the caller has sorted ascending; null when
 * there are none. q outside [0, 1] is refused.
 */
export function quantile(sortedValues: ArrayLike<number>, q: number): number | null {
  checkLevel('quantile', 'q', q);
  return sortedValues.length === 0 ? null : sortedQuantile(sortedValues, q);
}

/**
 * The type-7 quantiles of `values` (any order) at each of `qs`, in the order asked: e.g.
 * `percentiles(latencies, [0.5, 0.95])` gives [p50, p95]. Null when there are no values.
 * Non-finite values are refused, naming the index (NaN has no place in an order).
 */
export function percentiles(values: ArrayLike<number>, qs: readonly number[]): number[] | null {
  qs.forEach((q, i) => checkLevel('percentiles', `qs[${i}]`, q));
  const sorted = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw invalidInput('percentiles', `values[${i}]`, 'must be finite');
    sorted[i] = v;
  }
  if (sorted.length === 0) return null;
  sorted.sort();
  return qs.map((q) => sortedQuantile(sorted, q));
}
