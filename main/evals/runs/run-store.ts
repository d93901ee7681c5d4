import type { Database, Statement } from 'better-sqlite3';
import type { ResultStatus } from '../../../shared/contract';

export type RunStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface RunRow {
  readonly id: string;
  readonly group_id: string;
  readonly name: string;
  readonly dataset_id: string | null;
  readonly prompt_version_id: string | null;
  readonly prompt_label: string;
  readonly frozen_prompt_json: string;
  readonly interaction_type: string;
  readonly provider: string;
  readonly model: string;
  readonly parameters_json: string;
  readonly status: RunStatus;
  readonly concurrency: number;
  readonly repeat: number;
  readonly bypass_cache: number;
  readonly total_cases: number;
  readonly created_at: string;
  readonly started_at: string | null;
  readonly finished_at: string | null;
  readonly error: string | null;
}

export interface RunCaseRow {
  readonly run_id: string;
  readonly case_key: string;
  readonly position: number;
  readonly revision: number;
  readonly vars_json: string;
  readonly expected_json: string | null;
  readonly matchers_json: string;
}

export interface ResultRow {
  readonly id: string;
  readonly run_id: string;
  readonly case_key: string;
  readonly repeat_index: number;
  readonly status: ResultStatus;
  /** null when unscored or an error: no verdict, so no number that would read as one. */
  readonly score: number | null;
  readonly output: string | null;
  readonly matchers_json: string;
  readonly latency_ms: number | null;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cost_pico_usd: number | null;
  readonly judge_cost_pico_usd: number;
  readonly cached: number;
  readonly span_id: string | null;
  readonly error_code: string | null;
  readonly error_message: string | null;
  readonly created_at: string;
}

/** SQL for runs, their case snapshots and results. Results are only ever inserted. */
export class RunStore {
  private readonly insertRunStmt: Statement<[RunRow]>;
  private readonly insertCaseStmt: Statement<[RunCaseRow]>;
  private readonly insertResultStmt: Statement<[ResultRow]>;
  private readonly getStmt: Statement<[string], RunRow>;
  private readonly casesStmt: Statement<[string], RunCaseRow>;
  private readonly doneKeysStmt: Statement<[string], { case_key: string; repeat_index: number }>;
  private readonly countStmt: Statement<[string], { n: number }>;

  constructor(readonly db: Database) {
    this.insertRunStmt = db.prepare(
      `INSERT INTO eval_run (id, group_id, name, dataset_id, prompt_version_id, prompt_label, frozen_prompt_json,
         interaction_type, provider, model, parameters_json, status, concurrency, repeat, bypass_cache, total_cases,
         created_at, started_at, finished_at, error)
       VALUES (@id, @group_id, @name, @dataset_id, @prompt_version_id, @prompt_label, @frozen_prompt_json,
         @interaction_type, @provider, @model, @parameters_json, @status, @concurrency, @repeat, @bypass_cache,
         @total_cases, @created_at, @started_at, @finished_at, @error)`,
    );
    this.insertCaseStmt = db.prepare(
      `INSERT INTO eval_run_case (run_id, case_key, position, revision, vars_json, expected_json, matchers_json)
       VALUES (@run_id, @case_key, @position, @revision, @vars_json, @expected_json, @matchers_json)`,
    );
    // ON CONFLICT DO NOTHING: a result that a resumed run computes again is never stored twice.
    this.insertResultStmt = db.prepare(
      `INSERT INTO eval_result (id, run_id, case_key, repeat_index, status, score, output, matchers_json, latency_ms,
         input_tokens, output_tokens, cost_pico_usd, judge_cost_pico_usd, cached, span_id, error_code, error_message,
         created_at)
       VALUES (@id, @run_id, @case_key, @repeat_index, @status, @score, @output, @matchers_json, @latency_ms,
         @input_tokens, @output_tokens, @cost_pico_usd, @judge_cost_pico_usd, @cached, @span_id, @error_code,
         @error_message, @created_at)
       ON CONFLICT (run_id, case_key, repeat_index) DO NOTHING`,
    );
    this.getStmt = db.prepare('SELECT * FROM eval_run WHERE id = ?');
    this.casesStmt = db.prepare('SELECT * FROM eval_run_case WHERE run_id = ? ORDER BY position');
    this.countStmt = db.prepare('SELECT count(*) AS n FROM eval_result WHERE run_id = ?');
    this.doneKeysStmt = db.prepare(
      'SELECT case_key, repeat_index FROM eval_result WHERE run_id = ?',
    );
  }

  /** A run and its case snapshots, in one transaction. */
  createRun(run: RunRow, cases: readonly RunCaseRow[]): void {
    this.db.transaction(() => {
      this.insertRunStmt.run(run);
      for (const c of cases) this.insertCaseStmt.run(c);
    })();
  }

  get(id: string): RunRow | undefined {
    return this.getStmt.get(id);
  }

  cases(runId: string): RunCaseRow[] {
    return this.casesStmt.all(runId);
  }

  caseByKey(runId: string, caseKey: string): RunCaseRow | undefined {
    return this.db
      .prepare('SELECT * FROM eval_run_case WHERE run_id = ? AND case_key = ?')
      .get(runId, caseKey) as RunCaseRow | undefined;
  }

  /** `case_key#repeat` of every stored result. */
  doneKeys(runId: string): Set<string> {
    return new Set(this.doneKeysStmt.all(runId).map((r) => `${r.case_key}#${r.repeat_index}`));
  }

  /** Counts by status and priced cost of the results stored so far. */
  resultCounts(runId: string): {
    pass: number;
    fail: number;
    error: number;
    unscored: number;
    costPico: number;
    priced: number;
  } {
    return this.db
      .prepare(
        `SELECT
           coalesce(sum(status = 'pass'), 0) AS pass,
           coalesce(sum(status = 'fail'), 0) AS fail,
           coalesce(sum(status = 'error'), 0) AS error,
           coalesce(sum(status = 'unscored'), 0) AS unscored,
           coalesce(sum(cost_pico_usd + judge_cost_pico_usd), 0) AS costPico,
           count(cost_pico_usd) AS priced
         FROM eval_result WHERE run_id = ?`,
      )
      .get(runId) as {
      pass: number;
      fail: number;
      error: number;
      unscored: number;
      costPico: number;
      priced: number;
    };
  }

  insertResult(row: ResultRow): void {
    this.insertResultStmt.run(row);
  }

  setStatus(
    id: string,
    status: RunStatus,
    fields: { started_at?: string; finished_at?: string; error?: string | null } = {},
  ): void {
    this.db
      .prepare(
        `UPDATE eval_run SET status = @status,
           started_at = COALESCE(@started_at, started_at),
           finished_at = @finished_at, error = @error WHERE id = @id`,
      )
      .run({
        id,
        status,
        started_at: fields.started_at ?? null,
        finished_at: fields.finished_at ?? null,
        error: fields.error ?? null,
      });
  }

  list(filter: { datasetId?: string; groupId?: string; limit: number }): RunRow[] {
    return this.db
      .prepare(
        `SELECT * FROM eval_run WHERE (@datasetId IS NULL OR dataset_id = @datasetId)
           AND (@groupId IS NULL OR group_id = @groupId) ORDER BY created_at DESC, id DESC LIMIT @limit`,
      )
      .all({
        datasetId: filter.datasetId ?? null,
        groupId: filter.groupId ?? null,
        limit: filter.limit,
      }) as RunRow[];
  }

  results(
    runId: string,
    status: string | null,
    offset: number,
    limit: number,
  ): { total: number; rows: ResultRow[] } {
    const where = 'WHERE r.run_id = @runId AND (@status IS NULL OR r.status = @status)';
    const total = (
      this.db
        .prepare(`SELECT count(*) AS n FROM eval_result r ${where}`)
        .get({ runId, status }) as { n: number }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT r.* FROM eval_result r JOIN eval_run_case c ON c.run_id = r.run_id AND c.case_key = r.case_key
         ${where} ORDER BY c.position, r.repeat_index LIMIT @limit OFFSET @offset`,
      )
      .all({ runId, status, limit, offset }) as ResultRow[];
    return { total, rows };
  }

  resultCount(runId: string): number {
    return this.countStmt.get(runId)!.n;
  }

  /** When the run's newest result was stored, or null before its first. */
  lastWriteAt(runId: string): string | null {
    const row = this.db
      .prepare('SELECT max(created_at) AS at FROM eval_result WHERE run_id = ?')
      .get(runId) as { at: string | null };
    return row.at;
  }

  /** A run with its case snapshots and results, in one transaction; false if there was none. */
  deleteRun(runId: string): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM eval_result WHERE run_id = ?').run(runId);
      this.db.prepare('DELETE FROM eval_run_case WHERE run_id = ?').run(runId);
      return this.db.prepare('DELETE FROM eval_run WHERE id = ?').run(runId).changes > 0;
    })();
  }

  allResults(runId: string): ResultRow[] {
    return this.db.prepare('SELECT * FROM eval_result WHERE run_id = ?').all(runId) as ResultRow[];
  }
}
