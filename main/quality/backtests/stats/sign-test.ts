import { invalidInput } from './invalid-input';

/**
 * The exact two-sided sign test: under "neither side is better", each non-tied pair is a win
 * with probability 1/2, so wins ~ Binomial(wins + losses, 1/2) and
 *   p = min(1, 2 · P(X ≤ min(wins, losses))).
 * Ties carry no sign and are left out by the caller (the usual convention; counting them as
 * half a win each would make a sea of ties look like evidence).
 *
 * Exact for any n: no normal approximation. Up to n = 53 in integers: the binomial
 * coefficients (from Pascal's rule, additions only) and their sum stay below 2^53, so the
 * p-value is the exact fraction, rounded once. Beyond that, the largest tail term P(X = k) comes from Loader's
 * saddle-point form (the one R's dbinom uses: Stirling-series errors and a deviance term
 * computed without cancellation), accurate to about 1e-14 relative even at n = 10^6, where
 * log-factorials are ~10^7 and subtracting them would lose eight digits. The rest of the tail
 * is summed relative to that term by the ratio P(X = i-1)/P(X = i) = i/(n-i+1), stopping once
 * terms no longer change the sum; terms fall off like a Gaussian, so that is O(√n) steps.
 * A p-value below ~1e-308 underflows to 0.
 */

const LN_2 = Math.LN2;
/** The largest n whose binomial coefficients and their sum are all exact in a double. */
const EXACT_UP_TO = 53;
const LN_2PI = Math.log(2 * Math.PI);
const HALF_LN_2PI = 0.5 * LN_2PI;

/** ln(n!) for small n: n! is exact in a double up to 18!. */
function logFactorialSmall(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return Math.log(f);
}

/**
 * Stirling's error: ln(n!) - [(n + 1/2)·ln n - n + ln √(2π)], for integers n ≥ 1. Direct for
 * n ≤ 15 (abs. error ~1e-15), else the asymptotic series with as many terms as n needs (the
 * coefficients and cut-offs of Loader 2000, as in R's stirlerr).
 */
function stirlingError(n: number): number {
  if (n <= 15) return logFactorialSmall(n) - (n + 0.5) * Math.log(n) + n - HALF_LN_2PI;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/**
 * The deviance term x·ln(x/m) + m - x, by a series when x is near m (where the direct form
 * subtracts nearly equal numbers).
 */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 3; ; j += 2) {
      term *= v;
      const next = sum + term / j;
      if (next === sum) return next;
      sum = next;
    }
  }
  return x * Math.log(x / m) + m - x;
}

/** ln P(X = k) for X ~ Binomial(n, 1/2), 0 ≤ k ≤ n. */
function logBinomialHalf(k: number, n: number): number {
  if (k === 0 || k === n) return -n * LN_2;
  const half = n / 2;
  const lc =
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    deviance(k, half) -
    deviance(n - k, half);
  return lc - 0.5 * (LN_2PI + Math.log(k) + Math.log1p(-k / n));
}

/** 2·P(X ≤ k) for X ~ Binomial(n, 1/2), n ≤ EXACT_UP_TO: the exact fraction, rounded once. */
function exactTwoSided(k: number, n: number): number {
  const row = new Float64Array(n + 1); // row i of Pascal's triangle, built in place
  row[0] = 1;
  for (let i = 1; i <= n; i++) for (let j = i; j >= 1; j--) row[j] = row[j]! + row[j - 1]!;
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += row[i]!;
  return (2 * tail) / 2 ** n;
}

/** ln P(X ≤ k) for X ~ Binomial(n, 1/2), k ≤ n/2. */
function logLowerTail(k: number, n: number): number {
  let relative = 1; // P(X = i) / P(X = k), from i = k down
  let sum = 1;
  for (let i = k; i >= 1; i--) {
    relative *= i / (n - i + 1);
    const next = sum + relative;
    if (next === sum) break;
    sum = next;
  }
  return logBinomialHalf(k, n) + Math.log(sum);
}

function checkCount(path: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw invalidInput('signTest', path, 'must be a non-negative integer');
}

/** The exact two-sided sign-test p-value for `wins` against `losses` (ties excluded). */
export function signTest(wins: number, losses: number): { pValue: number } {
  checkCount('wins', wins);
  checkCount('losses', losses);
  const n = wins + losses;
  if (n === 0) return { pValue: 1 };
  const k = Math.min(wins, losses);
  // An even split's lower tail is ≥ 1/2 (and an odd n's middle is exactly 1/2): p = 1.
  if (2 * k >= n - 1) return { pValue: 1 };
  if (n <= EXACT_UP_TO) return { pValue: exactTwoSided(k, n) };
  return { pValue: Math.min(1, Math.exp(LN_2 + logLowerTail(k, n))) };
}
