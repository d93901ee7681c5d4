import { sql } from 'kysely';
import {
  DASHBOARD_SPLITS,
  MAX_DASHBOARD_DAYS,
  type DashboardSplit,
} from '../../../shared/contract/quality-insights';
import { PeriodicTask } from '../../kit/periodic-task';
import type { Store } from '../../store/store';
import { GraderRepository } from '../grader-repository';
import { ScorecardRepository } from '../scorecard-repository';
import { dayOf, dayRange } from './dashboard-range';
import { runsOf, sumDays } from './score-rollup';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * A day is summed once it ended at least this long ago. Its scores are final when it ends (a
 * score is stamped when stored), but its split values are read from the targets when the day
 * is summed, and the traces of the day's last interactions still arrive for a while (an app
 * exports its spans in batches, a gateway trace ends after its answer streams). The dashboard
 * itself sums a day on first ask as soon as it ends: that stays the fallback, for a day read
 * within this hour.
 */
export const SETTLE_MS = HOUR_MS;

/**
 * How many scores one step sums at most (one aggregate statement and one write transaction).
 * Whole days are summed (a day is marked done with its sums), so one day with more scores is
 * one step of its own. On SQLite the statement runs on the main thread and the write holds the
 * write queue it shares with ingest: tens of milliseconds per step, not seconds (at 20,000 the
 * bench's longest write took about 200 ms, split by model: a few thousand rows).
 */
const SCORES_PER_STEP = 5_000;

export interface RollupReport {
  /** Graders looked at. */
  readonly graders: number;
  /** sumDays calls, each a statement and a write transaction (0: nothing was left to sum). */
  readonly steps: number;
  /** Days marked summed (per grader and split). */
  readonly days: number;
}

/** The UTC days from `first` to `last`, inclusive. */
function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${first}T00:00:00.000Z`); dayOf(ms) <= last; ms += DAY_MS)
    days.push(dayOf(ms));
  return days;
}

/** The days a pass sums: of the longest range a dashboard shows, those ended an hour ago. */
export function rollupWindow(now: number): string[] {
  const today = Date.parse(`${dayOf(now)}T00:00:00.000Z`);
  const first = dayOf(today - (MAX_DASHBOARD_DAYS - 1) * DAY_MS);
  // The last day that ended SETTLE_MS ago or earlier.
  const last = dayOf(now - SETTLE_MS - DAY_MS);
  return last < first ? [] : daysFrom(first, last);
}

/**
 * The graders of every live scorecard at its latest version: what a dashboard shows when it
 * opens. A grader in no scorecard is never charted, so its scores are not summed (a second
 * judge's copy, an unused built-in): summing every grader with scores would spend the pass and
 * the table on days nobody reads. A grader added to a scorecard is summed by the next pass;
 * an archived scorecard, or an older version's grader, is summed when it is read (the
 * dashboard's own fallback).
 */
async function chartedGraders(store: Store): Promise<string[]> {
  const cards = await new ScorecardRepository(store.db).list(false);
  return [...new Set(cards.flatMap((card) => card.body.items.map((item) => item.graderId)))];
}

/**
 * Days of `days` as steps: runs of consecutive days (runsOf), each cut where its scores would
 * add up to more than `limit`.
 */
export function stepsOf(
  days: readonly string[],
  counts: ReadonlyMap<string, number>,
  limit = SCORES_PER_STEP,
): string[][] {
  const steps: string[][] = [];
  for (const run of runsOf(days)) {
    let step: string[] = [];
    let scores = 0;
    for (const day of run) {
      const n = counts.get(day) ?? 0;
      if (step.length > 0 && scores + n > limit) {
        steps.push(step);
        step = [];
        scores = 0;
      }
      step.push(day);
      scores += n;
    }
    steps.push(step);
  }
  return steps;
}

const yieldToOthers = () => new Promise((resolve) => setImmediate(resolve));

/**
 * One pass: every ended day of the window not summed yet, for each charted grader and split.
 * Over a database summed already it is one read of the scorecards and one count of the marks
 * per grader. `stopped` is asked between steps: a stop waits for one step, not the pass.
 */
export async function rollupPass(
  store: Store,
  now: number,
  stopped: () => boolean = () => false,
  onError: (err: unknown) => void = (err) => {
    throw err;
  },
): Promise<RollupReport> {
  const window = rollupWindow(now);
  if (window.length === 0) return { graders: 0, steps: 0, days: 0 };
  const graderIds = await chartedGraders(store);
  const first = window[0]!;
  const last = window[window.length - 1]!;
  let steps = 0;
  let days = 0;
  for (const graderId of graderIds) {
    // Between graders too: ingest and reads queued meanwhile go first.
    await yieldToOthers();
    if (stopped()) break;
    try {
      // The days summed already, every split at once (a few hundred small rows at most).
      const marks = await store.db
        .selectFrom('score_day_done')
        .select(['split', 'day'])
        .where('grader_id', '=', graderId)
        .where('day', '>=', first)
        .where('day', '<=', last)
        .execute();
      const missing = new Map<DashboardSplit, string[]>();
      for (const split of DASHBOARD_SPLITS) {
        const summed = new Set(marks.filter((m) => m.split === split).map((m) => m.day));
        const left = window.filter((d) => !summed.has(d));
        if (left.length > 0) missing.set(split, left);
      }
      if (missing.size === 0) continue;
      const versions = (await new GraderRepository(store.db).versionsOf(graderId)).map((v) => ({
        id: v.id,
        config: v.scoreConfig,
      }));
      if (versions.length === 0) continue;
      const all = [...missing.values()].flat().sort();
      // Scores per day over the days left (an index-only read of score_grader), to size steps.
      const counts = new Map(
        (
          await sql<{ day: string; n: number | string }>`
            SELECT substr(created_at, 1, 10) AS day, count(*) AS n FROM score
            WHERE grader_id = ${graderId} AND created_at >= ${dayRange(all[0]!).since}
              AND created_at < ${dayRange(all[all.length - 1]!).before}
            GROUP BY 1`.execute(store.db)
        ).rows.map((r) => [r.day, Number(r.n)]),
      );
      for (const [split, left] of missing) {
        for (const step of stepsOf(left, counts)) {
          if (stopped()) return { graders: graderIds.length, steps, days };
          await sumDays(store, { graderId, versions }, split, step);
          steps++;
          days += step.length;
          await yieldToOthers();
        }
      }
    } catch (err) {
      // One grader's failure (a statement timing out) leaves the others summed.
      onError(err);
    }
  }
  return { graders: graderIds.length, steps, days };
}

/**
 * The background score rollup: sums ended days of the charted graders ahead of any read, so a
 * dashboard's first view reads sums instead of every score of its range. Shortly after start,
 * then hourly: a day is summed between one and about two hours after it ends (SETTLE_MS plus
 * up to an interval), and until then a dashboard sums it on first ask.
 */
export class ScoreRollupRunner extends PeriodicTask<RollupReport> {
  constructor(
    store: Store,
    onError: (err: unknown) => void,
    timing = { firstDelayMs: 20_000, intervalMs: HOUR_MS },
  ) {
    super((now, stopped) => rollupPass(store, now, stopped, onError), onError, timing);
  }
}
