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
 */
export async function ruleTargets(
  db: Kysely<DB>,
  rule: ScoreRule,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('score as s')
    .select('s.target_id')
    .where('s.target_type', '=', 'interaction')
    .where('s.grader_id', '=', rule.graderId)
    .where('s.value', 'is not', null)
    .$if(rule.source !== undefined, (q) => q.where('s.source', '=', rule.source!))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('score as n')
            .select('n.id')
            .whereRef('n.target_type', '=', 's.target_type')
            .whereRef('n.target_id', '=', 's.target_id')
            .whereRef('n.grader_id', '=', 's.grader_id')
            .where('n.value', 'is not', null)
            .$if(rule.source !== undefined, (q) => q.where('n.source', '=', rule.source!))
            .where((later) =>
              later.or([
                later('n.created_at', '>', later.ref('s.created_at')),
                later.and([
                  later('n.created_at', '=', later.ref('s.created_at')),
                  later('n.id', '>', later.ref('s.id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .where('s.value', OPERATORS[rule.op], rule.value)
    .orderBy('s.value', rule.op === 'gte' || rule.op === 'gt' ? 'desc' : 'asc')
    .orderBy('s.target_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.target_id);
}
