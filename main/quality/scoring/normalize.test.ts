import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BULLSEYE_LEVELS, scoreConfigSchema } from '../../../shared/contract/quality';
import type { ScoreConfig } from '../../../shared/contract/quality';
import { isValidLevel, isValidValue, normalizeScore } from './normalize';
import { resolveScore } from './resolve-score';

const bullseye = scoreConfigSchema.parse({ type: 'categorical', levels: BULLSEYE_LEVELS });
const boolean = scoreConfigSchema.parse({ type: 'boolean' });
const numeric = (min: number, max: number, higherIsBetter = true): ScoreConfig =>
  scoreConfigSchema.parse({ type: 'numeric', min, max, higherIsBetter });

const score = (config: ScoreConfig, value: number): number => {
  const read = normalizeScore(config, value);
  if (!read.ok) throw new Error(read.reason);
  return read.score;
};

/** Any finite double, the extremes included. */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** A numeric config's bounds: two distinct finite doubles, in order. */
const bounds = fc
  .tuple(finite, finite)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => (a < b ? ([a, b] as const) : ([b, a] as const)));
/** A value inside [min, max], ends included. */
const inside = ([min, max]: readonly [number, number]) =>
  fc.oneof(
    fc.constant(min),
    fc.constant(max),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
  );

describe('numeric normalization', () => {
  it('maps min to 0 and max to 1, flipped when lower is better', () => {
    expect(score(numeric(0, 10), 0)).toBe(0);
    expect(score(numeric(0, 10), 10)).toBe(1);
    expect(score(numeric(0, 10), 2.5)).toBe(0.25);
    expect(score(numeric(0, 2000, false), 500)).toBe(0.75);
    expect(score(numeric(-5, 5), 0)).toBe(0.5);
  });

  it('refuses values outside the range, and non-finite ones, naming them', () => {
    expect(normalizeScore(numeric(0, 10), 10.5)).toEqual({
      ok: false,
      reason: '10.5 is outside the score range 0..10',
    });
    expect(normalizeScore(numeric(0, 10), -1).ok).toBe(false);
    expect(normalizeScore(numeric(0, 10), Number.NaN)).toEqual({
      ok: false,
      reason: 'NaN is not a finite number',
    });
    expect(isValidValue(numeric(0, 10), Infinity)).toBe(false);
  });

  it('gives 0..1 inside the range, the ends exactly, and refuses everything outside', () => {
    fc.assert(
      fc.property(
        bounds.chain((b) => fc.tuple(fc.constant(b), inside(b), fc.boolean())),
        ([[min, max], value, up]) => {
          const config = numeric(min, max, up);
          const s = score(config, value);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
          expect(score(config, min)).toBe(up ? 0 : 1);
          expect(score(config, max)).toBe(up ? 1 : 0);
        },
      ),
    );
    fc.assert(
      fc.property(bounds, finite, ([min, max], value) => {
        fc.pre(value < min || value > max);
        expect(isValidValue(numeric(min, max), value)).toBe(false);
      }),
    );
  });

  it('keeps order: a higher value never reads lower (higher better), and the reverse when flipped', () => {
    fc.assert(
      fc.property(
        bounds.chain((b) => fc.tuple(fc.constant(b), inside(b), inside(b))),
        ([[min, max], a, b]) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(score(numeric(min, max), lo)).toBeLessThanOrEqual(score(numeric(min, max), hi));
          expect(score(numeric(min, max, false), lo)).toBeGreaterThanOrEqual(
            score(numeric(min, max, false), hi),
          );
        },
      ),
    );
  });

  it('flipping is 1 minus the reading', () => {
    fc.assert(
      fc.property(
        bounds.chain((b) => fc.tuple(fc.constant(b), inside(b))),
        ([[min, max], value]) => {
          expect(score(numeric(min, max, false), value)).toBeCloseTo(
            1 - score(numeric(min, max, true), value),
            12,
          );
        },
      ),
    );
  });
});

describe('categorical normalization', () => {
  it('reads the Bullseye preset by level value between the lowest and highest level', () => {
    expect(BULLSEYE_LEVELS.map((l) => score(bullseye, l.value))).toEqual([1, 0.65, 0.35, 0]);
    expect(normalizeScore(bullseye, 80)).toEqual({
      ok: false,
      reason:
        '80 is not the value of a level (Bullseye (100), One hop short (65), Right area (35), Wrong (0))',
    });
  });

  it('orders levels by value whatever order they are listed in, and only level values are valid', () => {
    const levelValues = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), {
      minLength: 2,
      maxLength: 20,
    });
    fc.assert(
      fc.property(levelValues, fc.integer({ min: -1000, max: 1000 }), (values, probe) => {
        const config = scoreConfigSchema.parse({
          type: 'categorical',
          levels: values.map((value, i) => ({ name: `L${i}`, value })),
        });
        const sorted = [...values].sort((a, b) => a - b);
        expect(score(config, sorted[0]!)).toBe(0);
        expect(score(config, sorted[sorted.length - 1]!)).toBe(1);
        for (let i = 1; i < sorted.length; i++)
          expect(score(config, sorted[i]!)).toBeGreaterThan(score(config, sorted[i - 1]!));
        expect(isValidValue(config, probe)).toBe(values.includes(probe));
        values.forEach((_, i) => expect(isValidLevel(config, ` l${i} `)).toBe(true));
        expect(isValidLevel(config, 'nope')).toBe(false);
      }),
    );
  });
});

describe('boolean normalization', () => {
  it('reads 1 and 0 as themselves and nothing else', () => {
    expect(score(boolean, 1)).toBe(1);
    expect(score(boolean, 0)).toBe(0);
    fc.assert(
      fc.property(finite, (v) => {
        expect(isValidValue(boolean, v)).toBe(v === 0 || v === 1);
      }),
    );
    expect(isValidLevel(boolean, 'Bullseye')).toBe(false);
  });
});

describe('resolveScore', () => {
  it('reads a level by name (any case) into its value and canonical name', () => {
    expect(resolveScore(bullseye, { level: 'one HOP short' })).toEqual({
      ok: true,
      value: 65,
      level: 'One hop short',
      normalized: 0.65,
    });
    expect(resolveScore(bullseye, { value: 35 })).toMatchObject({ ok: true, level: 'Right area' });
    expect(resolveScore(bullseye, { level: 'Close' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"Close" is not a level'),
    });
  });

  it('refuses a value of the wrong kind for the config', () => {
    expect(resolveScore(boolean, { value: true })).toEqual({
      ok: true,
      value: 1,
      level: null,
      normalized: 1,
    });
    expect(resolveScore(numeric(0, 1), { value: true })).toEqual({
      ok: false,
      reason: 'true given, but the score is numeric (0..1)',
    });
    expect(resolveScore(numeric(0, 1), { level: 'Bullseye' }).ok).toBe(false);
    expect(resolveScore(bullseye, { value: false }).ok).toBe(false);
    expect(resolveScore(bullseye, {})).toEqual({ ok: false, reason: 'no value or level given' });
  });

  it('agrees with normalizeScore on every number', () => {
    const configs = [bullseye, boolean, numeric(0, 5), numeric(100, 30_000, false)];
    fc.assert(
      fc.property(fc.constantFrom(...configs), fc.oneof(finite, fc.integer()), (config, v) => {
        const resolved = resolveScore(config, { value: v });
        const read = normalizeScore(config, v);
        expect(resolved.ok).toBe(read.ok);
        if (resolved.ok && read.ok) expect(resolved.normalized).toBe(read.score);
      }),
    );
  });
});
