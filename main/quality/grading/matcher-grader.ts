import type { ScoreConfig } from '../../../shared/contract/quality';
import { PICO_PER_USD } from '../../../shared/money';
import {
  matcherCallsModel,
  runMatcher,
  type MatcherContext,
  type ParsedMatcher,
} from '../../evals/matchers/registry';
import type { MatchSubject, MatcherSpec } from '../../evals/types';
import { ZERO_USAGE } from '../../llm/types';
import { scored, unscored, usdOf, type GradeResult } from './grade-result';
import { hasExpected, type GradingTarget } from './grading-target';

/**
 * A deterministic grader that is an eval matcher: run through the matcher registry exactly as
 * an eval case's matcher is, so its rules (threshold, `not`, "could not judge") hold here too.
 */

/** Matchers that judge the call, not its text: they can grade a target without output. */
const CALL_MATCHERS = new Set(['cost', 'latency']);

export function matchSubjectOf(target: GradingTarget, output: string): MatchSubject {
  return {
    text: output,
    ...(hasExpected(target) ? { expected: target.expected } : {}),
    vars: target.vars,
    // Only the latency matcher reads it, and it is unscored before it can read this 0.
    latencyMs: target.latencyMs ?? 0,
    costPicoUsd: target.costUsd === null ? null : Math.round(target.costUsd * PICO_PER_USD),
    usage: ZERO_USAGE,
  };
}

/** A 0..1 matcher score as a value on a numeric config (the config's best end for 1). */
function onRange(score: number, config: Extract<ScoreConfig, { type: 'numeric' }>): number {
  const s = config.higherIsBetter ? score : 1 - score;
  // Written so s = 0 and s = 1 give min and max exactly, and nothing overflows.
  return Math.min(config.max, Math.max(config.min, config.min * (1 - s) + config.max * s));
}

/** `spec` as the grader stores it (the registry caches its parse by object); `type` its canonical type. */
export async function gradeWithMatcher(
  spec: MatcherSpec,
  type: ParsedMatcher['type'],
  config: ScoreConfig,
  target: GradingTarget,
  ctx: MatcherContext,
): Promise<GradeResult> {
  const callMatcher = CALL_MATCHERS.has(type);
  if (target.output === null && !callMatcher) return unscored('no output to grade');
  if (type === 'latency' && target.latencyMs === null)
    return unscored('no latency recorded for this target');
  const result = await runMatcher(spec, matchSubjectOf(target, target.output ?? ''), ctx);
  // A matcher that calls a model and reports no cost was unpriced; the others cost nothing.
  const cost =
    result.costPicoUsd === undefined && matcherCallsModel(spec)
      ? null
      : usdOf(result.costPicoUsd ?? 0);
  if (result.unscored === true) return unscored(result.reason, cost);
  if (config.type === 'numeric')
    return scored(onRange(result.score, config), null, result.reason, cost);
  // Boolean: the matcher's verdict (its threshold applied). Categorical configs are refused
  // before grading (grader-config-check.ts).
  return scored(result.pass ? 1 : 0, null, result.reason, cost);
}
