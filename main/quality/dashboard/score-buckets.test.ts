import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BULLSEYE_LEVELS, scoreConfigSchema } from '../../../shared/contract/quality';
import type { ScoreConfig } from '../../../shared/contract/quality';
import { normalizeScore } from '../scoring/normalize';
import { bucketOf, bucketsOf, normalizedSum, numericBin } from './score-buckets';

type Numeric = Extract<ScoreConfig, { type: 'numeric' }>;
const numeric = (min: number, max: number, higherIsBetter = true) =>
  scoreConfigSchema.parse({ type: 'numeric', min, max, higherIsBetter }) as Numeric;
const bullseye = scoreConfigSchema.parse({ type: 'categorical', levels: BULLSEYE_LEVELS });
const boolean = scoreConfigSchema.parse({ type: 'boolean' });

/** Ordinary bounds (the extremes are normalize.test.ts's business): distinct, in order. */
const bounds = fc
  .tuple(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  )
  .filter(([a, b]) => Math.abs(a - b) > 1e-6)
  .map(([a, b]) => (a < b ? ([a, b] as const) : ([b, a] as const)));
const config = fc.tuple(bounds, fc.boolean()).map(([[min, max], up]) => numeric(min, max, up));
const valueIn = (c: Numeric) => fc.double({ min: c.min, max: c.max, noNaN: true });
const norm = (c: ScoreConfig, v: number) => {
  const r = normalizeScore(c, v);
  if (!r.ok) throw new Error(r.reason);
  return r.score;
};

describe('numeric bins', () => {
  it('put a value in the tenth of the normalized score it lies in (away from the edges)', () => {
    fc.assert(
      fc.property(
        config.chain((c) => fc.tuple(fc.constant(c), valueIn(c))),
        ([c, v]) => {
          const bin = numericBin(c, v);
          expect(bin).toBeGreaterThanOrEqual(0);
          expect(bin).toBeLessThanOrEqual(9);
          const tenths = norm(c, v) * 10;
          // At a bin's edge, rounding may put the value on either side: one apart at most.
          if (Math.abs(tenths - Math.round(tenths)) < 1e-6)
            expect(Math.abs(bin - Math.min(9, Math.round(tenths)))).toBeLessThanOrEqual(1);
          else expect(bin).toBe(Math.min(9, Math.floor(tenths)));
        },
      ),
    );
  });

  it('never put a better score in a lower bin', () => {
    fc.assert(
      fc.property(
        config.chain((c) => fc.tuple(fc.constant(c), valueIn(c), valueIn(c))),
        ([c, a, b]) => {
          const [worse, better] = norm(c, a) <= norm(c, b) ? [a, b] : [b, a];
          expect(numericBin(c, worse)).toBeLessThanOrEqual(numericBin(c, better));
        },
      ),
    );
  });

  it('name the ends: the worst value in bin 0, the best in bin 9', () => {
    expect(numericBin(numeric(0, 10), 0)).toBe(0);
    expect(numericBin(numeric(0, 10), 10)).toBe(9);
    expect(numericBin(numeric(0, 2000, false), 2000)).toBe(0);
    expect(numericBin(numeric(0, 2000, false), 0)).toBe(9);
    expect(bucketsOf(numeric(0, 1)).map((b) => b.label)).toEqual([
      '0%–10%',
      '10%–20%',
      '20%–30%',
      '30%–40%',
      '40%–50%',
      '50%–60%',
      '60%–70%',
      '70%–80%',
      '80%–90%',
      '90%–100%',
      'Unscored',
    ]);
  });
});

describe('buckets', () => {
  it('count a level by its name, a boolean as true/false, a missing value as unscored', () => {
    expect(bucketOf(bullseye, 65, 'One hop short')).toBe('One hop short');
    expect(bucketOf(boolean, 1, null)).toBe('true');
    expect(bucketOf(boolean, 0, null)).toBe('false');
    expect(bucketOf(bullseye, null, null)).toBe('unscored');
    expect(bucketsOf(bullseye).map((b) => b.key)).toEqual([
      ...BULLSEYE_LEVELS.map((l) => l.name),
      'unscored',
    ]);
  });
});

describe('normalizedSum', () => {
  const close = (a: number, b: number, scale: number) =>
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));

  it('is the sum of the normalized scores, from the sum of the values', () => {
    fc.assert(
      fc.property(
        config.chain((c) => fc.tuple(fc.constant(c), fc.array(valueIn(c), { maxLength: 30 }))),
        ([c, values]) => {
          const total = values.reduce((a, b) => a + b, 0);
          const expected = values.reduce((a, v) => a + norm(c, v), 0);
          // The sum of values loses digits the per-value sum keeps: compare relative to the range.
          const scale =
            (values.length * Math.max(Math.abs(c.min), Math.abs(c.max))) / (c.max - c.min);
          close(normalizedSum(c, total, values.length), expected, scale);
        },
      ),
    );
  });

  it('holds for levels and booleans', () => {
    const levels = fc.array(fc.constantFrom(...BULLSEYE_LEVELS.map((l) => l.value)), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(levels, (values) => {
        const total = values.reduce((a, b) => a + b, 0);
        close(
          normalizedSum(bullseye, total, values.length),
          values.reduce((a, v) => a + norm(bullseye, v), 0),
          1,
        );
      }),
    );
    expect(normalizedSum(boolean, 3, 5)).toBe(3);
    expect(normalizedSum(boolean, 0, 0)).toBe(0);
  });
});
