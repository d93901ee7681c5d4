import { z } from 'zod';
import type { ScoreConfig } from '../../../shared/contract/quality';
import { runInSandbox } from '../../evals/matchers/registry';
import { fitAnswer, shown } from './answer-fit';
import { scored, unscored, type GradeResult } from './grade-result';
import { hasExpected, type GradingTarget } from './grading-target';

/**
 * A code grader: a JavaScript function body run in the eval scorers' QuickJS sandbox (no host
 * objects, a time and a memory limit, off the event loop on the worker pool). It receives the
 * target as `target` (its `output` and `expected` also as variables) and returns a number, true
 * or false, a level's name, or `{ value | level, reason }`. A body that throws, runs out of time
 * or returns what the config cannot hold is unscored, its reason saying which.
 */

/** Scorers' default; a grader's own limit is time, which it sets. */
const MEMORY_BYTES = 32 * 1024 * 1024;

/**
 * The body becomes one function of `target`. The opening shares the body's first line, so the
 * sandbox's line numbers in errors are the body's own.
 */
function asFunction(source: string): string {
  return `(function (target) {${source}\n})`;
}

/** The target as the code sees it: plain JSON, absent fields null. */
export function targetJson(target: GradingTarget): Record<string, unknown> {
  return {
    input: target.input,
    output: target.output,
    expected: hasExpected(target) ? target.expected : null,
    context: target.context,
    instructions: target.instructions,
    latencyMs: target.latencyMs,
    costUsd: target.costUsd,
    toolCallCount: target.toolCallCount,
    vars: target.vars,
  };
}

/** What the sandbox's FINISH step reports (evals/matchers/code/sandbox-core.ts). */
const returned = z.object({
  kind: z.string(),
  value: z.unknown().optional(),
  level: z.unknown().optional(),
  score: z.unknown().optional(),
  pass: z.unknown().optional(),
  reason: z.string().optional(),
});

const SHAPE = 'return a number, true/false, a level name, or {value | level, reason}';

export async function gradeWithCode(
  source: string,
  timeoutMs: number,
  config: ScoreConfig,
  target: GradingTarget,
): Promise<GradeResult> {
  const json = targetJson(target);
  const run = await runInSandbox(
    asFunction(source),
    { output: json.output, expected: json.expected, vars: target.vars, args: [json] },
    { timeoutMs, memoryBytes: MEMORY_BYTES },
  );
  if (!run.ok) return unscored(`code failed: ${run.error}`);
  const parsed = returned.safeParse(run.value);
  if (!parsed.success) return unscored(`code returned an unreadable result; ${SHAPE}`);
  const r = parsed.data;
  let answer: unknown;
  if (r.kind === 'number' || r.kind === 'boolean' || r.kind === 'string') answer = r.value;
  else if (r.kind === 'object') answer = r.level ?? r.value ?? r.score ?? r.pass;
  else {
    const kind = r.kind === 'promise' ? 'a Promise (code must be synchronous)' : r.kind;
    return unscored(`code returned ${kind}; ${SHAPE}`);
  }
  // NaN and Infinity cross the sandbox's JSON as null.
  if (answer === undefined || answer === null)
    return unscored(
      r.kind === 'number'
        ? 'code returned a number that is not finite'
        : `code returned no value or level; ${SHAPE}`,
    );
  const fit = fitAnswer(answer, config);
  if (!fit.ok) return unscored(`code returned ${shown(answer)}: ${fit.reason}`);
  return scored(fit.value, fit.level, r.reason ?? `code returned ${shown(answer)}`);
}
