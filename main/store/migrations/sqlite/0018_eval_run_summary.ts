import type { Migration } from '../../migration';

/**
 * What a leaderboard reads of a completed eval run (issue 15), stored once: its score, pass
 * rate, cost and latency percentiles over all its results. A board over a thousand runs of a
 * thousand results each cannot read a million results at every look. The runner stores the
 * row when a run completes; runs completed before this step get theirs the first time a board
 * reads them (main/evals/runs/run-summary.ts says how each figure is computed). A completed run
 * never gains results, so a row never goes stale; it goes with its run.
 */
export const migration0018: Migration = {
  id: 18,
  name: 'eval_run_summary',
  up: `
    CREATE TABLE eval_run_summary (
      run_id TEXT PRIMARY KEY NOT NULL REFERENCES eval_run (id) ON DELETE CASCADE,
      results INTEGER NOT NULL,
      scored INTEGER NOT NULL,
      errors INTEGER NOT NULL,
      mean_score REAL,
      pass_rate REAL,
      cost_pico_usd INTEGER,
      priced_results INTEGER NOT NULL,
      unpriced_results INTEGER NOT NULL,
      latency_p50_ms REAL,
      latency_p95_ms REAL,
      computed_at TEXT NOT NULL
    ) STRICT;
  `,
};
