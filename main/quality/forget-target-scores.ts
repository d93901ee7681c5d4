import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ScoreTarget } from '../../shared/contract/quality';
import type { DB } from '../store/schema';
import { forgetDaysIn } from './dashboard/score-rollup';

/**
 * The targets being deleted: their ids, or a query selecting them (`id`), which keeps a large
 * delete (an eval run's thousands of results) at one statement per table.
 */
export type DeletedTargets = readonly string[] | SelectIds;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any FROM clause selecting ids
type SelectIds = SelectQueryBuilder<DB, any, { id: string }>;

/**
 * What the quality domain keeps about targets that are being deleted, inside the transaction
 * that deletes them (evals.delete, trace retention): the owners call it through the quality
 * service, injected in create-core.ts.
 */
export type ForgetTargetScores = (
  tx: Kysely<DB>,
  targetType: ScoreTarget['type'],
  targets: DeletedTargets,
) => Promise<void>;

/** Ids per statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const IDS_PER_STATEMENT = 5_000;

/**
 * Forgets the scores of deleted targets, and with them what rests on those scores. A score has
 * no foreign key to its target (a target lives in evals or tracing), so its owner calls this in
 * the same write transaction as its own delete, before it: a crash leaves both or neither.
 *
 * - Review items of deleted interactions go first: a completed item holds its human score
 *   (score_id, ON DELETE RESTRICT, and a completed item must have one), and a pending item of
 *   an interaction that is gone can never be reviewed. Agreement and progress then count only
 *   interactions that still exist, as the dashboard does.
 * - The per-day sums (score_day) of the graders and days the deleted scores fall on are
 *   forgotten, so the next dashboard read sums those days again without them.
 * - Then the scores, one statement per table (the score_target index).
 */
export async function forgetTargetScores(
  tx: Kysely<DB>,
  targetType: ScoreTarget['type'],
  targets: DeletedTargets,
): Promise<void> {
  if (!isIdList(targets)) return forgetIn(tx, targetType, targets);
  for (let i = 0; i < targets.length; i += IDS_PER_STATEMENT)
    await forgetIn(tx, targetType, targets.slice(i, i + IDS_PER_STATEMENT));
}

const isIdList = (targets: DeletedTargets): targets is readonly string[] => Array.isArray(targets);

async function forgetIn(
  tx: Kysely<DB>,
  targetType: ScoreTarget['type'],
  inIds: string[] | SelectIds,
): Promise<void> {
  if (Array.isArray(inIds) && inIds.length === 0) return;
  if (targetType === 'interaction')
    await tx.deleteFrom('review_item').where('target_id', 'in', inIds).execute();
  // A score's UTC day is its created_at's date, as the dashboard's sums group it.
  const days = await tx
    .selectFrom('score')
    .select(['grader_id', sql<string>`substr(created_at, 1, 10)`.as('day')])
    .distinct()
    .where('target_type', '=', targetType)
    .where('target_id', 'in', inIds)
    .where('grader_id', 'is not', null)
    .execute();
  const byGrader = new Map<string, string[]>();
  for (const d of days) {
    const list = byGrader.get(d.grader_id!) ?? [];
    list.push(d.day);
    byGrader.set(d.grader_id!, list);
  }
  for (const [graderId, graderDays] of byGrader) await forgetDaysIn(tx, graderId, graderDays);
  await tx
    .deleteFrom('score')
    .where('target_type', '=', targetType)
    .where('target_id', 'in', inIds)
    .execute();
}
