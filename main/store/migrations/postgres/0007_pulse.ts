import type { Migration } from '../../migration';

/** SQLite's 0013 (see there): alert rules, alerts, webhooks (ciphertext only) and deliveries. */
export const postgres0007: Migration = {
  id: 7,
  name: 'pulse',
  up: `
    CREATE TABLE alert_rule (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      metric TEXT NOT NULL,
      scorecard_id TEXT REFERENCES scorecard (id) ON DELETE RESTRICT,
      condition_json JSON NOT NULL,
      window_minutes INTEGER NOT NULL CHECK (window_minutes >= 1),
      filter_json JSON NOT NULL,
      min_samples INTEGER NOT NULL CHECK (min_samples >= 1),
      webhook_ids_json JSON NOT NULL,
      enabled SMALLINT NOT NULL CHECK (enabled IN (0, 1)),
      firing SMALLINT NOT NULL DEFAULT 0 CHECK (firing IN (0, 1)),
      last_evaluated_at TEXT,
      last_value DOUBLE PRECISION,
      last_error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX alert_rule_created ON alert_rule (created_at);

    CREATE TABLE alert (
      id TEXT PRIMARY KEY,
      rule_id TEXT REFERENCES alert_rule (id) ON DELETE SET NULL,
      rule_name TEXT NOT NULL,
      metric TEXT NOT NULL,
      condition_json JSON NOT NULL,
      value DOUBLE PRECISION NOT NULL,
      previous_value DOUBLE PRECISION,
      window_from TEXT NOT NULL,
      window_to TEXT NOT NULL,
      summary TEXT NOT NULL,
      interaction_ids_json JSON NOT NULL,
      trace_ids_json JSON NOT NULL,
      fired_at TEXT NOT NULL,
      read_at TEXT
    );
    CREATE INDEX alert_fired ON alert (fired_at, id);
    CREATE INDEX alert_unread ON alert (fired_at) WHERE read_at IS NULL;
    CREATE INDEX alert_rule_fired ON alert (rule_id, fired_at);

    CREATE TABLE webhook (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      format TEXT NOT NULL,
      cipher TEXT NOT NULL,
      url_cipher TEXT NOT NULL,
      secret_cipher TEXT NOT NULL,
      url_hint TEXT NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE webhook_delivery (
      id TEXT PRIMARY KEY,
      alert_id TEXT NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
      webhook_id TEXT REFERENCES webhook (id) ON DELETE SET NULL,
      webhook_name TEXT NOT NULL,
      attempts_json JSON NOT NULL,
      delivered SMALLINT NOT NULL DEFAULT 0 CHECK (delivered IN (0, 1)),
      final_error TEXT,
      created_at TEXT NOT NULL,
      claimed_at TEXT NOT NULL,
      finished_at TEXT
    );
    CREATE INDEX webhook_delivery_alert ON webhook_delivery (alert_id, created_at);
    CREATE INDEX webhook_delivery_pending ON webhook_delivery (claimed_at) WHERE finished_at IS NULL;
  `,
};
