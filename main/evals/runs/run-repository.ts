import type { Kysely } from 'kysely';
import type { ResultStatus } from '../../../shared/contract';
import type { DB } from '../../store/schema';
import { countWhere } from '../../store/sql-fragments';
import {
  resultRow,
  runCaseRow,
  runRow,
  toResult,
  toRun,
  toRunCase,
  type ResultRecord,
  type RunCaseRecord,
  type RunRecord,
  type RunStatus,
} from './run-rows';

/**
 * Case snapshots per INSERT: 7 columns each, so 7,000 parameters, well under SQLite's 32,766
 * (and Postgres's 65,535), while 5,000 cases still take only 5 statements.
 */
const CASES_PER_INSERT = 1_000;

/** Counts by status and priced cost of the results stored so far. */
export interface ResultCounts {
  readonly pass: number;
  readonly fail: number;
  readonly error: number;
  readonly unscored: number;
  /** Prompt plus judge cost of the priced results, in pico-dollars. */
  readonly costPico: number;
  /** Results that have a prompt cost. */
  readonly priced: number;
}

/** A stored result with the case snapshot it was computed for. */
export interface ResultWithCase {
  readonly result: ResultRecord;
  readonly snapshot: RunCaseRecord;
}

/**
 * Runs, their case snapshots and results, on either dialect. Results are only ever inserted,
 * and at most once per (run, case, repeat): the unique key makes a second insert a no-op, so
 * two processes resuming one run never store a case twice.
 */
export class RunRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Runs with their case snapshots, all in one transaction: a group is stored whole or not at all. */
  async createRuns(
    runs: readonly { readonly run: RunRecord; readonly cases: readonly RunCaseRecord[] }[],
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const { run, cases } of runs) {
        await trx.insertInto('eval_run').values(runRow(run)).execute();
        for (let i = 0; i < cases.length; i += CASES_PER_INSERT) {
          const batch = cases.slice(i, i + CASES_PER_INSERT).map(runCaseRow);
          await trx.insertInto('eval_run_case').values(batch).execute();
        }
      }
    });
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const row = await this.db
      .selectFrom('eval_run')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRun(row);
  }

  /** The run's case snapshots in dataset order. */
  async cases(runId: string): Promise<RunCaseRecord[]> {
    const rows = await this.db
      .selectFrom('eval_run_case')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('position')
      .execute();
    return rows.map(toRunCase);
  }

  async caseByKey(runId: string, caseKey: string): Promise<RunCaseRecord | undefined> {
    const row = await this.db
      .selectFrom('eval_run_case')
      .selectAll()
      .where('run_id', '=', runId)
      .where('case_key', '=', caseKey)
      .executeTakeFirst();
    return row && toRunCase(row);
  }

  /** `case_key#repeat` of every stored result. */
  async doneKeys(runId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('eval_result')
      .select(['case_key', 'repeat_index'])
      .where('run_id', '=', runId)
      .execute();
    return new Set(rows.map((r) => `${r.case_key}#${r.repeat_index}`));
  }

  async resultCounts(runId: string): Promise<ResultCounts> {
    const row = await this.db
      .selectFrom('eval_result')
      .select((eb) => [
        countWhere(eb('status', '=', 'pass')).as('pass'),
        countWhere(eb('status', '=', 'fail')).as('fail'),
        countWhere(eb('status', '=', 'error')).as('error'),
        countWhere(eb('status', '=', 'unscored')).as('unscored'),
        eb.fn
          .coalesce(
            eb.fn.sum<number | null>(eb('cost_pico_usd', '+', eb.ref('judge_cost_pico_usd'))),
            eb.lit(0),
          )
          .as('costPico'),
        eb.fn.count<number>('cost_pico_usd').as('priced'),
      ])
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    // Postgres sums BIGINT to NUMERIC and counts to BIGINT; pg-types hands both back as numbers.
    return {
      pass: Number(row.pass),
      fail: Number(row.fail),
      error: Number(row.error),
      unscored: Number(row.unscored),
      costPico: Number(row.costPico),
      priced: Number(row.priced),
    };
  }

  /** Stores a result unless one for its (case, repeat) is stored already; true if it was new. */
  async insertResult(result: ResultRecord): Promise<boolean> {
    const res = await this.db
      .insertInto('eval_result')
      .values(resultRow(result))
      .onConflict((oc) => oc.columns(['run_id', 'case_key', 'repeat_index']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /**
   * Moves a run to `running` unless it is already `completed` (compare-and-set: a process
   * resuming a run that another one just finished must not reopen it); false if it did not.
   */
  async markRunning(id: string, startedAt: string): Promise<boolean> {
    const res = await this.db
      .updateTable('eval_run')
      .set((eb) => ({
        status: 'running',
        started_at: eb.fn.coalesce('started_at', eb.val(startedAt)),
        finished_at: null,
        error: null,
      }))
      .where('id', '=', id)
      .where('status', '!=', 'completed')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /**
   * Ends a run that is running (compare-and-set): another process that already ended it, or a
   * run deleted meanwhile, is left as it is. False if nothing changed.
   */
  async finish(
    id: string,
    status: Extract<RunStatus, 'completed' | 'cancelled' | 'failed'>,
    fields: { readonly finishedAt: string; readonly error?: string | null },
  ): Promise<boolean> {
    const res = await this.db
      .updateTable('eval_run')
      .set({ status, finished_at: fields.finishedAt, error: fields.error ?? null })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Newest first. */
  async list(filter: {
    readonly datasetId?: string;
    readonly groupId?: string;
    readonly limit: number;
  }): Promise<RunRecord[]> {
    let query = this.db.selectFrom('eval_run').selectAll();
    if (filter.datasetId !== undefined) query = query.where('dataset_id', '=', filter.datasetId);
    if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .execute();
    return rows.map(toRun);
  }

  /** A page of results in case order (then repeat), optionally of one status, with the total. */
  async resultsPage(
    runId: string,
    status: ResultStatus | null,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: ResultWithCase[] }> {
    let counted = this.db
      .selectFrom('eval_result')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('run_id', '=', runId);
    if (status !== null) counted = counted.where('status', '=', status);
    let paged = this.db
      .selectFrom('eval_result as r')
      .innerJoin('eval_run_case as c', (join) =>
        join.onRef('c.run_id', '=', 'r.run_id').onRef('c.case_key', '=', 'r.case_key'),
      )
      .selectAll('r')
      .select([
        'c.position',
        'c.revision',
        'c.vars_json',
        'c.expected_json',
        'c.matchers_json as case_matchers_json',
      ])
      .where('r.run_id', '=', runId);
    if (status !== null) paged = paged.where('r.status', '=', status);
    const [count, rows] = await Promise.all([
      counted.executeTakeFirstOrThrow(),
      paged.orderBy('c.position').orderBy('r.repeat_index').limit(limit).offset(offset).execute(),
    ]);
    return {
      total: Number(count.n),
      rows: rows.map(
        ({ position, revision, vars_json, expected_json, case_matchers_json, ...r }) => ({
          result: toResult(r),
          snapshot: toRunCase({
            run_id: r.run_id,
            case_key: r.case_key,
            position,
            revision,
            vars_json,
            expected_json,
            matchers_json: case_matchers_json,
          }),
        }),
      ),
    };
  }

  async hasResult(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('eval_result')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  async resultCount(runId: string): Promise<number> {
    const row = await this.db
      .selectFrom('eval_result')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** When the run's newest result was stored, or null before its first. */
  async lastWriteAt(runId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('eval_result')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .where('run_id', '=', runId)
      .executeTakeFirst();
    return row?.at ?? null;
  }

  /** The ids of a run's results, as a query (deleting a run forgets their scores with it). */
  resultIdsOf(runId: string) {
    return this.db.selectFrom('eval_result').select('id').where('run_id', '=', runId);
  }

  /**
   * A run with its case snapshots and results (ON DELETE CASCADE on both dialects: one
   * statement); false if there was none. Run it in the transaction that forgets the results'
   * scores (RunService.delete).
   */
  async deleteRun(runId: string): Promise<boolean> {
    const res = await this.db.deleteFrom('eval_run').where('id', '=', runId).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  async allResults(runId: string): Promise<ResultRecord[]> {
    const rows = await this.db
      .selectFrom('eval_result')
      .selectAll()
      .where('run_id', '=', runId)
      .execute();
    return rows.map(toResult);
  }
}
