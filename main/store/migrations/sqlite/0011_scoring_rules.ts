import type { Migration } from '../../migration';

/**
 * Online scoring rules (issue 14): which production interactions a scorecard scores as they
 * arrive, and how far each rule got.
 *
 * - `scoring_rule` is a small versionless register: an edit changes the row. Its name is unique
 *   among live (non-archived) rules. The daily judge budget is money: integer pico-dollars.
 * - `scoring_rule_progress` is the rule's walk over interactions in (created_at, id) order: the
 *   position after which it has scored or skipped everything, written in the same transaction as
 *   the scores of the page it walked, so a restart neither misses nor repeats one. A rescore
 *   walks its own window (after .. through) the same way.
 * - `scoring_rule_spend` is judge spend per rule and UTC day (pico-dollars), added to with each
 *   page's scores; a day's row is what the budget is checked against.
 * - The interaction index gains `id`: the walk reads `(created_at, id) > (?, ?)` in that order,
 *   and the Interactions list's `ORDER BY created_at, id` reads it too. It replaces the index on
 *   created_at alone (its prefix), so ingest pays for one index, not two.
 */
export const migration0011: Migration = {
  id: 11,
  name: 'scoring_rules',
  up: `
    CREATE TABLE scoring_rule (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      scorecard_id TEXT NOT NULL REFERENCES scorecard (id) ON DELETE RESTRICT,
      body_json TEXT NOT NULL,
      daily_budget_pico_usd INTEGER CHECK (daily_budget_pico_usd >= 0),
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX scoring_rule_live_name ON scoring_rule (name) WHERE archived = 0;

    CREATE TABLE scoring_rule_progress (
      rule_id TEXT PRIMARY KEY NOT NULL REFERENCES scoring_rule (id) ON DELETE CASCADE,
      started_at TEXT NOT NULL,
      after_created_at TEXT NOT NULL,
      after_id TEXT NOT NULL,
      scored INTEGER NOT NULL DEFAULT 0,
      skipped INTEGER NOT NULL DEFAULT 0,
      budget_skipped INTEGER NOT NULL DEFAULT 0,
      rescore_after_created_at TEXT,
      rescore_after_id TEXT,
      rescore_through_created_at TEXT,
      rescore_through_id TEXT,
      rescored INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE scoring_rule_spend (
      rule_id TEXT NOT NULL REFERENCES scoring_rule (id) ON DELETE CASCADE,
      day TEXT NOT NULL,
      judge_pico_usd INTEGER NOT NULL DEFAULT 0,
      judge_calls INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (rule_id, day)
    ) STRICT;

    DROP INDEX interaction_created;
    CREATE INDEX interaction_created ON interaction (created_at, id);
  `,
};
