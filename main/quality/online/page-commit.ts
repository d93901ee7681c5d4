import type { Store } from '../../store/store';
import type { InteractionCursor } from '../../tracing/interaction-repository';
import { utcDay } from './budget-gate';
import type { InteractionOutcome } from './grade-interaction';
import { newMeter, type JudgeMeter } from './registry-judge';
import { RuleRepository, type RescoreWindow } from './rule-repository';
import { writeGraderScoreRecords } from '../grader-scores';
import type { ScoreRecord } from '../score-repository';

/** What a walked page (or part of one) adds up to, ready to store. */
export interface PageTally {
  /** The scores as stored (graderScoreRecord), made where the page was graded. */
  readonly scores: ScoreRecord[];
  scored: number;
  skipped: number;
  budgetSkipped: number;
  /** Spend of every judge call made, also under outcomes not stored (the calls were paid). */
  readonly meter: JudgeMeter;
}

export const newTally = (): PageTally => ({
  scores: [],
  scored: 0,
  skipped: 0,
  budgetSkipped: 0,
  meter: newMeter(),
});

export function addSpend(tally: PageTally, meter: JudgeMeter): void {
  tally.meter.picoUsd += meter.picoUsd;
  tally.meter.calls += meter.calls;
  tally.meter.unpriced += meter.unpriced;
}

/**
 * Splits outcomes at the first that halted or waits: the ones before it are done (stored, and
 * the walk moves past them); from it on nothing is stored and the walk resumes there.
 */
export function splitDone(outcomes: readonly (InteractionOutcome | undefined)[]): {
  readonly done: number;
  readonly stop: Extract<InteractionOutcome, { kind: 'halted' | 'waiting' }> | null;
} {
  const at = outcomes.findIndex(
    (o) => o === undefined || o.kind === 'halted' || o.kind === 'waiting',
  );
  if (at === -1) return { done: outcomes.length, stop: null };
  const first = outcomes
    .slice(at)
    .find((o) => o !== undefined && (o.kind === 'halted' || o.kind === 'waiting'));
  return {
    done: at,
    stop: (first as Extract<InteractionOutcome, { kind: 'halted' | 'waiting' }>) ?? null,
  };
}

export type Move =
  | { readonly walk: InteractionCursor }
  | { readonly rescore: RescoreWindow | null; readonly rescored: number }
  | null;

/**
 * Stores a page's scores, moves the rule's walk (or its rescore) past what was done, and adds
 * the judge spend to the rule's day: one transaction, so a crash leaves the scores and the
 * position agreeing, and the next walk neither repeats nor misses an interaction.
 */
export async function commitPage(
  store: Store,
  ruleId: string,
  tally: PageTally,
  move: Move,
  now: string,
): Promise<number> {
  // The thread time of this write alone (the batch it commits in holds others' writes too).
  let busyMs = 0;
  // A page holds hundreds of scores: it must not hold up ingest's batch (runLarge).
  await store.writes.runLarge(async (tx) => {
    const started = performance.now();
    await writeGraderScoreRecords(tx, store.dialect, tally.scores);
    const repo = new RuleRepository(tx);
    if (move !== null && 'walk' in move)
      await repo.advance(ruleId, { after: move.walk, ...tally }, now);
    else if (move !== null) await repo.setRescore(ruleId, move.rescore, move.rescored, now);
    else await repo.addCounts(ruleId, tally, now);
    await repo.addSpend(ruleId, utcDay(Date.parse(now)), tally.meter.picoUsd, tally.meter.calls);
    busyMs += performance.now() - started;
  });
  return busyMs;
}
