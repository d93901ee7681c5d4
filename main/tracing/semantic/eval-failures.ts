import type { Kysely } from 'kysely';
import type { ResultStatus } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { DB } from '../../store/schema';
import { evalResultText } from './item-texts';

/** Failures of a dataset considered at once: the most recent ones. */
export const MAX_FAILURE_CANDIDATES = 500;

export interface FailureRow {
  readonly resultId: string;
  readonly runId: string;
  readonly runName: string;
  readonly caseKey: string;
  readonly status: ResultStatus;
  readonly text: string;
}

function results(db: Kysely<DB>) {
  return db
    .selectFrom('eval_result as r')
    .innerJoin('eval_run as run', 'run.id', 'r.run_id')
    .leftJoin('eval_run_case as c', (join) =>
      join.onRef('c.run_id', '=', 'r.run_id').onRef('c.case_key', '=', 'r.case_key'),
    )
    .select([
      'r.id as id',
      'r.run_id as run_id',
      'run.name as run_name',
      'run.dataset_id as dataset_id',
      'r.case_key as case_key',
      'r.status as status',
      'r.output as output',
      'r.error_message as error_message',
      'c.vars_json as vars_json',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof results>['execute']>>[number];

function toFailure(row: Row): FailureRow {
  return {
    resultId: row.id,
    runId: row.run_id,
    runName: row.run_name,
    caseKey: row.case_key,
    status: row.status as ResultStatus,
    text: evalResultText(row),
  };
}

/**
 * The result asked about, and the failing results (fail or error) of runs on the same dataset
 * (of the same run when it has no dataset), most recent first.
 */
export async function failureCandidates(
  db: Kysely<DB>,
  resultId: string,
  runId: string | undefined,
): Promise<{ target: FailureRow; candidates: FailureRow[] }> {
  const target = await results(db).where('r.id', '=', resultId).executeTakeFirst();
  if (!target || (runId !== undefined && target.run_id !== runId)) {
    throw new AssayError(
      'NOT_FOUND',
      `evals.similarFailures: no result "${resultId}"${runId ? ` in run "${runId}"` : ''}`,
    );
  }
  let query = results(db)
    .where('r.status', 'in', ['fail', 'error'])
    .where('r.id', '!=', resultId)
    .orderBy('r.created_at', 'desc')
    .limit(MAX_FAILURE_CANDIDATES);
  query =
    target.dataset_id === null
      ? query.where('r.run_id', '=', target.run_id)
      : query.where('run.dataset_id', '=', target.dataset_id);
  return { target: toFailure(target), candidates: (await query.execute()).map(toFailure) };
}
