import type { Migration } from '../../migration';

/**
 * Eval results that nothing scored. A case with no effective matcher (none at all, or only
 * matchers that could not judge) is `unscored`: it is neither a pass nor a fail, and its score
 * is NULL rather than a number that would look like a verdict. SQLite cannot change a CHECK
 * constraint in place, so the table is rebuilt with every row copied as it was (no row of an
 * older release is `unscored`: those results keep the verdicts they were reported with).
 */
export const migration0006: Migration = {
  id: 6,
  name: 'unscored_results',
  up: `
    CREATE TABLE eval_result_next (
      id TEXT PRIMARY KEY NOT NULL,
      run_id TEXT NOT NULL REFERENCES eval_run (id) ON DELETE CASCADE,
      case_key TEXT NOT NULL,
      repeat_index INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'error', 'unscored')),
      score REAL,
      output TEXT,
      matchers_json TEXT NOT NULL,
      latency_ms REAL,
      input_tokens INTEGER NOT NULL DEFAULT 0,
      output_tokens INTEGER NOT NULL DEFAULT 0,
      cost_pico_usd INTEGER,
      judge_cost_pico_usd INTEGER NOT NULL DEFAULT 0,
      cached INTEGER NOT NULL DEFAULT 0,
      span_id TEXT,
      error_code TEXT,
      error_message TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (run_id, case_key, repeat_index)
    ) STRICT;
    INSERT INTO eval_result_next SELECT * FROM eval_result;
    DROP TABLE eval_result;
    ALTER TABLE eval_result_next RENAME TO eval_result;
  `,
};
