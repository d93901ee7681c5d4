import type { Kysely } from 'kysely';
import type { ScoreRule, ScoreRuleOp } from '../../../shared/contract/review';
import type { DB } from '../../store/schema';

const OPERATORS: Record<ScoreRuleOp, '<=' | '<' | '>=' | '>' | '='> = {
  lte: '<=',
  lt: '<',
  gte: '>=',
  gt: '>',
  eq: '=',
};

/**
 * The interactions a score rule picks: those whose latest scored (non-null) score from the
 * rule's grader (and source, if named) compares to the rule's value. Only the latest counts, so
 * an interaction judged 30 and then, after a fix, 90 is not picked by "at or below 35"; a
 * grader that could not score (null) says nothing and leaves the one before it standing.
 * Ordered most extreme first (lowest; highest for gte and gt), then by id, up to `limit`.
 *
 * One pass over the grader's scores, ranked newest first per interaction: a correlated "no newer
 * score" subquery read like this too, but SQLite planned it through the grader index, every
 * score of the grader for every score (2.7 s for 10,000 scores; see the commit).
 */
export async function ruleTargets(
  db: Kysely<DB>,
  rule: ScoreRule,
  limit: number,
): Promise<string[]> {
  const ranked = db
    .selectFrom('score')
    .select((eb) => [
      'target_id',
      'value',
      eb.fn
        .agg<number>('row_number')
        .over((over) =>
          over.partitionBy('target_id').orderBy('created_at', 'desc').orderBy('id', 'desc'),
        )
        .as('newest'),
    ])
    .where('target_type', '=', 'interaction')
    .where('grader_id', '=', rule.graderId)
    .where('value', 'is not', null)
    .$if(rule.source !== undefined, (q) => q.where('source', '=', rule.source!))
    .as('ranked');
  const rows = await db
    .selectFrom(ranked)
    .select('ranked.target_id')
    .where('ranked.newest', '=', 1)
    .where('ranked.value', OPERATORS[rule.op], rule.value)
    .orderBy('ranked.value', rule.op === 'gte' || rule.op === 'gt' ? 'desc' : 'asc')
    .orderBy('ranked.target_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.target_id);
}
