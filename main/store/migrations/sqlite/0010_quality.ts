import type { Migration } from '../../migration';

/**
 * Quality (issue 14): graders, scorecards and the scores they, people and apps give.
 *
 * - Graders and scorecards are versioned like prompts: `grader_version` and `scorecard_version`
 *   rows are immutable (a trigger refuses every UPDATE), numbered 1, 2, 3… per parent. A score
 *   names the grader version that gave it, so editing a grader never changes an old score.
 * - A name is unique among the live (non-archived) graders, and among live scorecards: an
 *   archived one frees its name for a replacement and keeps its scores.
 * - `kind`, `target_type` and `source` carry no CHECK: the contract's enums are the gate, and a
 *   CHECK here could only be widened by rebuilding the table (span.kind's lesson in 0008).
 * - `idempotency_key` is unique: an app's retry is one score. Scores a grader run gives have no
 *   key; they are one per (target, grader version) by a partial unique index instead.
 * - Listing reads a target's scores and a grader's scores over time (the dashboard, a million
 *   scores): both indexes end in (created_at, id), the order the list reads, so a page walks
 *   the index without sorting.
 */
export const migration0010: Migration = {
  id: 10,
  name: 'quality',
  up: `
    CREATE TABLE grader (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL,
      built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX grader_live_name ON grader (name) WHERE archived = 0;
    CREATE INDEX grader_created ON grader (created_at);

    CREATE TABLE grader_version (
      id TEXT PRIMARY KEY NOT NULL,
      grader_id TEXT NOT NULL REFERENCES grader (id) ON DELETE RESTRICT,
      version INTEGER NOT NULL CHECK (version >= 1),
      definition_json TEXT NOT NULL,
      score_config_json TEXT NOT NULL,
      rubric TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      UNIQUE (grader_id, version)
    ) STRICT;
    CREATE TRIGGER grader_version_immutable BEFORE UPDATE ON grader_version
    BEGIN
      SELECT RAISE(ABORT, 'grader versions are immutable');
    END;

    CREATE TABLE scorecard (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX scorecard_live_name ON scorecard (name) WHERE archived = 0;
    CREATE INDEX scorecard_created ON scorecard (created_at);

    CREATE TABLE scorecard_version (
      id TEXT PRIMARY KEY NOT NULL,
      scorecard_id TEXT NOT NULL REFERENCES scorecard (id) ON DELETE RESTRICT,
      version INTEGER NOT NULL CHECK (version >= 1),
      body_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (scorecard_id, version)
    ) STRICT;
    CREATE TRIGGER scorecard_version_immutable BEFORE UPDATE ON scorecard_version
    BEGIN
      SELECT RAISE(ABORT, 'scorecard versions are immutable');
    END;

    CREATE TABLE score (
      id TEXT PRIMARY KEY NOT NULL,
      target_type TEXT NOT NULL,
      target_id TEXT NOT NULL,
      grader_id TEXT REFERENCES grader (id) ON DELETE RESTRICT,
      grader_version_id TEXT REFERENCES grader_version (id) ON DELETE RESTRICT,
      name TEXT NOT NULL,
      value REAL,
      level TEXT,
      reason TEXT,
      source TEXT NOT NULL,
      cost_pico_usd INTEGER,
      author TEXT,
      idempotency_key TEXT UNIQUE,
      created_at TEXT NOT NULL,
      CHECK ((grader_id IS NULL) = (grader_version_id IS NULL)),
      CHECK (source <> 'grader' OR grader_version_id IS NOT NULL)
    ) STRICT;
    CREATE UNIQUE INDEX score_grader_once ON score (target_type, target_id, grader_version_id)
      WHERE source = 'grader';
    CREATE INDEX score_target ON score (target_type, target_id, created_at, id);
    CREATE INDEX score_grader ON score (grader_id, created_at, id) WHERE grader_id IS NOT NULL;
  `,
};
