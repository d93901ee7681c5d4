import type { Migration } from '../../migration';

/** SQLite's 0011 (see there): online scoring rules, their progress and daily judge spend. */
export const postgres0005: Migration = {
  id: 5,
  name: 'scoring_rules',
  up: `
    CREATE TABLE scoring_rule (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      scorecard_id TEXT NOT NULL REFERENCES scorecard (id) ON DELETE RESTRICT,
      body_json JSON NOT NULL,
      daily_budget_pico_usd BIGINT CHECK (daily_budget_pico_usd >= 0),
      enabled SMALLINT NOT NULL CHECK (enabled IN (0, 1)),
      archived SMALLINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX scoring_rule_live_name ON scoring_rule (name) WHERE archived = 0;

    CREATE TABLE scoring_rule_progress (
      rule_id TEXT PRIMARY KEY REFERENCES scoring_rule (id) ON DELETE CASCADE,
      started_at TEXT NOT NULL,
      after_created_at TEXT NOT NULL,
      after_id TEXT NOT NULL,
      scored BIGINT NOT NULL DEFAULT 0,
      skipped BIGINT NOT NULL DEFAULT 0,
      budget_skipped BIGINT NOT NULL DEFAULT 0,
      rescore_after_created_at TEXT,
      rescore_after_id TEXT,
      rescore_through_created_at TEXT,
      rescore_through_id TEXT,
      rescored BIGINT NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE scoring_rule_spend (
      rule_id TEXT NOT NULL REFERENCES scoring_rule (id) ON DELETE CASCADE,
      day TEXT NOT NULL,
      judge_pico_usd BIGINT NOT NULL DEFAULT 0,
      judge_calls BIGINT NOT NULL DEFAULT 0,
      PRIMARY KEY (rule_id, day)
    );

    DROP INDEX interaction_created;
    CREATE INDEX interaction_created ON interaction (created_at, id);
  `,
};
