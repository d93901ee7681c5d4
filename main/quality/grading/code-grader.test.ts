import { describe, expect, it } from 'vitest';
import { gradeTarget } from './grade-target';
import { BOOLEAN, BULLSEYE, fullTarget, grader } from './test-support';

const code = (source: string, timeoutMs?: number) => ({
  kind: 'code',
  source,
  ...(timeoutMs === undefined ? {} : { timeoutMs }),
});
const stars = { type: 'numeric', min: 1, max: 5 };

describe('code graders', () => {
  it('receive the whole target and return a number, a boolean or a level name', async () => {
    const target = fullTarget();
    expect(
      await gradeTarget(grader(code('return target.output.length > 3;'), BOOLEAN), target),
    ).toEqual({
      status: 'scored',
      value: 1,
      level: null,
      reason: 'code returned true',
      costUsd: 0,
    });
    const rating = 'return target.latencyMs < 500 && output.startsWith("Paris") ? 5 : 2;';
    expect(await gradeTarget(grader(code(rating), stars), target)).toMatchObject({
      status: 'scored',
      value: 5,
    });
    const level =
      'const doc = target.context[0];\nreturn doc.includes(target.expected) ? "bullseye" : "Wrong";';
    expect(await gradeTarget(grader(code(level), BULLSEYE), target)).toMatchObject({
      status: 'scored',
      value: 100,
      level: 'Bullseye',
    });
  });

  it('take {value | level, reason} objects', async () => {
    expect(
      await gradeTarget(
        grader(code('return { level: "One hop short", reason: "close, not exact" };'), BULLSEYE),
        fullTarget(),
      ),
    ).toMatchObject({ value: 65, level: 'One hop short', reason: 'close, not exact' });
    expect(
      await gradeTarget(
        grader(code('return { value: 3, reason: "three of five checks" };'), stars),
        fullTarget(),
      ),
    ).toMatchObject({ status: 'scored', value: 3, reason: 'three of five checks' });
    expect(
      await gradeTarget(grader(code('return { value: 65 };'), BULLSEYE), fullTarget()),
    ).toMatchObject({ value: 65, level: 'One hop short', reason: 'code returned 65' });
  });

  it('see absent fields as null', async () => {
    const probe =
      'return [target.expected, target.context, target.costUsd, target.instructions].every((v) => v === null);';
    const target = fullTarget({ expected: null, context: null, costUsd: null, instructions: null });
    expect((await gradeTarget(grader(code(probe), BOOLEAN), target)).value).toBe(1);
  });

  it('are unscored when the code throws, times out, or returns what the config cannot hold', async () => {
    const cases: [string, unknown, string | RegExp][] = [
      [
        'throw new Error("no refund policy");',
        BOOLEAN,
        'code failed: Error: no refund policy (line 1)',
      ],
      [
        '\nreturn target.output.length;',
        BOOLEAN,
        'code returned 6: 6 is not 1 (true) or 0 (false)',
      ],
      ['return 7;', stars, 'code returned 7: 7 is outside the score range 1..5'],
      [
        'return "Close";',
        BULLSEYE,
        expect.stringContaining('code returned "Close": "Close" is not a level'),
      ],
      [
        'return true;',
        BULLSEYE,
        expect.stringContaining('code returned true: true given, but the score is categorical'),
      ],
      ['return 0 / 0;', stars, 'code returned a number that is not finite'],
      ['return null;', BOOLEAN, expect.stringMatching(/^code returned null; return a number/)],
      [
        'return { reason: "hm" };',
        BOOLEAN,
        expect.stringMatching(/^code returned no value or level/),
      ],
      [
        'return Promise.resolve(1);',
        BOOLEAN,
        expect.stringContaining('a Promise (code must be synchronous)'),
      ],
      [
        'return target.output.;',
        BOOLEAN,
        expect.stringMatching(/^code failed: syntax error: SyntaxError/),
      ],
    ] as [string, unknown, string | RegExp][];
    for (const [source, config, reason] of cases) {
      const result = await gradeTarget(grader(code(source), config), fullTarget());
      expect(result, source).toMatchObject({ status: 'unscored', value: null, reason });
    }
  });

  it('stop at their time limit, unscored', async () => {
    const started = performance.now();
    const result = await gradeTarget(grader(code('while (true) {}', 100), BOOLEAN), fullTarget());
    expect(result).toMatchObject({
      status: 'unscored',
      reason: 'code failed: timed out after 100 ms',
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('report the line of an error in the body as written', async () => {
    const result = await gradeTarget(
      grader(code('const a = 1;\nconst b = target.nothing.deeper;\nreturn true;'), BOOLEAN),
      fullTarget(),
    );
    expect(result.reason).toMatch(/^code failed: TypeError: .+ \(line 2\)$/);
  });
});
