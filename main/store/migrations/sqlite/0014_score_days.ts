import type { Migration } from '../../migration';

/**
 * Scorecard dashboards and judge calibration at a million scores (issue 14).
 *
 * - `score_day` holds a grader's scores summed per UTC day, version, source, split value and
 *   bucket (main/quality/dashboard/score-rollup.ts): a dashboard reads a few rows per grader and
 *   day instead of every score. Scores are stamped when stored and never change, so a day is
 *   summed once it has ended (by the background rollup runner, or on a dashboard's first ask);
 *   `score_day_done` marks the (grader, split, day) summed, days without scores included.
 *   Today is always read from `score`.
 * - `split` is how the day was split ('none', 'prompt_version', 'model'); `split_key` is the
 *   target's value ('' when unsplit or unknown) and `bucket` the histogram bucket. `total` sums
 *   the values, `norm_sum` their normalized (0..1) scores on their version's config, so a read
 *   needs no config.
 * - `score_grader_human`: calibration reads people's scores of a judge, 1% of its scores or
 *   fewer; without it, every score of the judge was read to find them.
 */
export const migration0014: Migration = {
  id: 14,
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
      n INTEGER NOT NULL,
      scored INTEGER NOT NULL,
      total REAL NOT NULL,
      norm_sum REAL NOT NULL,
      cost_pico_usd INTEGER,
      PRIMARY KEY (grader_id, split, day, grader_version_id, source, split_key, bucket)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE score_day_done (
      grader_id TEXT NOT NULL,
      split TEXT NOT NULL,
      day TEXT NOT NULL,
      PRIMARY KEY (grader_id, split, day)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX score_grader_human ON score (grader_id, created_at, id) WHERE source = 'human';
  `,
};
