import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signTest } from './sign-test';

/** 2·Σ_{i ≤ k} C(n, i) / 2^n in exact integers, turned into the nearest-ish double at the end. */
function exactPValue(wins: number, losses: number): number {
  const n = wins + losses;
  const k = Math.min(wins, losses);
  let c = 1n;
  let tail = 0n;
  for (let i = 0; i <= k; i++) {
    tail += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  const numerator = 2n * tail;
  // numerator / 2^n: keep its top 60 bits as a double, then scale by the remaining power of 2.
  const shift = Math.max(0, numerator.toString(2).length - 60);
  const p = Number(numerator >> BigInt(shift)) * 2 ** (shift - n);
  return Math.min(1, p);
}

/** P(Z ≤ z) for a standard normal, by Simpson's rule on its density: slow, plain, accurate. */
function normalCdf(z: number): number {
  const from = -12;
  const steps = 20_000;
  const h = (z - from) / steps;
  const density = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  let sum = density(from) + density(z);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * density(from + i * h);
  return (sum * h) / 3;
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('signTest', () => {
  it('gives the exact binomial p-value: hand-computed cases', () => {
    // Up to 53 pairs the answer is the exact fraction: these are binary fractions, so toBe.
    // 8 wins, 2 losses: 2·(C(10,0) + C(10,1) + C(10,2)) / 2^10 = 2·56/1024.
    expect(signTest(8, 2).pValue).toBe(0.109375);
    expect(signTest(2, 8).pValue).toBe(0.109375);
    expect(signTest(10, 0).pValue).toBe(2 / 1024);
    expect(signTest(1, 0).pValue).toBe(1);
    expect(signTest(5, 5).pValue).toBe(1);
    expect(signTest(6, 5).pValue).toBe(1); // odd n, middle split: 2·(1/2)
    // 15 wins, 5 losses: 2·(1 + 20 + 190 + 1140 + 4845 + 15504)/2^20 = 43400/1048576.
    expect(signTest(15, 5).pValue).toBe(43400 / 1048576);
    // Past 53 pairs, Loader's form: 40 wins, 20 losses (exact: 0.0134893...).
    expect(relative(signTest(40, 20).pValue, exactPValue(40, 20))).toBeLessThan(1e-13);
  });

  it('is 1 with no wins and no losses (ties are left out by the caller)', () => {
    expect(signTest(0, 0).pValue).toBe(1);
  });

  it('agrees with exact integer arithmetic to 1e-12, relative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 700 }), (w, l) => {
        expect(relative(signTest(w, l).pValue, exactPValue(w, l))).toBeLessThan(1e-12);
      }),
    );
  });

  it('lies in [0, 1] and is symmetric in wins and losses', () => {
    fc.assert(
      fc.property(fc.nat(200_000), fc.nat(200_000), (w, l) => {
        const p = signTest(w, l).pValue;
        expect(p >= 0 && p <= 1).toBe(true);
        expect(signTest(l, w).pValue).toBe(p);
      }),
    );
  });

  it('falls as wins grow at a fixed total, once wins outnumber losses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (n) => {
        let previous = 1;
        for (let w = Math.ceil(n / 2); w <= n; w += Math.max(1, Math.floor(n / 60))) {
          const p = signTest(w, n - w).pValue;
          expect(p).toBeLessThanOrEqual(previous);
          previous = p;
        }
      }),
      { numRuns: 50 },
    );
    // Strictly, where nothing underflows: 100,000 pairs, wins from 50,200 to 51,400.
    let previous = 1;
    for (let w = 50_200; w <= 51_400; w += 100) {
      const p = signTest(w, 100_000 - w).pValue;
      expect(p).toBeLessThan(previous);
      previous = p;
    }
  });

  it('matches the normal approximation at n = 100,000', () => {
    const n = 100_000;
    // With a continuity correction the approximation's relative error here is ~1e-4 or less.
    for (const k of [49_900, 49_700, 49_500, 49_300, 49_000]) {
      const z = (k + 0.5 - n / 2) / (Math.sqrt(n) / 2);
      const approximate = 2 * normalCdf(z);
      expect(relative(signTest(n - k, k).pValue, approximate)).toBeLessThan(2e-3);
    }
  });

  it('stays finite and fast for a million pairs, and underflows only to 0', () => {
    const started = performance.now();
    const even = signTest(500_500, 499_500).pValue; // z ≈ 1
    expect(even).toBeGreaterThan(0.3);
    expect(even).toBeLessThan(0.33);
    expect(signTest(1_000_000, 0).pValue).toBe(0);
    expect(signTest(600_000, 400_000).pValue).toBe(0);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses counts that are not non-negative integers, naming them', () => {
    expect(() => signTest(-1, 2)).toThrow(/"wins"/);
    expect(() => signTest(1, 2.5)).toThrow(/"losses"/);
    expect(() => signTest(NaN, 2)).toThrow(/"wins"/);
  });
});
