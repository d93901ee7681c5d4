import type { Migration } from '../../migration';

/**
 * Backtests (issue 15): frozen sets of real traffic, runs that replay them on candidates, each
 * side's graded result, and schedules.
 *
 * - `backtest_item.frozen_json` holds everything a replay needs (the interaction's input, what
 *   production answered, each LLM call's request, answer and usage), so a set outlives trace
 *   retention and means the same thing next month. Items reference no interaction by foreign
 *   key for that reason.
 * - `backtest_result` is keyed by (run, item position, side): a resumed run stores only what is
 *   missing, and a repeated store of one result is refused by the key, never doubled.
 * - A run's verdicts are summed from its results on read and kept in `verdicts_json` once the
 *   run completes (a completed run's results never change).
 */
export const migration0016: Migration = {
  id: 16,
  name: 'backtests',
  up: `
    CREATE TABLE backtest_set (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      source TEXT NOT NULL,
      definition_json TEXT NOT NULL,
      item_count INTEGER NOT NULL,
      strata_json TEXT NOT NULL,
      calls INTEGER NOT NULL,
      input_tokens INTEGER NOT NULL,
      output_tokens INTEGER NOT NULL,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX backtest_set_live_name ON backtest_set (name) WHERE archived = 0;
    CREATE INDEX backtest_set_created ON backtest_set (created_at);

    CREATE TABLE backtest_item (
      set_id TEXT NOT NULL REFERENCES backtest_set (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      interaction_id TEXT,
      case_id TEXT,
      stratum TEXT NOT NULL,
      frozen_json TEXT NOT NULL,
      occurred_at TEXT,
      PRIMARY KEY (set_id, position)
    ) STRICT;

    CREATE TABLE backtest_run (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      set_id TEXT NOT NULL REFERENCES backtest_set (id) ON DELETE RESTRICT,
      status TEXT NOT NULL,
      spec_json TEXT NOT NULL,
      scorecard_pin_json TEXT NOT NULL,
      concurrency INTEGER NOT NULL,
      item_count INTEGER NOT NULL,
      estimate_json TEXT NOT NULL,
      verdicts_json TEXT,
      schedule_id TEXT,
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT,
      error TEXT
    ) STRICT;
    CREATE INDEX backtest_run_set ON backtest_run (set_id, created_at);
    CREATE INDEX backtest_run_created ON backtest_run (created_at);

    CREATE TABLE backtest_result (
      run_id TEXT NOT NULL REFERENCES backtest_run (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      side INTEGER NOT NULL,
      status TEXT NOT NULL,
      output TEXT,
      error TEXT,
      score REAL,
      outcome TEXT,
      reason TEXT,
      graders_json TEXT NOT NULL,
      cost_pico_usd INTEGER,
      judge_cost_pico_usd INTEGER NOT NULL,
      latency_ms REAL,
      input_tokens INTEGER NOT NULL,
      output_tokens INTEGER NOT NULL,
      span_ids_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (run_id, position, side)
    ) STRICT;

    CREATE TABLE backtest_schedule (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      set_id TEXT NOT NULL REFERENCES backtest_set (id) ON DELETE RESTRICT,
      spec_json TEXT NOT NULL,
      cadence TEXT NOT NULL,
      at_time TEXT NOT NULL,
      weekday INTEGER,
      alert_below REAL NOT NULL,
      concurrency INTEGER NOT NULL,
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
      next_run_at TEXT,
      last_run_id TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX backtest_schedule_next ON backtest_schedule (next_run_at);
  `,
};
