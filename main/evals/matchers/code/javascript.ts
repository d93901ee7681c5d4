import { z } from 'zod';
import { cannotJudge, defineMatcher, gradedSchema, text } from '../core/definition';
import { runInSandbox } from './sandbox';
import { formatScore } from '../core/reason-format';

const schema = gradedSchema('javascript', {
  /**
   * Scorer code: an expression (`output.includes("x")`), a function
   * `(output, context) => boolean | number | {pass, score, reason}`, or a function body with
   * `return`. It sees `output`, `expected`, `vars` and `context` ({expected, vars}) as JSON.
   */
  code: text('code'),
  timeoutMs: z
    .number()
    .int()
    .min(1, { error: 'timeoutMs must be at least 1' })
    .max(60_000, { error: 'timeoutMs must be at most 60000' })
    .default(1000),
  memoryLimitMb: z
    .number()
    .int()
    .min(1, { error: 'memoryLimitMb must be at least 1' })
    .max(256, { error: 'memoryLimitMb must be at most 256' })
    .default(32),
});

/** The shape the sandbox's FINISH step reports (see sandbox.ts). */
const returned = z.object({
  kind: z.string(),
  value: z.unknown().optional(),
  pass: z.unknown().optional(),
  score: z.unknown().optional(),
  reason: z.string().optional(),
});

const SHAPE = 'expected true/false, a score from 0 to 1, or {pass, score, reason}';

function badScore(score: unknown): string | undefined {
  if (typeof score !== 'number' || !Number.isFinite(score))
    return `scorer returned score ${String(score)}; ${SHAPE}`;
  if (score < 0 || score > 1) return `scorer returned score ${score}, outside 0 to 1`;
  return undefined;
}

/**
 * Custom scorers in a WASM sandbox. A scorer that throws, times out, runs out of memory or
 * returns something unusable "could not judge": the case fails and `not` cannot flip it.
 * QuickJS runs synchronously: sandbox.ts runs it on a worker thread so the event loop stays free.
 */
export const javascriptMatcher = defineMatcher({
  type: 'javascript',
  description:
    'Custom scorer code run in a sandbox: returns a boolean, a score, or {pass, score, reason}.',
  binary: false,
  defaultThreshold: 0.5,
  schema,
  async evaluate(spec, subject) {
    const run = await runInSandbox(
      spec.code,
      { output: subject.text, expected: subject.expected ?? null, vars: subject.vars },
      { timeoutMs: spec.timeoutMs, memoryBytes: spec.memoryLimitMb * 1024 * 1024 },
    );
    const logs = run.logs.length > 0 ? { logs: run.logs } : {};
    if (!run.ok) return cannotJudge(`scorer failed: ${run.error}`, logs);
    const result = returned.safeParse(run.value);
    if (!result.success) return cannotJudge(`scorer returned an unreadable result; ${SHAPE}`, logs);
    const r = result.data;
    if (r.kind === 'boolean' && typeof r.value === 'boolean') {
      return {
        pass: r.value,
        score: r.value ? 1 : 0,
        reason: `scorer returned ${r.value}`,
        details: logs,
      };
    }
    if (r.kind === 'number') {
      const bad = badScore(r.value);
      if (bad !== undefined || typeof r.value !== 'number') return cannotJudge(bad ?? SHAPE, logs);
      return { score: r.value, reason: `scorer returned ${formatScore(r.value)}`, details: logs };
    }
    if (r.kind === 'object') {
      if (r.pass !== undefined && typeof r.pass !== 'boolean') {
        return cannotJudge(
          `scorer returned pass ${JSON.stringify(r.pass)}; pass must be true or false`,
          logs,
        );
      }
      const pass = typeof r.pass === 'boolean' ? r.pass : undefined;
      if (r.score === undefined && pass === undefined)
        return cannotJudge(`scorer returned an object without pass or score; ${SHAPE}`, logs);
      const bad = r.score === undefined ? undefined : badScore(r.score);
      if (bad !== undefined) return cannotJudge(bad, logs);
      const score = typeof r.score === 'number' ? r.score : pass ? 1 : 0;
      const said = pass === undefined ? `score ${formatScore(score)}` : pass ? 'pass' : 'fail';
      return {
        ...(pass === undefined ? {} : { pass }),
        score,
        reason: r.reason ?? `scorer returned ${said}`,
        details: logs,
      };
    }
    const kind = r.kind === 'promise' ? 'a Promise (scorers must be synchronous)' : r.kind;
    return cannotJudge(`scorer returned ${kind}; ${SHAPE}`, logs);
  },
});
