import type { Migration } from '../../migration';

/**
 * Team server accounts (issue 16; main/auth). The desktop never writes these tables, but both
 * dialects carry one schema.
 *
 * - `workspace`: one row, 'default', for now; members are per workspace so that several can
 *   come later. `setup_user_id` is set once, by a conditional UPDATE, in the transaction that
 *   creates the first admin: two concurrent first-run setups cannot both succeed.
 * - Passwords are argon2id PHC strings; session and API token secrets are stored only as
 *   their sha256 (hex), looked up by it. An API token keeps its first characters (`prefix`)
 *   for display.
 * - `audit_log` keeps the user's email beside the id (history reads without a join), and never
 *   a call's input.
 */
export const migration0019: Migration = {
  id: 19,
  name: 'accounts',
  up: `
    CREATE TABLE workspace (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      setup_user_id TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO workspace (id, name, setup_user_id, created_at)
      VALUES ('default', 'Default', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

    CREATE TABLE app_user (
      id TEXT PRIMARY KEY NOT NULL,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_login_at TEXT
    ) STRICT;

    CREATE TABLE workspace_member (
      workspace_id TEXT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
      created_at TEXT NOT NULL,
      PRIMARY KEY (workspace_id, user_id)
    ) STRICT;
    CREATE INDEX workspace_member_user ON workspace_member (user_id);

    CREATE TABLE user_session (
      id TEXT PRIMARY KEY NOT NULL,
      user_id TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      secret_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      client_address TEXT
    ) STRICT;
    CREATE INDEX user_session_user ON user_session (user_id);

    CREATE TABLE api_token (
      id TEXT PRIMARY KEY NOT NULL,
      user_id TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      prefix TEXT NOT NULL,
      secret_hash TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
      created_at TEXT NOT NULL,
      expires_at TEXT,
      last_used_at TEXT,
      revoked_at TEXT
    ) STRICT;
    CREATE INDEX api_token_user ON api_token (user_id, created_at);

    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY NOT NULL,
      at TEXT NOT NULL,
      user_id TEXT REFERENCES app_user (id) ON DELETE SET NULL,
      user_email TEXT,
      via TEXT NOT NULL,
      channel TEXT NOT NULL,
      target TEXT,
      ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
      error_code TEXT,
      client_address TEXT
    ) STRICT;
    CREATE INDEX audit_log_at ON audit_log (at, id);
  `,
};
