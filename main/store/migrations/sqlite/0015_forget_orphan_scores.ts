import type { Migration } from '../../migration';

/**
 * Scores never outlive their targets (issue 14). Until now, deleting an eval run and trace
 * retention left the scores of what they deleted (a score has no foreign key: its target lives
 * in evals or tracing); they now forget them in the deleting transaction
 * (main/quality/forget-target-scores.ts). This step forgets those left behind before, the same
 * way:
 *
 * - review items of interactions that are gone (a completed one holds its score, ON DELETE
 *   RESTRICT, so they go first);
 * - the per-day sums (score_day, score_day_done) of the graders and days those scores fall on,
 *   summed again without them at the next dashboard read;
 * - the scores.
 */
export const migration0015: Migration = {
  id: 15,
  name: 'forget_orphan_scores',
  up: `
    DELETE FROM review_item
      WHERE NOT EXISTS (SELECT 1 FROM interaction t WHERE t.id = review_item.target_id);
    CREATE TEMP TABLE orphan_score AS
      SELECT s.id, s.grader_id, substr(s.created_at, 1, 10) AS day FROM score s
      WHERE (s.target_type = 'interaction'
          AND NOT EXISTS (SELECT 1 FROM interaction t WHERE t.id = s.target_id))
        OR (s.target_type = 'span'
          AND NOT EXISTS (SELECT 1 FROM span t WHERE t.id = s.target_id))
        OR (s.target_type = 'eval_result'
          AND NOT EXISTS (SELECT 1 FROM eval_result t WHERE t.id = s.target_id));
    DELETE FROM score_day WHERE (grader_id, day) IN (SELECT grader_id, day FROM orphan_score);
    DELETE FROM score_day_done WHERE (grader_id, day) IN (SELECT grader_id, day FROM orphan_score);
    DELETE FROM score WHERE id IN (SELECT id FROM orphan_score);
    DROP TABLE orphan_score;
  `,
};
