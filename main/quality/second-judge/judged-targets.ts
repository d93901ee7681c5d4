import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';

/** Scores read per page while collecting distinct targets. */
const PAGE = 1_000;

/**
 * The interactions a judge scored most recently with a value (source `grader`), newest first,
 * at most `limit`: what a second judge grades. Read newest first along the score_grader index a
 * page at a time, so a judge with a million scores costs a few pages, not a scan of them all.
 * Unscored verdicts are left out (nothing to compare), and only interactions are taken: they
 * are what judges grade (online scoring), and what grading can load again.
 */
export async function recentlyJudged(
  db: Kysely<DB>,
  graderId: string,
  limit: number,
): Promise<string[]> {
  const found = new Set<string>();
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    let q = db
      .selectFrom('score')
      .select(['id', 'created_at', 'target_id', 'target_type', 'source', 'value'])
      .where('grader_id', '=', graderId);
    if (after) {
      const { createdAt, id } = after;
      q = q.where((eb) =>
        eb.or([
          eb('created_at', '<', createdAt),
          eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
        ]),
      );
    }
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(PAGE).execute();
    for (const row of rows) {
      if (row.source !== 'grader' || row.target_type !== 'interaction' || row.value === null)
        continue;
      found.add(row.target_id);
      if (found.size >= limit) return [...found];
    }
    if (rows.length < PAGE) return [...found];
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.created_at, id: last.id };
  }
}
