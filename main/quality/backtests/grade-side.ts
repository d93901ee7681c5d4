import type { MatcherContext } from '../../evals/matchers/core/definition';
import type { ScorecardPlan, ScorecardScorer } from '../eval-scoring/scorecard-scorer';
import type { GraderNote, ResultRecord } from './backtest-records';
import type { FrozenItem } from './frozen-item';
import type { SideOutcome } from './replay-side';

export interface SideGradeContext {
  readonly resultId: string;
  readonly signal: AbortSignal;
  readonly matcherContext: MatcherContext;
  readonly attributes: Readonly<Record<string, string>>;
}

type Graded = Pick<ResultRecord, 'score' | 'outcome' | 'reason' | 'graders' | 'judgeCostPicoUsd'>;

/**
 * Grades one side's answer with the run's pinned scorecard, the same way on both sides. A side
 * whose call failed is not graded (no score, no outcome); an incomplete verdict (a human grader,
 * a judge that could not judge) keeps no score: it is unscored, never a pass or a tie.
 */
export async function gradeSide(
  scorer: ScorecardScorer,
  plan: ScorecardPlan,
  item: FrozenItem,
  side: SideOutcome,
  ctx: SideGradeContext,
): Promise<Graded> {
  if (side.status === 'error' || side.output === null)
    return {
      score: null,
      outcome: null,
      reason: side.error ?? 'no answer to grade',
      graders: [],
      judgeCostPicoUsd: 0,
    };
  const vars = item.vars ?? item.calls.at(-1)?.vars ?? {};
  const grade = await scorer.grade(
    plan,
    {
      input: side.input,
      instructions: side.instructions,
      output: side.output,
      expected: item.expected,
      vars,
      latencyMs: side.latencyMs ?? 0,
      costPicoUsd: side.costPicoUsd,
      toolCallCount: side.toolCalls,
    },
    ctx,
  );
  const graders: GraderNote[] = grade.graders.map((g) => ({
    name: g.name,
    state: g.state,
    value: g.value,
    reason: g.reason,
  }));
  return {
    score: grade.outcome === 'incomplete' ? null : grade.mean,
    outcome: grade.outcome,
    reason: grade.reason,
    graders,
    judgeCostPicoUsd: grade.judgeCostPicoUsd,
  };
}
