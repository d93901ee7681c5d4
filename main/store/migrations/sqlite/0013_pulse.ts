import type { Migration } from '../../migration';

/**
 * Pulse alerts (issue 14): rules over a window of production traffic, the alerts they fired,
 * the webhooks alerts go to, and every delivery attempt.
 *
 * - `alert_rule.firing` is the edge-triggered state (alert-condition.ts): stored, so a restart
 *   does not fire again for a breach it already alerted on. The runner flips it with a
 *   conditional UPDATE, so two processes evaluating one rule store one alert.
 * - A webhook's URL (a Slack URL is itself a secret) and signing secret are ciphertext of the
 *   app's secret cipher (safeStorage, or the 0600 key file headless), never plaintext; `url_hint`
 *   (scheme and host) is all a view shows.
 * - Alerts outlive their rule (`rule_id` set NULL, `rule_name` kept) and their webhooks
 *   (`webhook_id` set NULL, `webhook_name` kept): the inbox is history.
 * - A delivery is pending while `finished_at` is NULL. `claimed_at` is when a process took it
 *   on: one left pending longer than a delivery can take (its process died) is claimed again,
 *   by a conditional UPDATE so only one process resumes it.
 * - `metric`, `format` carry no CHECK: the contract's enums are the gate (see 0010).
 */
export const migration0013: Migration = {
  id: 13,
  name: 'pulse',
  up: `
    CREATE TABLE alert_rule (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      metric TEXT NOT NULL,
      scorecard_id TEXT REFERENCES scorecard (id) ON DELETE RESTRICT,
      condition_json TEXT NOT NULL,
      window_minutes INTEGER NOT NULL CHECK (window_minutes >= 1),
      filter_json TEXT NOT NULL,
      min_samples INTEGER NOT NULL CHECK (min_samples >= 1),
      webhook_ids_json TEXT NOT NULL,
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
      firing INTEGER NOT NULL DEFAULT 0 CHECK (firing IN (0, 1)),
      last_evaluated_at TEXT,
      last_value REAL,
      last_error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX alert_rule_created ON alert_rule (created_at);

    CREATE TABLE alert (
      id TEXT PRIMARY KEY NOT NULL,
      rule_id TEXT REFERENCES alert_rule (id) ON DELETE SET NULL,
      rule_name TEXT NOT NULL,
      metric TEXT NOT NULL,
      condition_json TEXT NOT NULL,
      value REAL NOT NULL,
      previous_value REAL,
      window_from TEXT NOT NULL,
      window_to TEXT NOT NULL,
      summary TEXT NOT NULL,
      interaction_ids_json TEXT NOT NULL,
      trace_ids_json TEXT NOT NULL,
      fired_at TEXT NOT NULL,
      read_at TEXT
    ) STRICT;
    CREATE INDEX alert_fired ON alert (fired_at, id);
    CREATE INDEX alert_unread ON alert (fired_at) WHERE read_at IS NULL;
    CREATE INDEX alert_rule_fired ON alert (rule_id, fired_at);

    CREATE TABLE webhook (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      format TEXT NOT NULL,
      cipher TEXT NOT NULL,
      url_cipher TEXT NOT NULL,
      secret_cipher TEXT NOT NULL,
      url_hint TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE webhook_delivery (
      id TEXT PRIMARY KEY NOT NULL,
      alert_id TEXT NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
      webhook_id TEXT REFERENCES webhook (id) ON DELETE SET NULL,
      webhook_name TEXT NOT NULL,
      attempts_json TEXT NOT NULL,
      delivered INTEGER NOT NULL DEFAULT 0 CHECK (delivered IN (0, 1)),
      final_error TEXT,
      created_at TEXT NOT NULL,
      claimed_at TEXT NOT NULL,
      finished_at TEXT
    ) STRICT;
    CREATE INDEX webhook_delivery_alert ON webhook_delivery (alert_id, created_at);
    CREATE INDEX webhook_delivery_pending ON webhook_delivery (claimed_at) WHERE finished_at IS NULL;
  `,
};
