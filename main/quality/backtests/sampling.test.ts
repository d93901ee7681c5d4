import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, stratifiedSample, type Candidate } from './sampling';
import { seededRandom } from './stats/seeded-random';

/** Strata names (a few, some sharing prefixes and case) with their sizes, 0 allowed. */
const sizesArb = fc
  .dictionary(
    fc.constantFrom('a', 'b', 'B', 'ab', 'error', 'ok', 'no trace', 'é', 'z', 'mid (0.5-0.8)'),
    fc.integer({ min: 0, max: 60 }),
    { minKeys: 1, maxKeys: 8 },
  )
  .map((d) => new Map(Object.entries(d)));

const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Candidates from strata sizes, ids unique across strata, strata interleaved as a scan would. */
function candidatesOf(sizes: ReadonlyMap<string, number>): Candidate[] {
  const out: Candidate[] = [];
  const max = Math.max(0, ...sizes.values());
  for (let i = 0; i < max; i++)
    for (const [stratum, n] of sizes) if (i < n) out.push({ id: `${stratum}#${i}`, stratum });
  return out;
}

describe('allocate', () => {
  it('splits by largest remainder, by hand: 15 and 5 over 8 give 6 and 2', () => {
    expect(
      allocate(
        new Map([
          ['geo', 15],
          ['history', 5],
        ]),
        8,
      ),
    ).toEqual(
      new Map([
        ['geo', 6],
        ['history', 2],
      ]),
    );
    // A rare stratum is seen: 98 and 2 over 10 give 9 and 1 (not 10 and 0).
    expect(
      allocate(
        new Map([
          ['ok', 98],
          ['error', 2],
        ]),
        10,
      ),
    ).toEqual(
      new Map([
        ['ok', 9],
        ['error', 1],
      ]),
    );
  });

  it('gives no remainder to a stratum the floor of one already lifted past its share', () => {
    // 2, 3 and 14 over 9: exact shares 0.95, 1.42 and 6.63. `a` is lifted to 1; the one left
    // goes to B's 0.63, not to `a` again (found by the property below: `a` used to get 2).
    expect(
      allocate(
        new Map([
          ['a', 2],
          ['ok', 3],
          ['B', 14],
        ]),
        9,
      ),
    ).toEqual(
      new Map([
        ['a', 1],
        ['B', 7],
        ['ok', 1],
      ]),
    );
  });

  it('gives min(sample, total) in all, no stratum over its size, never below 0', () => {
    fc.assert(
      fc.property(sizesArb, fc.integer({ min: 0, max: 400 }), (sizes, sample) => {
        const out = allocate(sizes, sample);
        expect(sum(out)).toBe(Math.min(sample, sum(sizes)));
        expect([...out.keys()].sort()).toEqual([...sizes.keys()].sort());
        for (const [k, n] of out) {
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(sizes.get(k)!);
          expect(Number.isInteger(n)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every non-empty stratum one when the sample covers the strata', () => {
    fc.assert(
      fc.property(sizesArb, fc.integer({ min: 0, max: 400 }), (sizes, sample) => {
        const out = allocate(sizes, sample);
        if (sample < sizes.size) return;
        for (const [k, n] of sizes) if (n > 0) expect(out.get(k)).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps shares within one of proportional (beyond the floor of one each)', () => {
    fc.assert(
      fc.property(sizesArb, fc.integer({ min: 1, max: 400 }), (sizes, sample) => {
        const total = sum(sizes);
        if (total <= sample) return;
        const out = allocate(sizes, sample);
        const floor = sample >= sizes.size ? 1 : 0;
        for (const [k, n] of sizes) {
          if (n === 0) continue;
          const exact = (n / total) * sample;
          // The floor of one each may take from the largest; a stratum never gets more than
          // its exact share rounded up, or one.
          expect(out.get(k)!).toBeLessThanOrEqual(Math.max(floor, Math.ceil(exact)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stratifiedSample', () => {
  it('picks min(sample, total) distinct candidates, each stratum its allocated share', () => {
    fc.assert(
      fc.property(
        sizesArb,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (sizes, sample, seed) => {
          const pool = candidatesOf(sizes);
          const picked = stratifiedSample(pool, sample, seededRandom(seed));
          expect(picked).toHaveLength(Math.min(sample, pool.length));
          expect(new Set(picked.map((c) => c.id)).size).toBe(picked.length);
          const ids = new Set(pool.map((c) => c.id));
          for (const c of picked) expect(ids.has(c.id)).toBe(true);
          const shares = allocate(new Map([...sizes].filter(([, n]) => n > 0)), sample);
          for (const [k, n] of shares)
            expect(picked.filter((c) => c.stratum === k)).toHaveLength(n);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('picks the same sample for the same seed, and keeps the pool order within a stratum', () => {
    fc.assert(
      fc.property(
        sizesArb,
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (sizes, sample, seed) => {
          const pool = candidatesOf(sizes);
          const once = stratifiedSample(pool, sample, seededRandom(seed));
          const again = stratifiedSample(pool, sample, seededRandom(seed));
          expect(again).toEqual(once);
          const index = new Map(pool.map((c, i) => [c.id, i]));
          for (let i = 1; i < once.length; i++)
            if (once[i]!.stratum === once[i - 1]!.stratum)
              expect(index.get(once[i]!.id)!).toBeGreaterThan(index.get(once[i - 1]!.id)!);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns nothing from an empty pool', () => {
    expect(stratifiedSample([], 5, seededRandom(1))).toEqual([]);
  });
});
