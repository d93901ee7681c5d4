import type { DashboardSplit } from '../../../shared/contract/quality-insights';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';
import type { Store } from '../../store/store';
import { dayRange } from './dashboard-range';
import type { ScoreConfig } from '../../../shared/contract/quality';
import {
  aggregateQuery,
  type AggregateRow,
  type ScoreScope,
  type VersionConfig,
} from './dashboard-sql';
import { normalizedRowSum } from './score-buckets';

/**
 * Per-day sums of a grader's scores (the score_day table, migration 0014), read by dashboards
 * for ended UTC days: a dashboard over a million scores reads a few rows per grader and day
 * instead of every score (bench/scorecard-dashboard). The rollup runner (rollup-runner.ts) sums
 * the days of the scorecards' graders in the background an hour after each day ends, so a first
 * view is warm too; a day not summed yet is summed the first time a dashboard asks for it.
 *
 * Why a day, once ended, can be summed once: a score is stamped with the time it is stored and
 * never changes (ScoreRepository writes no past times and updates no rows). The split values
 * are read from the targets when the day is summed; a trace that reaches Assay after its
 * interaction's day was summed is not in that day's split. Anything that ever stores scores
 * with a past time must clear that day's marks (forgetDays).
 */

const ROWS_PER_INSERT = 500;

/** Consecutive days (each the day after the one before) as runs. */
export function runsOf(days: readonly string[]): string[][] {
  const runs: string[][] = [];
  let prev = Number.NaN;
  for (const day of days) {
    const ms = Date.parse(`${day}T00:00:00.000Z`);
    if (ms - prev === 86_400_000) runs[runs.length - 1]!.push(day);
    else runs.push([day]);
    prev = ms;
  }
  return runs;
}

const toRow = (
  graderId: string,
  split: DashboardSplit,
  configs: ReadonlyMap<string, ScoreConfig>,
  r: AggregateRow,
) => ({
  grader_id: graderId,
  split,
  day: r.day,
  grader_version_id: r.v,
  source: r.src,
  split_key: r.sk,
  bucket: r.b,
  n: Number(r.n),
  scored: Number(r.scored),
  total: r.total === null ? 0 : Number(r.total),
  norm_sum: normalizedRowSum(configs, r),
  cost_pico_usd: r.cost === null ? null : Number(r.cost),
});

/**
 * Sums the given ended days of a grader that are not summed yet, a run of consecutive days per
 * statement; the sums and the marks of a run are stored together. Two processes summing one
 * day store the same rows: the second insert changes nothing.
 */
export async function sumDays(
  store: Store,
  grader: { readonly graderId: string; readonly versions: readonly VersionConfig[] },
  split: DashboardSplit,
  days: readonly string[],
): Promise<void> {
  if (days.length === 0) return;
  const configs = new Map(grader.versions.map((v) => [v.id, v.config]));
  const marked = await store.db
    .selectFrom('score_day_done')
    .select('day')
    .where('grader_id', '=', grader.graderId)
    .where('split', '=', split)
    .where('day', '>=', days[0]!)
    .where('day', '<=', days[days.length - 1]!)
    .execute();
  const done = new Set(marked.map((m) => m.day));
  for (const run of runsOf(days.filter((d) => !done.has(d)))) {
    const scope = {
      graderId: grader.graderId,
      versionId: null,
      since: dayRange(run[0]!).since,
      before: dayRange(run[run.length - 1]!).before,
      source: undefined,
    };
    for (let attempt = 1; !(await sumRun(store, grader, split, configs, scope, run)); attempt++)
      if (attempt === SUM_ATTEMPTS)
        throw new Error(
          `the scores of ${run[0]} to ${run[run.length - 1]} kept changing while they were summed; try again`,
        );
  }
}

/** Deletes landing between a run's read and its write, in a row, before sumDays gives up. */
const SUM_ATTEMPTS = 3;

/**
 * Reads a run's sums, then stores them with their marks, unless the run's scores changed in
 * between: the read runs outside the write transaction (it can take a while, and the queue is
 * shared with ingest), so a delete of some of those scores (a run deleted, a retention purge:
 * forget-target-scores.ts) can commit between the two, and its forgetting would come before
 * sums still counting them. So the write counts the run's scores again first (an index range)
 * and stores nothing if that is not what was summed. False: read again.
 */
async function sumRun(
  store: Store,
  grader: { readonly graderId: string; readonly versions: readonly VersionConfig[] },
  split: DashboardSplit,
  configs: ReadonlyMap<string, ScoreConfig>,
  scope: ScoreScope,
  run: readonly string[],
): Promise<boolean> {
  const { graderId } = grader;
  const { rows } = await aggregateQuery(scope, split, grader.versions, true).execute(store.db);
  const sums = rows.map((r) => toRow(graderId, split, configs, r));
  const summed = sums.reduce((total, r) => total + r.n, 0);
  let stored = false;
  await store.writes.run(async (tx) => {
    const now = await tx
      .selectFrom('score')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('grader_id', '=', graderId)
      .where('created_at', '>=', scope.since)
      .where('created_at', '<', scope.before)
      .executeTakeFirstOrThrow();
    if (Number(now.n) !== summed) return;
    for (let i = 0; i < sums.length; i += ROWS_PER_INSERT)
      await tx
        .insertInto('score_day')
        .values(sums.slice(i, i + ROWS_PER_INSERT))
        .onConflict((oc) => oc.doNothing())
        .execute();
    for (let i = 0; i < run.length; i += ROWS_PER_INSERT)
      await tx
        .insertInto('score_day_done')
        .values(
          run.slice(i, i + ROWS_PER_INSERT).map((day) => ({ grader_id: graderId, split, day })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    stored = true;
  });
  return stored;
}

/** Drops a grader's sums of the given days, every split: they are summed again when asked. */
export async function forgetDays(
  store: Store,
  graderId: string,
  days: readonly string[],
): Promise<void> {
  if (days.length === 0) return;
  await store.writes.run((tx) => forgetDaysIn(tx, graderId, days));
}

/** forgetDays inside the caller's write transaction (scores deleted with their targets). */
export async function forgetDaysIn(
  tx: Kysely<DB>,
  graderId: string,
  days: readonly string[],
): Promise<void> {
  if (days.length === 0) return;
  await tx
    .deleteFrom('score_day')
    .where('grader_id', '=', graderId)
    .where('day', 'in', [...days])
    .execute();
  await tx
    .deleteFrom('score_day_done')
    .where('grader_id', '=', graderId)
    .where('day', 'in', [...days])
    .execute();
}
