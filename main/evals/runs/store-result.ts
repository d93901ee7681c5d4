import type {
  ScorecardGrade,
  ScorecardPlan,
  ScorecardScorer,
} from '../../quality/eval-scoring/scorecard-scorer';
import type { WriteQueue } from '../../store/write-queue';
import type { MatcherContext } from '../matchers/core/definition';
import type { GradeCase } from './case-scorecard';
import type { WorkItem } from './run-plan';
import { RunRepository } from './run-repository';
import type { ResultRecord, RunRecord } from './run-rows';

/** A run's pinned scorecard, loaded to grade with (the same versions on every resume). */
export interface RunScorecard {
  readonly scorer: ScorecardScorer;
  readonly plan: ScorecardPlan;
}

/**
 * Stores a result through the database's write queue; true if it was new. A scorecard's scores
 * go in the same transaction, and only with a result that is new: a case stored already (by
 * another process or worker) keeps its own, so no score is stored twice. Shared by the
 * in-process runner and the team's queue workers (main/jobs/).
 */
export async function storeResult(
  writes: WriteQueue,
  scorecard: RunScorecard | null,
  result: ResultRecord,
  grade: ScorecardGrade | null,
): Promise<boolean> {
  let stored = false;
  await writes.run(async (tx) => {
    stored = await new RunRepository(tx).insertResult(result);
    if (stored && grade && grade.scores.length > 0) await scorecard!.scorer.storeScores(tx, grade);
  });
  return stored;
}

/** The scorecard's grading of one case, its judges' spans naming the run and the case. */
export function gradeCaseWith(
  card: RunScorecard | null,
  run: RunRecord,
  item: WorkItem,
  signal: AbortSignal,
  matcherContext: MatcherContext,
): GradeCase | undefined {
  if (!card) return undefined;
  return (resultId, answer) =>
    card.scorer.grade(card.plan, answer, {
      resultId,
      signal,
      matcherContext,
      attributes: { evalRunId: run.id, caseKey: item.c.caseKey },
    });
}
