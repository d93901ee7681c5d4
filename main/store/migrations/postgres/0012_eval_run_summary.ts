import type { Migration } from '../../migration';

/** SQLite's 0018 (see there): a completed eval run's leaderboard figures, stored once. */
export const postgres0012: Migration = {
  id: 12,
  name: 'eval_run_summary',
  up: `
    CREATE TABLE eval_run_summary (
      run_id TEXT PRIMARY KEY REFERENCES eval_run (id) ON DELETE CASCADE,
      results INTEGER NOT NULL,
      scored INTEGER NOT NULL,
      errors INTEGER NOT NULL,
      mean_score DOUBLE PRECISION,
      pass_rate DOUBLE PRECISION,
      cost_pico_usd BIGINT,
      priced_results INTEGER NOT NULL,
      unpriced_results INTEGER NOT NULL,
      latency_p50_ms DOUBLE PRECISION,
      latency_p95_ms DOUBLE PRECISION,
      computed_at TEXT NOT NULL
    );
  `,
};
