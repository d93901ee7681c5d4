import type { Migration } from '../../migration';

/**
 * The prompt registry and playground runs.
 *
 * Invariants the schema holds by itself:
 * - A prompt version is immutable: a trigger refuses every UPDATE, so the content a hash, a
 *   label or (later) an eval run points at can never change under it.
 * - Anything that depends on a version or on a component prompt references it with
 *   ON DELETE RESTRICT (composition refs now, eval runs later), so a hard delete (purge) of a
 *   prompt that something still uses fails instead of leaving dangling references.
 * - `prompt_component_ref` mirrors the refs inside `content_json`: the JSON is what renders,
 *   the table is what the database can enforce.
 */
export const migration0003: Migration = {
  id: 3,
  name: 'prompts',
  up: `
    CREATE TABLE prompt (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('system', 'user', 'chat', 'text')),
      description TEXT NOT NULL DEFAULT '',
      tags_json TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;

    CREATE TABLE prompt_version (
      id TEXT PRIMARY KEY NOT NULL,
      prompt_id TEXT NOT NULL REFERENCES prompt (id) ON DELETE RESTRICT,
      major INTEGER NOT NULL CHECK (major >= 0),
      minor INTEGER NOT NULL CHECK (minor >= 0),
      -- NO ACTION (checked at the end of the statement): a purge deletes a whole version tree
      -- in one statement.
      parent_version_id TEXT REFERENCES prompt_version (id),
      content_json TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      author TEXT NOT NULL,
      message TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      UNIQUE (prompt_id, major, minor)
    ) STRICT;

    CREATE TRIGGER prompt_version_immutable BEFORE UPDATE ON prompt_version
    BEGIN
      SELECT RAISE(ABORT, 'prompt versions are immutable');
    END;

    CREATE TABLE prompt_component_ref (
      version_id TEXT NOT NULL REFERENCES prompt_version (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      component_prompt_id TEXT NOT NULL REFERENCES prompt (id) ON DELETE RESTRICT,
      -- Set when the ref pins a version; NULL when it follows a label (or the default).
      component_version_id TEXT REFERENCES prompt_version (id) ON DELETE RESTRICT,
      component_label TEXT,
      PRIMARY KEY (version_id, position)
    ) STRICT;
    CREATE INDEX prompt_component_ref_prompt ON prompt_component_ref (component_prompt_id);
    CREATE INDEX prompt_component_ref_version ON prompt_component_ref (component_version_id);

    CREATE TABLE prompt_label (
      prompt_id TEXT NOT NULL REFERENCES prompt (id),
      label TEXT NOT NULL,
      version_id TEXT NOT NULL REFERENCES prompt_version (id),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (prompt_id, label)
    ) STRICT;
    CREATE INDEX prompt_label_version ON prompt_label (version_id);

    CREATE TABLE prompt_label_event (
      id TEXT PRIMARY KEY NOT NULL,
      prompt_id TEXT NOT NULL REFERENCES prompt (id),
      label TEXT NOT NULL,
      from_version_id TEXT REFERENCES prompt_version (id),
      to_version_id TEXT NOT NULL REFERENCES prompt_version (id),
      actor TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX prompt_label_event_prompt ON prompt_label_event (prompt_id, at);

    CREATE TABLE playground_run (
      id TEXT PRIMARY KEY NOT NULL,
      created_at TEXT NOT NULL,
      prompt_name TEXT,
      prompt_version TEXT,
      variables_json TEXT NOT NULL,
      messages_json TEXT NOT NULL,
      columns_json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX playground_run_created ON playground_run (created_at);
  `,
};
