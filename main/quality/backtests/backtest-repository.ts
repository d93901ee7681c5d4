import { sql, type Kysely, type Selectable } from 'kysely';
import { readJson, readJsonOrNull, writeJson } from '../../store/json-column';
import type {
  BacktestItemTable,
  BacktestResultTable,
  BacktestRunTable,
  BacktestScheduleTable,
  BacktestSetTable,
  DB,
} from '../../store/schema';
import type {
  ItemRecord,
  ResultRecord,
  RunRecord,
  RunStatus,
  ScheduleRecord,
  SetRecord,
} from './backtest-records';

const toSet = (row: Selectable<BacktestSetTable>): SetRecord => ({
  id: row.id,
  name: row.name,
  description: row.description,
  source: row.source as SetRecord['source'],
  definition: readJson(row.definition_json),
  itemCount: row.item_count,
  strata: readJson(row.strata_json),
  calls: row.calls,
  inputTokens: row.input_tokens,
  outputTokens: row.output_tokens,
  archived: row.archived === 1,
  createdAt: row.created_at,
});

const toItem = (row: Selectable<BacktestItemTable>): ItemRecord => ({
  setId: row.set_id,
  position: row.position,
  interactionId: row.interaction_id,
  caseId: row.case_id,
  stratum: row.stratum,
  frozen: readJson(row.frozen_json),
  occurredAt: row.occurred_at,
});

const toRun = (row: Selectable<BacktestRunTable>): RunRecord => ({
  id: row.id,
  name: row.name,
  setId: row.set_id,
  status: row.status as RunStatus,
  spec: readJson(row.spec_json),
  pin: readJson(row.scorecard_pin_json),
  concurrency: row.concurrency,
  itemCount: row.item_count,
  estimate: readJson(row.estimate_json),
  verdicts: readJsonOrNull(row.verdicts_json),
  scheduleId: row.schedule_id,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  error: row.error,
});

const toResult = (row: Selectable<BacktestResultTable>): ResultRecord => ({
  runId: row.run_id,
  position: row.position,
  side: row.side,
  status: row.status as ResultRecord['status'],
  output: row.output,
  error: row.error,
  score: row.score,
  outcome: row.outcome as ResultRecord['outcome'],
  reason: row.reason,
  graders: readJson(row.graders_json),
  costPicoUsd: row.cost_pico_usd,
  judgeCostPicoUsd: row.judge_cost_pico_usd,
  latencyMs: row.latency_ms,
  inputTokens: row.input_tokens,
  outputTokens: row.output_tokens,
  spanIds: readJson(row.span_ids_json),
  createdAt: row.created_at,
});

const toSchedule = (row: Selectable<BacktestScheduleTable>): ScheduleRecord => ({
  id: row.id,
  name: row.name,
  setId: row.set_id,
  spec: readJson(row.spec_json),
  cadence: row.cadence as ScheduleRecord['cadence'],
  at: row.at_time,
  weekday: row.weekday,
  alertBelow: row.alert_below,
  concurrency: row.concurrency,
  enabled: row.enabled === 1,
  nextRunAt: row.next_run_at,
  lastRunId: row.last_run_id,
  createdAt: row.created_at,
});

export interface SideSums {
  readonly runId: string;
  readonly side: number;
  readonly results: number;
  readonly scored: number;
  readonly errors: number;
  readonly mean: number | null;
  readonly passes: number;
  readonly costPicoUsd: number | null;
  readonly priced: number;
  readonly unpriced: number;
}

/** Items go in chunks: a statement's bound parameters are limited (SQLite: 32,766). */
const ITEM_CHUNK = 500;

/** Backtest sets, their frozen items, runs, results and schedules. */
export class BacktestRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertSet(set: SetRecord, items: readonly ItemRecord[]): Promise<void> {
    await this.db
      .insertInto('backtest_set')
      .values({
        id: set.id,
        name: set.name,
        description: set.description,
        source: set.source,
        definition_json: writeJson(set.definition),
        item_count: set.itemCount,
        strata_json: writeJson(set.strata),
        calls: set.calls,
        input_tokens: set.inputTokens,
        output_tokens: set.outputTokens,
        archived: set.archived ? 1 : 0,
        created_at: set.createdAt,
      })
      .execute();
    for (let i = 0; i < items.length; i += ITEM_CHUNK)
      await this.db
        .insertInto('backtest_item')
        .values(
          items.slice(i, i + ITEM_CHUNK).map((item) => ({
            set_id: item.setId,
            position: item.position,
            interaction_id: item.interactionId,
            case_id: item.caseId,
            stratum: item.stratum,
            frozen_json: writeJson(item.frozen),
            occurred_at: item.occurredAt,
          })),
        )
        .execute();
  }

  async setById(id: string): Promise<SetRecord | null> {
    const row = await this.db
      .selectFrom('backtest_set')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSet(row) : null;
  }

  async liveSetByName(name: string): Promise<SetRecord | null> {
    const row = await this.db
      .selectFrom('backtest_set')
      .selectAll()
      .where('name', '=', name)
      .where('archived', '=', 0)
      .executeTakeFirst();
    return row ? toSet(row) : null;
  }

  async listSets(includeArchived: boolean): Promise<SetRecord[]> {
    let q = this.db.selectFrom('backtest_set').selectAll();
    if (!includeArchived) q = q.where('archived', '=', 0);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toSet);
  }

  async setArchived(id: string, archived: boolean): Promise<void> {
    await this.db
      .updateTable('backtest_set')
      .set({ archived: archived ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }

  async items(setId: string, offset = 0, limit = 1_000_000): Promise<ItemRecord[]> {
    const rows = await this.db
      .selectFrom('backtest_item')
      .selectAll()
      .where('set_id', '=', setId)
      .orderBy('position')
      .offset(offset)
      .limit(limit)
      .execute();
    return rows.map(toItem);
  }

  async insertRun(run: RunRecord): Promise<void> {
    await this.db
      .insertInto('backtest_run')
      .values({
        id: run.id,
        name: run.name,
        set_id: run.setId,
        status: run.status,
        spec_json: writeJson(run.spec),
        scorecard_pin_json: writeJson(run.pin),
        concurrency: run.concurrency,
        item_count: run.itemCount,
        estimate_json: writeJson(run.estimate),
        verdicts_json: run.verdicts ? writeJson(run.verdicts) : null,
        schedule_id: run.scheduleId,
        created_at: run.createdAt,
        started_at: run.startedAt,
        finished_at: run.finishedAt,
        error: run.error,
      })
      .execute();
  }

  async runById(id: string): Promise<RunRecord | null> {
    const row = await this.db
      .selectFrom('backtest_run')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRun(row) : null;
  }

  async listRuns(setId: string | undefined, limit: number): Promise<RunRecord[]> {
    let q = this.db.selectFrom('backtest_run').selectAll();
    if (setId) q = q.where('set_id', '=', setId);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toRun);
  }

  /** Runs of a status (the ones a crash left `running`, to mark when the app starts again). */
  async runsWithStatus(status: RunStatus): Promise<RunRecord[]> {
    const rows = await this.db
      .selectFrom('backtest_run')
      .selectAll()
      .where('status', '=', status)
      .execute();
    return rows.map(toRun);
  }

  async updateRun(
    id: string,
    fields: Partial<Pick<RunRecord, 'status' | 'startedAt' | 'finishedAt' | 'error' | 'verdicts'>>,
  ): Promise<void> {
    await this.db
      .updateTable('backtest_run')
      .set({
        ...(fields.status !== undefined ? { status: fields.status } : {}),
        ...(fields.startedAt !== undefined ? { started_at: fields.startedAt } : {}),
        ...(fields.finishedAt !== undefined ? { finished_at: fields.finishedAt } : {}),
        ...(fields.error !== undefined ? { error: fields.error } : {}),
        ...(fields.verdicts !== undefined
          ? { verdicts_json: fields.verdicts === null ? null : writeJson(fields.verdicts) }
          : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Stores one result unless that (run, item, side) is stored already; returns whether it was new. */
  async insertResult(result: ResultRecord): Promise<boolean> {
    const done = await this.db
      .insertInto('backtest_result')
      .values({
        run_id: result.runId,
        position: result.position,
        side: result.side,
        status: result.status,
        output: result.output,
        error: result.error,
        score: result.score,
        outcome: result.outcome,
        reason: result.reason,
        graders_json: writeJson(result.graders),
        cost_pico_usd: result.costPicoUsd,
        judge_cost_pico_usd: result.judgeCostPicoUsd,
        latency_ms: result.latencyMs,
        input_tokens: result.inputTokens,
        output_tokens: result.outputTokens,
        span_ids_json: writeJson(result.spanIds),
        created_at: result.createdAt,
      })
      .onConflict((oc) => oc.columns(['run_id', 'position', 'side']).doNothing())
      .executeTakeFirst();
    return Number(done.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async results(runId: string): Promise<ResultRecord[]> {
    const rows = await this.db
      .selectFrom('backtest_result')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('position')
      .orderBy('side')
      .execute();
    return rows.map(toResult);
  }

  /** Which (item, side) pairs are stored: what a resumed run skips. */
  async storedKeys(runId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('backtest_result')
      .select(['position', 'side'])
      .where('run_id', '=', runId)
      .execute();
    return new Set(rows.map((r) => `${r.position}:${r.side}`));
  }

  async resultCounts(runId: string): Promise<{ done: number; spentPicoUsd: number }> {
    const row = await this.db
      .selectFrom('backtest_result')
      .select((eb) => [
        eb.fn.countAll<number>().as('done'),
        eb.fn.sum<number | null>('cost_pico_usd').as('cost'),
        eb.fn.sum<number | null>('judge_cost_pico_usd').as('judge'),
      ])
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    return { done: Number(row.done), spentPicoUsd: Number(row.cost ?? 0) + Number(row.judge ?? 0) };
  }

  /** Completed runs, newest first (of one set, or all): what boards and contributions read. */
  async completedRuns(setId?: string): Promise<RunRecord[]> {
    let q = this.db.selectFrom('backtest_run').selectAll().where('status', '=', 'completed');
    if (setId) q = q.where('set_id', '=', setId);
    const rows = await q.orderBy('finished_at', 'desc').execute();
    return rows.map(toRun);
  }

  /** Each side's sums over a run's results, in one grouped query (a board reads many runs). */
  async sideSums(runIds: readonly string[]): Promise<SideSums[]> {
    if (runIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('backtest_result')
      .select((eb) => [
        'run_id',
        'side',
        eb.fn.countAll<number>().as('results'),
        eb.fn.count<number>('score').as('scored'),
        sql<number>`sum(case when status = 'error' then 1 else 0 end)`.as('errors'),
        eb.fn.avg<number | null>('score').as('mean'),
        sql<number>`sum(case when score is not null and outcome = 'pass' then 1 else 0 end)`.as(
          'passes',
        ),
        eb.fn.sum<number | null>('cost_pico_usd').as('cost'),
        eb.fn.count<number>('cost_pico_usd').as('priced'),
        sql<number>`sum(case when status = 'ok' and cost_pico_usd is null then 1 else 0 end)`.as(
          'unpriced',
        ),
      ])
      .where('run_id', 'in', [...runIds])
      .groupBy(['run_id', 'side'])
      .execute();
    return rows.map((r) => ({
      runId: r.run_id,
      side: r.side,
      results: Number(r.results),
      scored: Number(r.scored),
      errors: Number(r.errors),
      mean: r.mean === null ? null : Number(r.mean),
      passes: Number(r.passes),
      costPicoUsd: r.cost === null ? null : Number(r.cost),
      priced: Number(r.priced),
      unpriced: Number(r.unpriced),
    }));
  }

  /** The model most of a set's recorded answers came from (its last call's), for board rows. */
  async recordedModel(setId: string): Promise<{ provider: string; model: string } | null> {
    const counts = new Map<string, number>();
    for (const item of await this.items(setId)) {
      const last = item.frozen.calls.at(-1);
      if (!last?.provider || !last.model) continue;
      const key = `${last.provider}\u0000${last.model}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!top) return null;
    const [provider, model] = top[0].split('\u0000') as [string, string];
    return { provider, model };
  }

  async insertSchedule(s: ScheduleRecord): Promise<void> {
    await this.db
      .insertInto('backtest_schedule')
      .values({
        id: s.id,
        name: s.name,
        set_id: s.setId,
        spec_json: writeJson(s.spec),
        cadence: s.cadence,
        at_time: s.at,
        weekday: s.weekday,
        alert_below: s.alertBelow,
        concurrency: s.concurrency,
        enabled: s.enabled ? 1 : 0,
        next_run_at: s.nextRunAt,
        last_run_id: s.lastRunId,
        created_at: s.createdAt,
      })
      .execute();
  }

  async listSchedules(): Promise<ScheduleRecord[]> {
    const rows = await this.db
      .selectFrom('backtest_schedule')
      .selectAll()
      .orderBy('created_at')
      .execute();
    return rows.map(toSchedule);
  }

  async scheduleById(id: string): Promise<ScheduleRecord | null> {
    const row = await this.db
      .selectFrom('backtest_schedule')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSchedule(row) : null;
  }

  async deleteSchedule(id: string): Promise<boolean> {
    const done = await this.db
      .deleteFrom('backtest_schedule')
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(done.numDeletedRows) > 0;
  }

  /** Schedules due at `now` (enabled, next run at or before it). */
  async dueSchedules(now: string): Promise<ScheduleRecord[]> {
    const rows = await this.db
      .selectFrom('backtest_schedule')
      .selectAll()
      .where('enabled', '=', 1)
      .where('next_run_at', '<=', now)
      .execute();
    return rows.map(toSchedule);
  }

  /**
   * Moves a due schedule on, only if no other process did (its next run is still `from`):
   * returns whether this caller claimed the run.
   */
  async claimSchedule(id: string, from: string, next: string): Promise<boolean> {
    const done = await this.db
      .updateTable('backtest_schedule')
      .set({ next_run_at: next })
      .where('id', '=', id)
      .where('next_run_at', '=', from)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) > 0;
  }

  async setScheduleLastRun(id: string, runId: string): Promise<void> {
    await this.db
      .updateTable('backtest_schedule')
      .set({ last_run_id: runId })
      .where('id', '=', id)
      .execute();
  }
}
