import type { Migration } from '../../migration';

/** SQLite's 0014 (see there): per-day sums of scores for dashboards, and people's scores by grader. */
export const postgres0008: Migration = {
  id: 8,
  name: 'score_days',
  up: `
    CREATE TABLE score_day (
      grader_id TEXT NOT NULL,
      split TEXT NOT NULL,
      day TEXT NOT NULL,
      grader_version_id TEXT NOT NULL,
      source TEXT NOT NULL,
      split_key TEXT NOT NULL,
      bucket TEXT NOT NULL,
      n BIGINT NOT NULL,
      scored BIGINT NOT NULL,
      total DOUBLE PRECISION NOT NULL,
      norm_sum DOUBLE PRECISION NOT NULL,
      cost_pico_usd BIGINT,
      PRIMARY KEY (grader_id, split, day, grader_version_id, source, split_key, bucket)
    );
    CREATE TABLE score_day_done (
      grader_id TEXT NOT NULL,
      split TEXT NOT NULL,
      day TEXT NOT NULL,
      PRIMARY KEY (grader_id, split, day)
    );
    CREATE INDEX score_grader_human ON score (grader_id, created_at, id) WHERE source = 'human';
  `,
};
