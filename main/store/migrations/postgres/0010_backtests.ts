import type { Migration } from '../../migration';

/** SQLite's 0016 (see there): backtest sets, items, runs, results and schedules. */
export const postgres0010: Migration = {
  id: 10,
  name: 'backtests',
  up: `
    CREATE TABLE backtest_set (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      source TEXT NOT NULL,
      definition_json JSON NOT NULL,
      item_count INTEGER NOT NULL,
      strata_json JSON NOT NULL,
      calls INTEGER NOT NULL,
      input_tokens BIGINT NOT NULL,
      output_tokens BIGINT NOT NULL,
      archived SMALLINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX backtest_set_live_name ON backtest_set (name) WHERE archived = 0;
    CREATE INDEX backtest_set_created ON backtest_set (created_at);

    CREATE TABLE backtest_item (
      set_id TEXT NOT NULL REFERENCES backtest_set (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      interaction_id TEXT,
      case_id TEXT,
      stratum TEXT NOT NULL,
      frozen_json JSON NOT NULL,
      occurred_at TEXT,
      PRIMARY KEY (set_id, position)
    );

    CREATE TABLE backtest_run (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      set_id TEXT NOT NULL REFERENCES backtest_set (id) ON DELETE RESTRICT,
      status TEXT NOT NULL,
      spec_json JSON NOT NULL,
      scorecard_pin_json JSON NOT NULL,
      concurrency INTEGER NOT NULL,
      item_count INTEGER NOT NULL,
      estimate_json JSON NOT NULL,
      verdicts_json JSON,
      schedule_id TEXT,
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT,
      error TEXT
    );
    CREATE INDEX backtest_run_set ON backtest_run (set_id, created_at);
    CREATE INDEX backtest_run_created ON backtest_run (created_at);

    CREATE TABLE backtest_result (
      run_id TEXT NOT NULL REFERENCES backtest_run (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      side INTEGER NOT NULL,
      status TEXT NOT NULL,
      output TEXT,
      error TEXT,
      score DOUBLE PRECISION,
      outcome TEXT,
      reason TEXT,
      graders_json JSON NOT NULL,
      cost_pico_usd BIGINT,
      judge_cost_pico_usd BIGINT NOT NULL,
      latency_ms DOUBLE PRECISION,
      input_tokens BIGINT NOT NULL,
      output_tokens BIGINT NOT NULL,
      span_ids_json JSON NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (run_id, position, side)
    );

    CREATE TABLE backtest_schedule (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      set_id TEXT NOT NULL REFERENCES backtest_set (id) ON DELETE RESTRICT,
      spec_json JSON NOT NULL,
      cadence TEXT NOT NULL,
      at_time TEXT NOT NULL,
      weekday INTEGER,
      alert_below DOUBLE PRECISION NOT NULL,
      concurrency INTEGER NOT NULL,
      enabled SMALLINT NOT NULL CHECK (enabled IN (0, 1)),
      next_run_at TEXT,
      last_run_id TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX backtest_schedule_next ON backtest_schedule (next_run_at);
  `,
};
