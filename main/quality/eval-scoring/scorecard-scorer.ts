import type { Kysely } from 'kysely';
import type { RunScorecardRef } from '../../../shared/contract/evals';
import type { GraderKind, GraderVersionView } from '../../../shared/contract/quality';
import type { MatcherContext } from '../../evals/matchers/registry';
import type { DB } from '../../store/schema';
import type { ScoreRecord } from '../score-repository';
import type { ItemState, ScorecardOutcome } from '../scoring/scorecard-verdict';

/**
 * What the quality domain offers eval runs (issue 14: one scorecard scores eval runs,
 * production interactions and backtests alike). The eval run service is handed one by the
 * composition root and never reads quality's tables itself: it pins a scorecard when a run
 * starts, grades each case's answer with it, and stores the scores in the transaction that
 * stores the case's result.
 */

/** A scorecard as a run pinned it: its version, and the version of each of its graders. */
export interface ScorecardPin {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly versionId: string;
  readonly passThreshold: number;
  readonly items: readonly {
    readonly graderId: string;
    readonly graderVersionId: string;
    readonly weight: number;
  }[];
}

/** One pinned item, loaded: the grader version a case is graded with. */
export interface PinnedGrader {
  readonly name: string;
  readonly kind: GraderKind;
  readonly weight: number;
  readonly version: GraderVersionView;
}

export interface ScorecardPlan {
  readonly pin: ScorecardPin;
  readonly graders: readonly PinnedGrader[];
  /** Grading calls a model (a judge, or a matcher that calls one): it counts in the run's concurrency. */
  readonly callsModel: boolean;
}

/** What a grader reads of one eval case's answer. */
export interface EvalAnswer {
  /** The prompt's last user turn as rendered for the case; null when it has none. */
  readonly input: string | null;
  /** The rendered system message; null when there is none. */
  readonly instructions: string | null;
  readonly output: string;
  /** The case's expected value; undefined or null when it expects nothing. */
  readonly expected: unknown;
  readonly vars: Readonly<Record<string, string>>;
  readonly latencyMs: number;
  /** The call's own cost; null when its model is unpriced. */
  readonly costPicoUsd: number | null;
  readonly toolCallCount: number;
}

export interface EvalGradeContext {
  /** The stored result the scores will name (target `eval_result`). */
  readonly resultId: string;
  readonly signal: AbortSignal;
  /** The run's own seam for matchers that call a model (its judge and embedding models). */
  readonly matcherContext: MatcherContext;
  /** Put on the judges' spans: which run and case they judged. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** What one grader said, as a result shows it. */
export interface GraderOutcome {
  readonly name: string;
  readonly version: number;
  readonly kind: GraderKind;
  readonly weight: number;
  readonly state: ItemState;
  readonly value: number | null;
  readonly level: string | null;
  readonly reason: string | null;
}

/** A scorecard's verdict on one case's answer, with the scores to store for it. */
export interface ScorecardGrade {
  /** `incomplete`: an item has no usable score (a human grader, a judge that could not judge). */
  readonly outcome: ScorecardOutcome;
  /** Weighted mean of the items that scored; partial when incomplete, null when none did. */
  readonly mean: number | null;
  /** One line: the verdict, then each grader's value or level and reason. */
  readonly reason: string;
  /** What the judges (and model-calling matchers) cost, priced calls only, in pico-dollars. */
  readonly judgeCostPicoUsd: number;
  /** Calls made whose model has no price. */
  readonly unpricedCalls: number;
  readonly graders: readonly GraderOutcome[];
  /** One per grader that ran (human graders wait for reviewers), naming the result. */
  readonly scores: readonly ScoreRecord[];
}

export interface ScorecardScorer {
  /**
   * Resolves a run's scorecard and pins it with each grader's version. Refuses, naming
   * `scorers.scorecard`, a scorecard that does not exist (NOT_FOUND), is archived
   * (VALIDATION_FAILED), or lacks the version asked for (NOT_FOUND, `scorers.scorecard.version`).
   */
  pin(ref: RunScorecardRef, where: string): Promise<ScorecardPlan>;
  /** The pinned versions loaded again (a run executing, or resumed: the same versions). */
  load(pin: ScorecardPin): Promise<ScorecardPlan>;
  /** Grades an answer with every grader; never throws (a grader that fails is unscored). */
  grade(plan: ScorecardPlan, answer: EvalAnswer, ctx: EvalGradeContext): Promise<ScorecardGrade>;
  /** Stores a grade's scores inside the caller's write transaction (the result's own). */
  storeScores(tx: Kysely<DB>, grade: ScorecardGrade): Promise<void>;
}
