import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';

/**
 * Completes a running run if every (case, repeat) has a result: one conditional UPDATE, so
 * whoever stores the last result (a queue worker, any of several) ends the run, exactly once.
 * Race-safe under READ COMMITTED: each caller runs it after its own result committed, so the
 * caller that committed last sees every result; `status = 'running'` lets only one win.
 * True if this call completed the run.
 */
export async function completeIfAllStored(
  db: Kysely<DB>,
  runId: string,
  finishedAt: string,
): Promise<boolean> {
  const res = await db
    .updateTable('eval_run')
    .set({ status: 'completed', finished_at: finishedAt, error: null })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .where((eb) =>
      eb(
        eb
          .selectFrom('eval_result')
          .select((q) => q.fn.countAll<number>().as('n'))
          .where('eval_result.run_id', '=', runId),
        '>=',
        eb(eb.ref('eval_run.total_cases'), '*', eb.ref('eval_run.repeat')),
      ),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Whether one (case, repeat) of a run has its result (a retried job skips its call then). */
export async function hasResultFor(
  db: Kysely<DB>,
  runId: string,
  caseKey: string,
  repeat: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('eval_result')
    .select('id')
    .where('run_id', '=', runId)
    .where('case_key', '=', caseKey)
    .where('repeat_index', '=', repeat)
    .executeTakeFirst();
  return row !== undefined;
}

/** The statuses of these runs (a worker's cancel check: one query for every run it works on). */
export async function runStatuses(
  db: Kysely<DB>,
  runIds: readonly string[],
): Promise<Map<string, string>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('eval_run')
    .select(['id', 'status'])
    .where('id', 'in', runIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}
