import type { Migration } from '../../migration';

/** SQLite's 0019 (see there): workspace, accounts, sessions, API tokens (hashed), audit log. */
export const postgres0013: Migration = {
  id: 13,
  name: 'accounts',
  up: `
    CREATE TABLE workspace (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      setup_user_id TEXT,
      created_at TEXT NOT NULL
    );
    INSERT INTO workspace (id, name, setup_user_id, created_at)
      VALUES ('default', 'Default', NULL,
        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));

    CREATE TABLE app_user (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      disabled SMALLINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_login_at TEXT
    );

    CREATE TABLE workspace_member (
      workspace_id TEXT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
      created_at TEXT NOT NULL,
      PRIMARY KEY (workspace_id, user_id)
    );
    CREATE INDEX workspace_member_user ON workspace_member (user_id);

    CREATE TABLE user_session (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      secret_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      client_address TEXT
    );
    CREATE INDEX user_session_user ON user_session (user_id);

    CREATE TABLE api_token (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      prefix TEXT NOT NULL,
      secret_hash TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
      created_at TEXT NOT NULL,
      expires_at TEXT,
      last_used_at TEXT,
      revoked_at TEXT
    );
    CREATE INDEX api_token_user ON api_token (user_id, created_at);

    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      user_id TEXT REFERENCES app_user (id) ON DELETE SET NULL,
      user_email TEXT,
      via TEXT NOT NULL,
      channel TEXT NOT NULL,
      target TEXT,
      ok SMALLINT NOT NULL CHECK (ok IN (0, 1)),
      error_code TEXT,
      client_address TEXT
    );
    CREATE INDEX audit_log_at ON audit_log (at, id);
  `,
};
