import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../../shared/errors';
import { randomInt, SeededStream, seededRandom } from './seeded-random';

const draw = (next: () => number, count: number) => Array.from({ length: count }, next);

describe('SeededStream', () => {
  it('is xoshiro128**: the reference C implementation’s outputs from the same state', () => {
    // From Blackman & Vigna's xoshiro128starstar.c, compiled and run with s = {1, 2, 3, 4}.
    const stream = SeededStream.fromState([1, 2, 3, 4]);
    expect(draw(() => stream.nextUint32(), 8)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849,
    ]);
    // ... and the 1,001st output from a state with every bit pattern in play.
    const other = SeededStream.fromState([0x9e3779b9, 0x243f6a88, 0xb7e15162, 0xdeadbeef]);
    for (let i = 0; i < 1000; i++) other.nextUint32();
    expect(other.nextUint32()).toBe(2541037969);
  });

  it('sums exactly the values at the indices randomInt draws from the same seed', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 101 }),
        (seed, ints, count) => {
          // Integers: both sums are exact whatever the order of adding.
          const values = Float64Array.from(ints);
          const stream = new SeededStream(seed);
          const twin = seededRandom(seed);
          let expected = 0;
          for (let i = 0; i < count; i++) expected += values[randomInt(twin, values.length)]!;
          expect(stream.sumOfDraws(values, count)).toBe(expected);
          // The stream goes on where the draws left it.
          expect(stream.next()).toBe(twin());
        },
      ),
    );
  });

  it('refuses an empty value array and a bad count', () => {
    const stream = new SeededStream(1);
    expect(() => stream.sumOfDraws(new Float64Array(0), 3)).toThrow(/"values"/);
    expect(() => stream.sumOfDraws(new Float64Array(2), -1)).toThrow(/"count"/);
    expect(() => SeededStream.fromState([0, 0, 0, 0])).toThrow(/"words"/);
  });
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = draw(seededRandom(seed), 50);
        expect(draw(seededRandom(seed), 50)).toEqual(a);
        for (const x of a) expect(x >= 0 && x < 1).toBe(true);
      }),
    );
  });

  it('gives unrelated sequences for neighbouring seeds', () => {
    const firsts = new Set<number>();
    for (let seed = 0; seed < 1000; seed++) firsts.add(seededRandom(seed)());
    expect(firsts.size).toBe(1000);
  });

  it('takes a seed modulo 2^32 and refuses a non-integer', () => {
    expect(draw(seededRandom(2 ** 32 + 7), 5)).toEqual(draw(seededRandom(7), 5));
    expect(draw(seededRandom(-1), 5)).toEqual(draw(seededRandom(2 ** 32 - 1), 5));
    for (const bad of [1.5, NaN, Infinity]) {
      let caught: unknown;
      try {
        seededRandom(bad);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(AssayError);
      expect((caught as AssayError).code).toBe('VALIDATION_FAILED');
      expect((caught as AssayError).message).toContain('"seed"');
    }
  });
});

describe('randomInt', () => {
  it('draws every integer below the bound about equally often (chi-square)', () => {
    const random = seededRandom(42);
    const bound = 10;
    const draws = 100_000;
    const counts = new Array<number>(bound).fill(0);
    let outside = 0;
    for (let i = 0; i < draws; i++) {
      const k = randomInt(random, bound);
      if (Number.isInteger(k) && k >= 0 && k < bound) counts[k]!++;
      else outside++;
    }
    expect(outside).toBe(0);
    const expected = draws / bound;
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 27.88 is the 99.9th percentile of chi-square with 9 degrees of freedom.
    expect(chiSquare).toBeLessThan(27.88);
  });

  it('refuses a bound that is not a positive integer up to 2^32', () => {
    const random = seededRandom(1);
    for (const bad of [0, -3, 2.5, 2 ** 32 + 1, NaN])
      expect(() => randomInt(random, bad)).toThrow(/"bound"/);
    expect(randomInt(() => 0.999999, 2 ** 32)).toBe(Math.floor(0.999999 * 2 ** 32));
  });
});
