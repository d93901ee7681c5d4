import { describe, expect, it } from 'vitest';
import { parseMatcherSpec } from '../registry';
import { run } from '../test-support';

const js = (code: string, extra: Record<string, unknown> = {}) => ({
  type: 'javascript',
  code,
  ...extra,
});

describe('javascript scorer results', () => {
  it('accepts boolean, number and object returns', async () => {
    expect(await run(js('(output) => output.includes("refund")'), 'a refund')).toMatchObject({
      pass: true,
      score: 1,
      reason: 'scorer returned true',
    });
    expect(await run(js('output.length > 100'), 'short')).toMatchObject({
      pass: false,
      score: 0,
      reason: 'scorer returned false',
    });
    expect(await run(js('(output) => output.length / 10'), 'abcdef')).toMatchObject({
      pass: true,
      score: 0.6,
      reason: 'scorer returned 0.6 (score 0.6 ≥ threshold 0.5)',
    });
    expect(
      await run(js('() => ({ pass: false, score: 0.9, reason: "too long" })'), 'x'),
    ).toMatchObject({ pass: false, score: 0.9, reason: 'too long' });
    expect(await run(js('() => ({ score: 0.3 })', { threshold: 0.2 }), 'x')).toMatchObject({
      pass: true,
      score: 0.3,
    });
  });

  it('accepts a function body with return, and sees expected and vars', async () => {
    const body =
      'const words = output.split(" ");\nreturn words.length === Number(context.vars.n) && expected === "ok";';
    expect((await run(js(body), 'a b c', { vars: { n: '3' }, expected: 'ok' })).pass).toBe(true);
    expect(
      (
        await run(js('function (output, context) { return vars.n === "2" }'), 'x', {
          vars: { n: '2' },
        })
      ).pass,
    ).toBe(true);
  });

  it('keeps console output in details', async () => {
    const r = await run(js('console.log("seen", output.length); return true;'), 'abc');
    expect(r.details).toEqual({ logs: ['seen 3'] });
  });

  it('cannot-judge unusable returns, whatever not says', async () => {
    expect((await run(js('() => "yes"'), 'x')).reason).toBe(
      'scorer returned string; expected true/false, a score from 0 to 1, or {pass, score, reason}',
    );
    expect(await run(js('() => 5', { not: true }), 'x')).toMatchObject({
      pass: false,
      reason: 'scorer returned score 5, outside 0 to 1',
    });
    expect((await run(js('() => NaN'), 'x')).reason).toMatch(/^scorer returned score null/);
    expect((await run(js('async () => true'), 'x')).reason).toContain(
      'a Promise (scorers must be synchronous)',
    );
    expect((await run(js('() => ({ pass: "yes" })'), 'x')).reason).toBe(
      'scorer returned pass "yes"; pass must be true or false',
    );
  });
});

describe('javascript sandbox failures', () => {
  it('reports syntax errors with the line', async () => {
    const r = await run(js('(output) => {\n  return output ===\n}'), 'x');
    expect(r).toMatchObject({ pass: false, score: 0, unscored: true });
    expect(r.reason).toMatch(/^scorer failed: syntax error: SyntaxError: .+ \(line 3\)$/);
  });

  it('reports a throw with its message and line', async () => {
    const r = await run(js('(output) => {\n  throw new TypeError("bad output");\n}'), 'x');
    expect(r.reason).toBe('scorer failed: TypeError: bad output (line 2)');
  });

  it('stops an infinite loop at the time limit', async () => {
    const started = performance.now();
    const r = await run(js('() => { while (true) {} }', { timeoutMs: 200 }), 'x');
    const elapsed = performance.now() - started;
    expect(r.reason).toBe('scorer failed: timed out after 200 ms');
    expect(elapsed).toBeLessThan(400);
  });

  it('stops the default 1000 ms limit within twice the limit', async () => {
    const started = performance.now();
    const r = await run(js('for (;;) {}'), 'x');
    expect(r.reason).toBe('scorer failed: timed out after 1000 ms');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops a memory bomb at the memory limit', async () => {
    const bomb = 'const a = []; while (true) a.push({ i: a.length }); return true;';
    // A generous time limit: on a slow machine the bomb must still meet the memory limit first.
    expect((await run(js(bomb, { timeoutMs: 30_000 }), 'x')).reason).toBe(
      'scorer failed: exceeded the 32 MB memory limit',
    );
    const big = await run(
      js('return new Array(1e7).fill(0).length > 0', { memoryLimitMb: 8 }),
      'x',
    );
    expect(big.reason).toBe('scorer failed: exceeded the 8 MB memory limit');
  });

  it('caps the memory limit at 256 MB a scorer', () => {
    expect(parseMatcherSpec(js('true', { memoryLimitMb: 256 })).ok).toBe(true);
    expect(parseMatcherSpec(js('true', { memoryLimitMb: 257 }))).toEqual({
      ok: false,
      issues: [{ path: 'memoryLimitMb', message: 'memoryLimitMb must be at most 256' }],
    });
  });

  it('stops runaway recursion inside the sandbox', async () => {
    const r = await run(js('function f(n) { return f(n + 1) + 1 } return f(0);'), 'x');
    expect(r.reason).toBe('scorer failed: stack overflow (recursion too deep)');
    // The shared module is still healthy afterwards.
    expect((await run(js('true'), 'x')).pass).toBe(true);
  });

  it('gives no access to host objects', async () => {
    const probe =
      'return [typeof process, typeof require, typeof globalThis.fetch, typeof setTimeout, typeof module].join(",")';
    const r = await run(
      js(`${probe} === "undefined,undefined,undefined,undefined,undefined"`),
      'x',
    );
    expect(r.reason).toBe('scorer returned true');
    const escape = await run(
      js('return this.constructor.constructor("return typeof process")() === "undefined"'),
      'x',
    );
    expect(escape.pass).toBe(true);
  });

  it('gives each evaluation a fresh context', async () => {
    await run(js('globalThis.leak = 1; return true;'), 'x');
    expect((await run(js('typeof leak === "undefined"'), 'x')).pass).toBe(true);
  });
});
