import type { Migration } from '../../migration';

/**
 * Eval runs. A run is one prompt × one model over a dataset; the runs started together form a
 * group (the run matrix). `eval_run_case` snapshots each case as it was when the run started, so
 * a resumed run, and any later reading of it, sees the same cases even after the dataset changed.
 * `eval_result` has one row per case and repeat; the UNIQUE key is what makes a resumed run
 * keep its finished results and never duplicate one.
 */
export const migration0005: Migration = {
  id: 5,
  name: 'eval_runs',
  up: `
    CREATE TABLE eval_run (
      id TEXT PRIMARY KEY NOT NULL,
      group_id TEXT NOT NULL,
      name TEXT NOT NULL,
      dataset_id TEXT REFERENCES dataset (id) ON DELETE RESTRICT,
      prompt_version_id TEXT REFERENCES prompt_version (id) ON DELETE RESTRICT,
      prompt_label TEXT NOT NULL,
      frozen_prompt_json TEXT NOT NULL,
      interaction_type TEXT NOT NULL,
      provider TEXT NOT NULL,
      model TEXT NOT NULL,
      parameters_json TEXT NOT NULL DEFAULT '{}',
      status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'cancelled', 'failed')),
      concurrency INTEGER NOT NULL CHECK (concurrency >= 1),
      repeat INTEGER NOT NULL CHECK (repeat >= 1),
      bypass_cache INTEGER NOT NULL DEFAULT 0,
      total_cases INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT,
      error TEXT
    ) STRICT;
    CREATE INDEX eval_run_group ON eval_run (group_id);
    CREATE INDEX eval_run_dataset ON eval_run (dataset_id, created_at);

    CREATE TABLE eval_run_case (
      run_id TEXT NOT NULL REFERENCES eval_run (id) ON DELETE CASCADE,
      case_key TEXT NOT NULL,
      position INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      vars_json TEXT NOT NULL,
      expected_json TEXT,
      matchers_json TEXT NOT NULL,
      PRIMARY KEY (run_id, case_key)
    ) STRICT;

    CREATE TABLE eval_result (
      id TEXT PRIMARY KEY NOT NULL,
      run_id TEXT NOT NULL REFERENCES eval_run (id) ON DELETE CASCADE,
      case_key TEXT NOT NULL,
      repeat_index INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'error')),
      score REAL NOT NULL,
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
  `,
};
