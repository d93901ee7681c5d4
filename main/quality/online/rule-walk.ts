import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';
import type { InteractionCursor, InteractionRecord } from '../../tracing/interaction-repository';
import {
  gradeInteraction,
  ruleTakes,
  type GradingContext,
  type InteractionOutcome,
} from './grade-interaction';
import { graderScoreRecord } from '../grader-scores';
import { mapUntil } from './map-until';
import { addSpend, newTally, splitDone, type Move, type PageTally } from './page-commit';
import type { RescoreWindow } from './rule-repository';
import { versionsScored } from './scored-versions';

/**
 * One page of a rule's work, read and graded: the walk over new interactions, a rescore of
 * what it scored, or interactions that arrived behind its walk. What a page did is data (a
 * GradedPage): the runner stores it in one transaction with the rule's new position
 * (page-commit.ts), whether the page was graded on its thread or on the grading worker.
 */

export interface WalkDeps {
  /** Where the page reads (the scores a rescore looks at). */
  readonly db: Kysely<DB>;
  readonly interactionsAfter: (
    cursor: InteractionCursor,
    limit: number,
    through?: InteractionCursor,
  ) => Promise<InteractionRecord[]>;
  readonly pageSize: number;
  /** Interactions graded at once (judge calls wait on the network). */
  readonly concurrency: number;
}

/** A page read and graded: what to store (page-commit.ts), and what the runner learns. */
export interface GradedPage {
  /** Nothing was read: nothing to store either. */
  readonly empty: boolean;
  readonly tally: PageTally;
  readonly move: Move;
  /** Interactions the page moved past. */
  readonly walked: number;
  /** Whether the page was full (more may follow at once). */
  readonly full: boolean;
  /** Why the page stopped early: a provider failure (retried later); null when it did not. */
  readonly failure: unknown;
  /** A rescore waits for the budget: the day's judge budget is spent. */
  readonly waiting: boolean;
  /**
   * Thread time of reading and grading: the wall time, unless it waited on judge calls, which
   * is not the thread's time.
   */
  readonly gradingMs: number;
  /** A walk's new position and the ids it walked (empty for the other pages). */
  readonly after: InteractionCursor | null;
  readonly ids: readonly string[];
}

type Outcomes = readonly (InteractionOutcome | undefined)[];

function gradingMs(started: number, tally: PageTally): number {
  return tally.meter.calls > 0 ? 0 : performance.now() - started;
}

const stops = (o: InteractionOutcome) => o.kind === 'halted' || o.kind === 'waiting';

function tallyOf(tally: PageTally, outcomes: Outcomes, done: number) {
  outcomes.forEach((o, i) => {
    if (o === undefined || o.kind === 'skipped') {
      if (o !== undefined && i < done) tally.skipped += 1;
      return;
    }
    addSpend(tally, o.meter);
    if (i >= done || o.kind !== 'graded') return;
    for (const row of o.scores) tally.scores.push(graderScoreRecord(row));
    tally.budgetSkipped += o.budgetSkipped;
  });
}

/** The failure a page stopped at, and whether it waits for the budget. */
function stopOf(stop: ReturnType<typeof splitDone>['stop']) {
  return {
    failure: stop?.kind === 'halted' ? stop.error : null,
    waiting: stop?.kind === 'waiting',
  };
}

/** The next page of new interactions: filter, sampling, every grader of the plan. */
export async function gradeWalk(
  deps: WalkDeps,
  ctx: GradingContext,
  after: InteractionCursor,
  horizon: InteractionCursor | undefined,
): Promise<GradedPage> {
  const started = performance.now();
  const page = await deps.interactionsAfter(after, deps.pageSize, horizon);
  const outcomes = await mapUntil(
    page,
    deps.concurrency,
    async (i): Promise<InteractionOutcome> =>
      (await ruleTakes(ctx.rule, i, ctx.facts))
        ? gradeInteraction(ctx, i, { onBudget: 'skip' })
        : { kind: 'skipped' },
    stops,
  );
  const { done, stop } = splitDone(outcomes);
  const tally = newTally();
  tallyOf(tally, outcomes, done);
  tally.scored = outcomes.slice(0, done).filter((o) => o?.kind === 'graded').length;
  const last = done > 0 ? page[done - 1]! : null;
  const next = last ? { createdAt: last.createdAt, id: last.id } : after;
  return {
    empty: page.length === 0,
    tally,
    move: last ? { walk: next } : null,
    walked: done,
    full: page.length === deps.pageSize && stop === null,
    ...stopOf(stop),
    gradingMs: page.length === 0 ? 0 : gradingMs(started, tally),
    after: next,
    ids: page.slice(0, done).map((i) => i.id),
  };
}

/**
 * Grades, among interactions the rule walked, those it scored (a score from one of its
 * graders) and still takes, with each planned version that has not scored them yet.
 */
async function gradeMissing(
  deps: WalkDeps,
  ctx: GradingContext,
  interactions: readonly InteractionRecord[],
  onlyScored: boolean,
  onBudget: 'skip' | 'wait',
) {
  const graderIds = [...new Set(ctx.plan.map((g) => g.version.graderId))];
  const scored = await versionsScored(
    deps.db,
    interactions.map((i) => i.id),
    graderIds,
  );
  return mapUntil(
    interactions,
    deps.concurrency,
    async (i): Promise<InteractionOutcome> => {
      const versions = scored.get(i.id);
      if (onlyScored && versions === undefined) return { kind: 'skipped' };
      if (!(await ruleTakes(ctx.rule, i, ctx.facts))) return { kind: 'skipped' };
      return gradeInteraction(ctx, i, { scored: versions ?? new Set(), onBudget });
    },
    stops,
  );
}

/** One page of a rescore: its window moves on, or ends (null) after its last page. */
export async function gradeRescore(
  deps: WalkDeps,
  ctx: GradingContext,
  window: RescoreWindow,
): Promise<GradedPage> {
  const started = performance.now();
  const page = await deps.interactionsAfter(window.after, deps.pageSize, window.through);
  const outcomes = await gradeMissing(deps, ctx, page, true, 'wait');
  const { done, stop } = splitDone(outcomes);
  const tally = newTally();
  tallyOf(tally, outcomes, done);
  // A rescore's counts are its own: the walk's scored/skipped stay as they were.
  tally.skipped = 0;
  tally.budgetSkipped = 0;
  const rescored = outcomes
    .slice(0, done)
    .filter((o) => o?.kind === 'graded' && o.scores.length > 0).length;
  const last = done > 0 ? page[done - 1]! : null;
  const finished = stop === null && page.length < deps.pageSize;
  const rest = last
    ? { after: { createdAt: last.createdAt, id: last.id }, through: window.through }
    : window;
  return {
    empty: false,
    tally,
    move: { rescore: finished ? null : rest, rescored },
    walked: done,
    full: !finished,
    ...stopOf(stop),
    gradingMs: gradingMs(started, tally),
    after: null,
    ids: [],
  };
}

/**
 * Interactions that arrived behind the walk (an app's own older `createdAt`, a same-instant
 * tie): graded with what has not scored them, so one the walk did see is not graded twice.
 * Only those graded are counted (whether the walk counted a skipped one is not known).
 */
export async function gradeLate(
  deps: WalkDeps,
  ctx: GradingContext,
  interactions: readonly InteractionRecord[],
): Promise<GradedPage> {
  const started = performance.now();
  const outcomes = await gradeMissing(deps, ctx, interactions, false, 'skip');
  const { done, stop } = splitDone(outcomes);
  const tally = newTally();
  tallyOf(tally, outcomes, done);
  // Counted by the walk already if it saw them (a judge it skipped is skipped again here).
  tally.skipped = 0;
  tally.budgetSkipped = 0;
  tally.scored = outcomes
    .slice(0, done)
    .filter((o) => o?.kind === 'graded' && o.scores.length > 0).length;
  return {
    empty: false,
    tally,
    move: null,
    walked: done,
    full: false,
    ...stopOf(stop),
    waiting: false,
    gradingMs: gradingMs(started, tally),
    after: null,
    ids: [],
  };
}
