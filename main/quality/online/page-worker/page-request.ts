import { AssayError } from '../../../../shared/errors';
import { refusedError, type RefusedError } from '../../../kit/worker-client';
import type { Kysely } from 'kysely';
import type { DB } from '../../../store/schema';
import type { Store } from '../../../store/store';
import type { InteractionCursor, InteractionRecord } from '../../../tracing/interaction-repository';
import type { GradingContext } from '../grade-interaction';
import { pageFacts, type GradingFacts } from '../grading-facts';
import { PageBudget } from '../page-budget';
import { commitPage, newTally } from '../page-commit';
import type { JudgeCallDeps } from '../registry-judge';
import type { RescoreWindow, RuleRecord } from '../rule-repository';
import type { PlannedGrader } from '../rule-plan';
import { gradeLate, gradeRescore, gradeWalk, type GradedPage, type WalkDeps } from '../rule-walk';

/**
 * A page of a rule whose graders call no model, as data: what it needs crosses to the grading
 * worker (page-runner.ts), which reads, grades and stores it on its own connection.
 */
export interface PageSpec {
  readonly rule: RuleRecord;
  readonly plan: readonly PlannedGrader[];
  /** The scores' creation time. */
  readonly now: string;
  readonly pageSize: number;
  readonly concurrency: number;
}

/** The three pages of rule-walk.ts: the walk, a rescore, arrivals behind the walk. */
export type PageWork =
  | {
      readonly kind: 'walk';
      readonly after: InteractionCursor;
      readonly horizon: InteractionCursor | undefined;
    }
  | { readonly kind: 'rescore'; readonly window: RescoreWindow }
  | { readonly kind: 'late'; readonly interactions: readonly InteractionRecord[] };

export type PageRequest = PageWork & { readonly spec: PageSpec };

/** A graded page as it crosses back: the failure as data (refusedToError makes it an Error). */
export type PageResult = Omit<GradedPage, 'failure'> & {
  readonly failure: RefusedError | null;
  /** Stored already (holding the write lock this long), or null: the runner stores it. */
  readonly storedMs: number | null;
};

/** What a page reads through, on whichever thread grades it. */
export interface PageEnv {
  readonly db: Kysely<DB>;
  /**
   * Where the page is stored once graded (the worker's own connection), or absent: the
   * runner stores it on the core's.
   */
  readonly store?: Store;
  readonly interactionsAfter: WalkDeps['interactionsAfter'];
  readonly facts: GradingFacts;
  readonly signal: AbortSignal;
}

export const callsJudge = (plan: readonly PlannedGrader[]) =>
  plan.some((g) => g.kind === 'llm_judge');

/** Never called: a page sent here has no judge (callsJudge), so nothing is spent either. */
const NO_JUDGE: JudgeCallDeps = {
  llm: {
    call: () => Promise.reject(new AssayError('INTERNAL', 'a model-free page called a judge')),
  },
  resolvePrompt: () =>
    Promise.reject(new AssayError('INTERNAL', 'a model-free page resolved a judge prompt')),
};

/**
 * Reads and grades one model-free page (rule-walk.ts), stores it if `env` has a store, and
 * reports it as data.
 */
export async function gradePage(env: PageEnv, request: PageRequest): Promise<PageResult> {
  const { spec } = request;
  if (callsJudge(spec.plan))
    throw new AssayError(
      'INTERNAL',
      `rule ${spec.rule.id}: a page with judges sent to the grading worker`,
    );
  const ctx: GradingContext = {
    rule: spec.rule,
    plan: spec.plan,
    judge: NO_JUDGE,
    budget: new PageBudget(spec.rule.dailyBudgetPicoUsd, 0, null),
    facts: pageFacts(env.facts),
    signal: env.signal,
    now: spec.now,
  };
  const deps: WalkDeps = {
    db: env.db,
    interactionsAfter: env.interactionsAfter,
    pageSize: spec.pageSize,
    concurrency: spec.concurrency,
  };
  const graded =
    request.kind === 'walk'
      ? await gradeWalk(deps, ctx, request.after, request.horizon)
      : request.kind === 'rescore'
        ? await gradeRescore(deps, ctx, request.window)
        : await gradeLate(deps, ctx, request.interactions);
  const { failure } = graded;
  let storedMs: number | null = null;
  if (env.store && !graded.empty) {
    // The lock's time, begin to commit (the queue holds only this write here).
    const held = env.store.writes.heldMs();
    await commitPage(env.store, spec.rule.id, graded.tally, graded.move, spec.now);
    storedMs = env.store.writes.heldMs() - held;
  }
  return {
    ...graded,
    // Stored: the scores need not cross back.
    tally: storedMs === null ? graded.tally : newTally(),
    failure: failure === null || failure === undefined ? null : refusedError(failure),
    storedMs,
  };
}
