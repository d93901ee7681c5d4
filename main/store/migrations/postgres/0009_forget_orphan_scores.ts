import type { Migration } from '../../migration';

/** SQLite's 0015 (see there): forgets the scores, review items and day sums of deleted targets. */
export const postgres0009: Migration = {
  id: 9,
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
