import type { Kysely } from 'kysely';
import type { ScoreTarget } from '../../../shared/contract/quality';
import type { TargetLink } from '../../../shared/contract/quality-insights';
import type { DB } from '../../store/schema';

const CHUNK = 500;

async function pairs(
  ids: readonly string[],
  read: (chunk: string[]) => Promise<{ id: string; parent: string }[]>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK)
    for (const row of await read(ids.slice(i, i + CHUNK))) out.set(row.id, row.parent);
  return out;
}

/**
 * Where each target opens: a span in its trace, an eval result in its run (an interaction opens
 * by its own id). A read of the tracing and eval tables, like the dashboard's split: one query
 * per kind for a whole list, where their services answer one id at a time.
 */
export async function targetLinks(
  db: Kysely<DB>,
  targets: readonly ScoreTarget[],
): Promise<TargetLink[]> {
  const spanIds = [...new Set(targets.filter((t) => t.type === 'span').map((t) => t.id))];
  const resultIds = [...new Set(targets.filter((t) => t.type === 'eval_result').map((t) => t.id))];
  const traces = await pairs(spanIds, (chunk) =>
    db.selectFrom('span').select(['id', 'trace_id as parent']).where('id', 'in', chunk).execute(),
  );
  const runs = await pairs(resultIds, (chunk) =>
    db
      .selectFrom('eval_result')
      .select(['id', 'run_id as parent'])
      .where('id', 'in', chunk)
      .execute(),
  );
  return targets.map((target) => ({
    target,
    traceId: target.type === 'span' ? (traces.get(target.id) ?? null) : null,
    runId: target.type === 'eval_result' ? (runs.get(target.id) ?? null) : null,
  }));
}
