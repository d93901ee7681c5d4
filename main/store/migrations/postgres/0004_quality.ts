import type { Migration } from '../../migration';

/** SQLite's 0010 (see there): graders, scorecards, their immutable versions, and scores. */
export const postgres0004: Migration = {
  id: 4,
  name: 'quality',
  up: `
    CREATE TABLE grader (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL,
      built_in SMALLINT NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
      archived SMALLINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX grader_live_name ON grader (name) WHERE archived = 0;
    CREATE INDEX grader_created ON grader (created_at);

    CREATE TABLE grader_version (
      id TEXT PRIMARY KEY,
      grader_id TEXT NOT NULL REFERENCES grader (id) ON DELETE RESTRICT,
      version INTEGER NOT NULL CHECK (version >= 1),
      definition_json JSON NOT NULL,
      score_config_json JSON NOT NULL,
      rubric TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      UNIQUE (grader_id, version)
    );

    CREATE TABLE scorecard (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      archived SMALLINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX scorecard_live_name ON scorecard (name) WHERE archived = 0;
    CREATE INDEX scorecard_created ON scorecard (created_at);

    CREATE TABLE scorecard_version (
      id TEXT PRIMARY KEY,
      scorecard_id TEXT NOT NULL REFERENCES scorecard (id) ON DELETE RESTRICT,
      version INTEGER NOT NULL CHECK (version >= 1),
      body_json JSON NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (scorecard_id, version)
    );

    CREATE FUNCTION quality_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
    END;
    $$;
    CREATE TRIGGER grader_version_immutable BEFORE UPDATE ON grader_version
      FOR EACH ROW EXECUTE FUNCTION quality_version_immutable();
    CREATE TRIGGER scorecard_version_immutable BEFORE UPDATE ON scorecard_version
      FOR EACH ROW EXECUTE FUNCTION quality_version_immutable();

    CREATE TABLE score (
      id TEXT PRIMARY KEY,
      target_type TEXT NOT NULL,
      target_id TEXT NOT NULL,
      grader_id TEXT REFERENCES grader (id) ON DELETE RESTRICT,
      grader_version_id TEXT REFERENCES grader_version (id) ON DELETE RESTRICT,
      name TEXT NOT NULL,
      value DOUBLE PRECISION,
      level TEXT,
      reason TEXT,
      source TEXT NOT NULL,
      cost_pico_usd BIGINT,
      author TEXT,
      idempotency_key TEXT UNIQUE,
      created_at TEXT NOT NULL,
      CHECK ((grader_id IS NULL) = (grader_version_id IS NULL)),
      CHECK (source <> 'grader' OR grader_version_id IS NOT NULL)
    );
    CREATE UNIQUE INDEX score_grader_once ON score (target_type, target_id, grader_version_id)
      WHERE source = 'grader';
    CREATE INDEX score_target ON score (target_type, target_id, created_at, id);
    CREATE INDEX score_grader ON score (grader_id, created_at, id) WHERE grader_id IS NOT NULL;
  `,
};
