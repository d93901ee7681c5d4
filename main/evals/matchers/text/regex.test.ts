import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRegex } from './regex-cache';
import { run } from '../test-support';

// Long enough that the backtracking engine takes seconds (24 characters: ~0.7 s, doubling with
// each one more), short enough that the code before this fix finished the test at all.
const LONG = `${'a'.repeat(28)}b`;
const LIMIT = 250;

/** Runs `task`, counting how often a 10 ms interval fired meanwhile. */
async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const started = performance.now();
  try {
    const value = await task();
    return { value, ms: performance.now() - started, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('regex time limit', () => {
  it('keeps patterns V8 finishes in linear time in this thread, case-insensitive ones too', () => {
    for (const [pattern, flags] of [
      ['"total":\\s*\\d+', 'i'],
      ['^(a+)+$', ''],
      ['^yes$', 'im'],
      ['\\bword\\b', 'gd'],
      ['^(a+)+$', 'u'],
    ] as const) {
      const compiled = compileRegex(pattern, flags);
      expect(compiled.ok && compiled.linear !== null, `/${pattern}/${flags}`).toBe(true);
    }
    for (const [pattern, flags] of [
      ['(\\w)\\1', ''],
      ['^(?=(a+)+$)', ''],
      ['^(\\S+)+$', 'u'],
      ['é+', 'i'],
    ] as const) {
      const compiled = compileRegex(pattern, flags);
      expect(compiled.ok && compiled.linear, `/${pattern}/${flags}`).toBeNull();
    }
  });

  it('answers a case-insensitive catastrophic pattern at once', async () => {
    const { value, ms } = await timed(() =>
      run({ type: 'regex', pattern: '^(a+)+$', flags: 'i' }, LONG),
    );
    expect(value).toMatchObject({ pass: false, reason: 'output does not match /^(a+)+$/i' });
    expect(ms).toBeLessThan(LIMIT);
  });

  it('stops a catastrophic pattern the linear engine cannot take at the limit, off the main thread', async () => {
    for (const [pattern, flags, text] of [
      ['^(a+)+\\1$', '', LONG],
      ['^(?=(a+)+$)', '', LONG],
      // Under `u`, \S takes whole astral characters: it cannot be rewritten for the linear engine.
      ['^(\\S+)+$', 'u', `${'a'.repeat(28)} `],
    ] as const) {
      // A first search starts a worker (each timeout ends one), so the timing below is the
      // search's own; a backreference is common and legitimate, and answers.
      expect(await run({ type: 'regex', pattern: '(\\w)\\1' }, 'hello')).toMatchObject({
        pass: true,
        reason: 'output matches /(\\w)\\1/ at "ll"',
      });
      const { value, ms, ticks } = await timed(() =>
        run({ type: 'regex', pattern, flags, timeoutMs: LIMIT }, text),
      );
      expect(value, `/${pattern}/${flags}`).toEqual({
        pass: false,
        score: 0,
        reason: `could not judge: regex timed out after ${LIMIT} ms`,
        unscored: true,
      });
      expect(ms).toBeGreaterThanOrEqual(LIMIT - 5);
      expect(ms).toBeLessThan(LIMIT + 500);
      // The main thread was free: the interval kept firing while the worker backtracked.
      expect(ticks).toBeGreaterThanOrEqual(LIMIT / 10 / 3);
    }
    // The timed-out worker was replaced: the next search answers.
    expect(await run({ type: 'regex', pattern: '(\\w)\\1' }, 'abc')).toMatchObject({
      pass: false,
      reason: 'output does not match /(\\w)\\1/',
    });
  });

  it('rejects a time limit that is not a positive whole number of ms', async () => {
    expect(await run({ type: 'regex', pattern: 'a', timeoutMs: 0 }, 'a')).toMatchObject({
      pass: false,
      reason: expect.stringContaining('timeoutMs must be at least 1'),
    });
  });

  it('answers as RegExp does for patterns run off the main thread', async () => {
    const patterns = fc.constantFrom(
      '(\\w)\\1',
      '(?<=a)b',
      'a(?!b)',
      '^(?:(a)|b)\\1?$',
      '\\p{L}+\\d',
      '(?<x>[a-c])\\k<x>',
      'x{2,40}',
    );
    const flags = fc.constantFrom('', 'i', 'u', 'gi', 'mu');
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'x', '1', 'é', '\n') });
    await fc.assert(
      fc.asyncProperty(patterns, flags, text, async (pattern, f, input) => {
        const r = await run({ type: 'regex', pattern, flags: f }, input);
        expect(r.pass).toBe(new RegExp(pattern, f).test(input));
      }),
      { numRuns: 200 },
    );
  });
});
