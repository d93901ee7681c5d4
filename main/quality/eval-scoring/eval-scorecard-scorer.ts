import type { Kysely } from 'kysely';
import type { RunScorecardRef } from '../../../shared/contract/evals';
import type { DB } from '../../store/schema';
import type { Store } from '../../store/store';
import type { JudgeCallDeps } from '../online/registry-judge';
import { writeGraderScoreRecords } from '../grader-scores';
import { gradeEvalAnswer } from './grade-eval-answer';
import { loadPlan, pinScorecard } from './pin-scorecard';
import type {
  EvalAnswer,
  EvalGradeContext,
  ScorecardGrade,
  ScorecardPin,
  ScorecardPlan,
  ScorecardScorer,
} from './scorecard-scorer';

/** The quality domain's scorer of eval runs (see scorecard-scorer.ts): judges through the call path. */
export class EvalScorecardScorer implements ScorecardScorer {
  constructor(
    private readonly store: Store,
    private readonly judge: JudgeCallDeps,
  ) {}

  async pin(ref: RunScorecardRef, where: string): Promise<ScorecardPlan> {
    return loadPlan(this.store.db, await pinScorecard(this.store.db, ref, where));
  }

  load(pin: ScorecardPin): Promise<ScorecardPlan> {
    return loadPlan(this.store.db, pin);
  }

  grade(plan: ScorecardPlan, answer: EvalAnswer, ctx: EvalGradeContext): Promise<ScorecardGrade> {
    return gradeEvalAnswer(plan, answer, ctx, this.judge);
  }

  /**
   * One statement for a result's scores. A score its target already has from that grader
   * version is kept (score_grader_once), though the result being new rules that out.
   */
  storeScores(tx: Kysely<DB>, grade: ScorecardGrade): Promise<void> {
    return writeGraderScoreRecords(tx, this.store.dialect, grade.scores).then(() => undefined);
  }
}
