import type { Migration } from '../../migration';

/**
 * Datasets and their test cases.
 *
 * Invariants the schema holds by itself:
 * - A case belongs to one dataset for life (ON DELETE RESTRICT): datasets and cases are only
 *   soft-deleted, and eval runs (later) snapshot each case they ran, so nothing here is ever
 *   needed to read an old run.
 * - `revision` starts at 1 and only grows: every edit of a case's content bumps it, so a run's
 *   snapshot can say which revision it ran.
 * - `position` orders cases within a dataset and is never reused (appends take max + 1, deleted
 *   rows included), so an order shown once stays stable.
 * - `source_span_id` names the span a case was stolen from. It is deliberately not a foreign
 *   key: span retention may drop old spans, and a synced replica may hold the case without the
 *   span, yet the case must stay valid.
 */
export const migration0004: Migration = {
  id: 4,
  name: 'datasets',
  up: `
    CREATE TABLE dataset (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL UNIQUE,
      interaction_type TEXT NOT NULL
        CHECK (interaction_type IN ('chat', 'extraction', 'classification', 'generation')),
      description TEXT NOT NULL DEFAULT '',
      tags_json TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;

    CREATE TABLE test_case (
      id TEXT PRIMARY KEY NOT NULL,
      dataset_id TEXT NOT NULL REFERENCES dataset (id) ON DELETE RESTRICT,
      position INTEGER NOT NULL CHECK (position >= 0),
      description TEXT NOT NULL DEFAULT '',
      vars_json TEXT NOT NULL,
      -- NULL when the case has no expected output (JSON null is not stored as an expectation).
      expected_json TEXT,
      matchers_json TEXT NOT NULL DEFAULT '[]',
      tags_json TEXT NOT NULL DEFAULT '[]',
      source_span_id TEXT,
      revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      UNIQUE (dataset_id, position)
    ) STRICT;
    CREATE INDEX test_case_span ON test_case (source_span_id) WHERE source_span_id IS NOT NULL;
  `,
};
