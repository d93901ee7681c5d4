import type { BacktestScheduleView, CandidateVerdict } from '../../../shared/contract/backtests';
import type { ParsedInput } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { newId } from '../../kit/ids';
import { PeriodicTask } from '../../kit/periodic-task';
import type { Store } from '../../store/store';
import type { RunRecord, ScheduleRecord } from './backtest-records';
import { BacktestRepository } from './backtest-repository';

/** The next time at or after `after` a schedule fires (UTC): today's or the next matching day's. */
export function nextRunAt(
  s: Pick<ScheduleRecord, 'cadence' | 'at' | 'weekday'>,
  after: Date,
): string {
  const [h, m] = s.at.split(':').map(Number) as [number, number];
  const next = new Date(
    Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), h, m),
  );
  while (
    next.getTime() <= after.getTime() ||
    (s.cadence === 'weekly' && next.getUTCDay() !== s.weekday)
  )
    next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

const view = (s: ScheduleRecord): BacktestScheduleView => ({
  id: s.id,
  name: s.name,
  setId: s.setId,
  cadence: s.cadence,
  at: s.at,
  weekday: s.weekday,
  alertBelow: s.alertBelow,
  enabled: s.enabled,
  nextRunAt: s.nextRunAt,
  lastRunId: s.lastRunId,
  createdAt: s.createdAt,
});

export interface ScheduleDeps {
  readonly store: Store;
  /** Checks the spec and the set (as a run would), returning the set's id. */
  readonly check: (input: ParsedInput<'backtests.schedules.create'>) => Promise<string>;
  /** Starts a run of a schedule. */
  readonly start: (s: ScheduleRecord) => Promise<string>;
  /** Raises a pulse alert; returns its id. */
  readonly alert: (input: {
    ruleName: string;
    value: number;
    summary: string;
    interactionIds: string[];
    threshold: number;
    window: { from: string; to: string };
  }) => Promise<string>;
  readonly onError: (err: unknown) => void;
}

/**
 * Scheduled backtests: a minute timer (started by the long-lived shells, like pulse) starts the
 * runs that are due. A schedule is claimed by moving its next run on with a conditional UPDATE,
 * so two processes on one database start it once.
 */
export class BacktestSchedules {
  private readonly repo: BacktestRepository;
  private readonly task: PeriodicTask<number>;

  constructor(private readonly deps: ScheduleDeps) {
    this.repo = new BacktestRepository(deps.store.db);
    this.task = new PeriodicTask((now) => this.tick(new Date(now)), deps.onError, {
      firstDelayMs: 5_000,
      intervalMs: 60_000,
    });
  }

  start(): void {
    this.task.start();
  }

  async stop(): Promise<void> {
    await this.task.stop();
  }

  async create(input: ParsedInput<'backtests.schedules.create'>): Promise<BacktestScheduleView> {
    const setId = await this.deps.check(input);
    const weekday = input.weekday ?? null;
    const record: ScheduleRecord = {
      id: newId(),
      name: input.name,
      setId,
      spec: { baseline: input.baseline, candidates: input.candidates, scorecard: input.scorecard },
      cadence: input.cadence,
      at: input.at,
      weekday,
      alertBelow: input.alertBelow,
      concurrency: input.concurrency,
      enabled: true,
      nextRunAt: nextRunAt({ cadence: input.cadence, at: input.at, weekday }, new Date()),
      lastRunId: null,
      createdAt: new Date().toISOString(),
    };
    await this.deps.store.writes.run((tx) => new BacktestRepository(tx).insertSchedule(record));
    return view(record);
  }

  async list(): Promise<BacktestScheduleView[]> {
    return (await this.repo.listSchedules()).map(view);
  }

  async delete(id: string): Promise<boolean> {
    let deleted = false;
    await this.deps.store.writes.run(async (tx) => {
      deleted = await new BacktestRepository(tx).deleteSchedule(id);
    });
    if (!deleted)
      throw new AssayError('NOT_FOUND', `backtests.schedules.delete: no schedule "${id}"`, {
        field: 'id',
      });
    return true;
  }

  /** Starts every due schedule once; returns how many it started. */
  async tick(now: Date): Promise<number> {
    let started = 0;
    for (const s of await this.repo.dueSchedules(now.toISOString())) {
      const next = nextRunAt(s, now);
      let claimed = false;
      await this.deps.store.writes.run(async (tx) => {
        claimed = await new BacktestRepository(tx).claimSchedule(s.id, s.nextRunAt!, next);
      });
      if (!claimed) continue;
      try {
        const runId = await this.deps.start(s);
        await this.deps.store.writes.run((tx) =>
          new BacktestRepository(tx).setScheduleLastRun(s.id, runId),
        );
        started++;
      } catch (err) {
        this.deps.onError(err);
      }
    }
    return started;
  }

  /** After a scheduled run: a candidate significantly worse by more than the threshold raises an alert. */
  async checkRegression(run: RunRecord, verdicts: readonly CandidateVerdict[]): Promise<string[]> {
    if (!run.scheduleId) return [];
    const schedule = await this.repo.scheduleById(run.scheduleId);
    if (!schedule) return [];
    const raised: string[] = [];
    for (const v of verdicts) {
      if (v.verdict !== 'worse' || v.meanDelta === null || v.meanDelta >= -schedule.alertBelow)
        continue;
      raised.push(
        await this.deps.alert({
          ruleName: `backtest schedule "${schedule.name}"`,
          value: v.meanDelta,
          threshold: -schedule.alertBelow,
          summary: `${schedule.name}: ${v.label} scored ${v.meanDelta.toFixed(3)} against ${run.spec.baseline.label} (95% CI ${v.interval!.low.toFixed(3)} to ${v.interval!.high.toFixed(3)}; ${v.wins} wins, ${v.losses} losses, ${v.unscoredPairs} unscored)`,
          interactionIds: [],
          window: { from: run.startedAt ?? run.createdAt, to: new Date().toISOString() },
        }),
      );
    }
    return raised;
  }
}
