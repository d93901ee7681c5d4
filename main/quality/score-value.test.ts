import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BULLSEYE_LEVELS,
  scoreConfigSchema,
  type ScoreConfig,
} from '../../shared/contract/quality';
import { checkScore, checkSignal, type GivenScore } from './score-value';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });

/** Valid configs of every type, as the contract accepts them. */
const numericConfig = fc
  .tuple(finite, finite)
  .filter(([a, b]) => a !== b)
  .map(([a, b]): ScoreConfig => ({
    type: 'numeric',
    min: Math.min(a, b),
    max: Math.max(a, b),
    higherIsBetter: true,
  }));
const categoricalConfig = fc
  .uniqueArray(
    fc.record({
      name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== ''),
      value: fc.integer({ min: -1000, max: 1000 }),
    }),
    {
      minLength: 2,
      maxLength: 8,
      selector: (l) => l.name.toLowerCase(),
    },
  )
  .filter((levels) => new Set(levels.map((l) => l.value)).size === levels.length)
  .map((levels): ScoreConfig => ({ type: 'categorical', levels }));
const config = fc.oneof(
  numericConfig,
  categoricalConfig,
  fc.constant<ScoreConfig>({ type: 'boolean' }),
  fc.constant<ScoreConfig>({ type: 'categorical', levels: [...BULLSEYE_LEVELS] }),
);

/** What a caller may send: a number, a boolean, or a level name (some drawn from the config). */
function givenFor(c: ScoreConfig): fc.Arbitrary<GivenScore> {
  const names =
    c.type === 'categorical'
      ? c.levels.flatMap((l) => [l.name, l.name.toUpperCase(), l.name.toLowerCase()])
      : [];
  const numbers: number[] =
    c.type === 'numeric'
      ? [c.min, c.max, (c.min + c.max) / 2]
      : c.type === 'categorical'
        ? c.levels.map((l) => l.value)
        : [0, 1];
  return fc.oneof(
    fc.record({ value: fc.oneof(finite, fc.boolean(), ...numbers.map((n) => fc.constant(n))) }),
    fc.record({
      level: fc.oneof(
        fc.string({ minLength: 1, maxLength: 12 }),
        ...names.map((n) => fc.constant(n)),
      ),
    }),
  );
}

/** The rules as the README states them, written independently of the implementation. */
function expected(c: ScoreConfig, g: GivenScore): { value: number; level: string | null } | null {
  if (c.type === 'numeric') {
    if (g.level !== undefined || typeof g.value !== 'number') return null;
    // -0 and 0 are one number: stored as 0.
    return g.value >= c.min && g.value <= c.max
      ? { value: g.value === 0 ? 0 : g.value, level: null }
      : null;
  }
  if (c.type === 'boolean') {
    if (g.level !== undefined) return null;
    if (g.value === true || g.value === 1) return { value: 1, level: null };
    if (g.value === false || g.value === 0) return { value: 0, level: null };
    return null;
  }
  const match =
    g.level !== undefined
      ? c.levels.filter((l) => l.name.toLowerCase() === g.level!.toLowerCase())
      : c.levels.filter((l) => l.value === g.value);
  return match.length === 1 ? { value: match[0]!.value, level: match[0]!.name } : null;
}

describe('checkScore', () => {
  it('accepts exactly the values a score config allows, and stores what the rules say', () => {
    fc.assert(
      fc.property(
        config.chain((c) => fc.tuple(fc.constant(c), givenFor(c))),
        ([c, given]) => {
          // The generated configs are ones the contract itself accepts.
          expect(scoreConfigSchema.safeParse(c).success).toBe(true);
          const want = expected(c, given);
          const got = checkScore(c, given);
          if (want === null) {
            expect(got.ok).toBe(false);
            if (!got.ok) expect(['value', 'level']).toContain(got.issue.path);
          } else {
            expect(got).toEqual({ ok: true, score: want });
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('names the field and what would be accepted', () => {
    const bullseye: ScoreConfig = { type: 'categorical', levels: [...BULLSEYE_LEVELS] };
    expect(checkScore(bullseye, { level: 'Close' })).toEqual({
      ok: false,
      issue: {
        path: 'level',
        message:
          'must be one of "Bullseye" (100), "One hop short" (65), "Right area" (35), "Wrong" (0)',
      },
    });
    expect(checkScore(bullseye, { level: 'one HOP short' })).toEqual({
      ok: true,
      score: { value: 65, level: 'One hop short' },
    });
    expect(
      checkScore({ type: 'numeric', min: 1, max: 5, higherIsBetter: true }, { value: 6 }),
    ).toEqual({ ok: false, issue: { path: 'value', message: 'must be a number from 1 to 5' } });
  });
});

describe('checkSignal', () => {
  it('keeps any number as given, booleans as 1 and 0, and refuses a level', () => {
    fc.assert(
      fc.property(fc.oneof(finite, fc.boolean()), (value) => {
        const want = typeof value === 'boolean' ? (value ? 1 : 0) : value === 0 ? 0 : value;
        expect(checkSignal({ value })).toEqual({ ok: true, score: { value: want, level: null } });
      }),
    );
    expect(checkSignal({ level: 'good' })).toMatchObject({ ok: false, issue: { path: 'level' } });
  });
});
