import type { CallResult } from '../../llm/call/call-llm';
import { renderFrozen } from '../../prompts/render';
import type { EvalAnswer, ScorecardGrade } from '../../quality/eval-scoring/scorecard-scorer';
import type { MatchResult, MatcherSpec } from '../types';
import type { WorkItem } from './run-plan';
import type { RunRecord, StoredMatcher } from './run-rows';

/**
 * A run's scorecard as one more scorer of each case, after its matchers. Its verdict joins the
 * matchers' in the case's score (core/score-case.ts): a failed verdict fails the case, an
 * incomplete one (a human grader, a judge that could not judge) is a scorer that could not
 * judge, so the case is unscored unless something failed it, and never passes.
 */

/** Grades one case's answer; the quality domain's scorer behind it (see runner.ts). */
export type GradeCase = (resultId: string, answer: EvalAnswer) => Promise<ScorecardGrade>;

/** The spec the verdict is weighed with: one matcher's weight, whatever its graders' count. */
export const SCORECARD_SPEC: MatcherSpec = { type: 'scorecard' };

type Verdict = Pick<ScorecardGrade, 'outcome' | 'mean' | 'reason' | 'judgeCostPicoUsd'>;

/** The verdict as a matcher's result: `incomplete` could not judge, so never a pass. */
export function scorecardMatch(grade: Verdict): MatchResult {
  return {
    pass: grade.outcome === 'pass',
    score: grade.mean ?? 0,
    reason: grade.reason,
    ...(grade.outcome === 'incomplete' ? { unscored: true } : {}),
    costPicoUsd: grade.judgeCostPicoUsd,
  };
}

/** The verdict as the result stores it, with what each grader said. */
export function scorecardStored(grade: ScorecardGrade): StoredMatcher {
  const match = scorecardMatch(grade);
  return {
    type: SCORECARD_SPEC.type,
    pass: match.pass,
    ...(match.unscored === true ? { unscored: true } : {}),
    score: match.score,
    reason: match.reason,
    // An unpriced judge call makes the total unknown; the priced part still adds to the run's.
    costPicoUsd: grade.unpricedCalls > 0 ? null : grade.judgeCostPicoUsd,
    graders: grade.graders,
  };
}

/**
 * What graders read of a case's answer: the prompt as rendered for it (its last user turn,
 * its system message), the answer as the matchers read it, the case's expectation and
 * variables, and the call's measurements.
 */
export function answerOf(
  run: RunRecord,
  { c }: WorkItem,
  call: CallResult,
  output: string,
): EvalAnswer {
  let input: string | null = null;
  let instructions: string | null = null;
  try {
    const { messages } = renderFrozen(run.frozen, { variables: c.vars, placeholders: {} });
    input = messages.filter((m) => m.role === 'user').at(-1)?.content ?? null;
    instructions = messages.find((m) => m.role === 'system')?.content ?? null;
  } catch {
    // The call rendered it; a render failing now leaves the graders without the input.
  }
  return {
    input,
    instructions,
    output,
    expected: c.expected,
    vars: c.vars,
    latencyMs: call.latencyMs,
    costPicoUsd: call.costPicoUsd,
    toolCallCount: call.response.toolCalls.length,
  };
}
