import type { Migration } from '../../migration';

/**
 * Ship: spans from the user's own apps (gateway, OTLP, the interactions API) beside Assay's own.
 *
 * The span table is rebuilt (SQLite cannot drop a CHECK): `kind` loses its CHECK because
 * OpenTelemetry and OpenInference name kinds Assay did not list (agent, embedding, rerank...),
 * and the contract's enum is the gate; it gains where the span came from, the session, user,
 * tags and prompt version it is tagged with, the span it reran, and `payload_z` (request and
 * response deflated together, for payloads over a few hundred bytes: then the two JSON columns
 * are NULL). Rows keep their rowid: span_fts (contentless: it stores the trace id, not the
 * text) is keyed by the span's rowid, so a span's entry is deleted with it. Nothing may VACUUM
 * this database without rebuilding span_fts (VACUUM may renumber rowids; backups copy pages).
 *
 * `trace` is one row per trace, kept up to date as its spans arrive in any order, so the Traces
 * page lists and filters a million spans without grouping them on every read.
 */
export const migration0008: Migration = {
  id: 8,
  name: 'traces',
  up: `
    CREATE TABLE span_next (
      id TEXT PRIMARY KEY NOT NULL,
      trace_id TEXT NOT NULL,
      parent_id TEXT,
      kind TEXT NOT NULL,
      name TEXT NOT NULL,
      source TEXT NOT NULL DEFAULT 'assay',
      provider TEXT,
      model TEXT,
      status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
      error_class TEXT,
      error_message TEXT,
      request_json TEXT,
      response_json TEXT,
      payload_z BLOB,
      input_tokens INTEGER NOT NULL DEFAULT 0,
      output_tokens INTEGER NOT NULL DEFAULT 0,
      cache_read_tokens INTEGER NOT NULL DEFAULT 0,
      cache_write_tokens INTEGER NOT NULL DEFAULT 0,
      reasoning_tokens INTEGER NOT NULL DEFAULT 0,
      cost_pico_usd INTEGER,
      latency_ms REAL NOT NULL,
      ttft_ms REAL,
      attempts INTEGER NOT NULL,
      cache_hit INTEGER NOT NULL CHECK (cache_hit IN (0, 1)),
      provider_request_id TEXT,
      attributes_json TEXT,
      session_id TEXT,
      user_id TEXT,
      tags_json TEXT,
      prompt_version_id TEXT,
      rerun_of TEXT,
      started_at TEXT NOT NULL,
      ended_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO span_next (
      rowid, id, trace_id, parent_id, kind, name, provider, model, status, error_class,
      error_message, request_json, response_json, input_tokens, output_tokens,
      cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_pico_usd, latency_ms,
      ttft_ms, attempts, cache_hit, provider_request_id, attributes_json, started_at, ended_at
    )
    SELECT
      rowid, id, trace_id, parent_id, kind, name, provider, model, status, error_class,
      error_message, request_json, response_json, input_tokens, output_tokens,
      cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_pico_usd, latency_ms,
      ttft_ms, attempts, cache_hit, provider_request_id, attributes_json, started_at, ended_at
    FROM span;
    DROP TABLE span;
    ALTER TABLE span_next RENAME TO span;
    CREATE INDEX span_trace ON span (trace_id);
    CREATE INDEX span_started ON span (started_at);
    CREATE INDEX span_rerun_of ON span (rerun_of) WHERE rerun_of IS NOT NULL;

    CREATE TABLE trace (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      source TEXT NOT NULL,
      root_span_id TEXT,
      started_at TEXT NOT NULL,
      ended_at TEXT NOT NULL,
      latency_ms REAL NOT NULL,
      span_count INTEGER NOT NULL,
      llm_count INTEGER NOT NULL,
      error_count INTEGER NOT NULL,
      input_tokens INTEGER NOT NULL,
      output_tokens INTEGER NOT NULL,
      cost_pico_usd INTEGER,
      unpriced_count INTEGER NOT NULL,
      provider TEXT,
      model TEXT,
      prompt_version_id TEXT,
      session_id TEXT,
      user_id TEXT,
      tags_json TEXT,
      input_preview TEXT,
      output_preview TEXT
    ) STRICT;
    CREATE INDEX trace_started ON trace (started_at);
    -- The list sorted by cost or latency reads the first page in index order (without them:
    -- 295 ms p95 at 222k traces, bench/traces-store.bench.ts).
    CREATE INDEX trace_cost ON trace (cost_pico_usd);
    CREATE INDEX trace_latency ON trace (latency_ms);
    CREATE INDEX trace_session ON trace (session_id, started_at) WHERE session_id IS NOT NULL;
    CREATE INDEX trace_user ON trace (user_id, started_at) WHERE user_id IS NOT NULL;
    CREATE INDEX trace_model ON trace (model, started_at);
    CREATE INDEX trace_prompt ON trace (prompt_version_id, started_at)
      WHERE prompt_version_id IS NOT NULL;

    INSERT INTO trace (
      id, name, source, root_span_id, started_at, ended_at, latency_ms, span_count, llm_count,
      error_count, input_tokens, output_tokens, cost_pico_usd, unpriced_count, provider, model,
      prompt_version_id, session_id, user_id, tags_json, input_preview, output_preview
    )
    SELECT
      s.trace_id,
      coalesce((SELECT r.name FROM span r WHERE r.trace_id = s.trace_id AND r.parent_id IS NULL
                ORDER BY r.started_at LIMIT 1), min(s.name)),
      'assay',
      (SELECT r.id FROM span r WHERE r.trace_id = s.trace_id AND r.parent_id IS NULL
       ORDER BY r.started_at LIMIT 1),
      min(s.started_at), max(s.ended_at),
      round((julianday(max(s.ended_at)) - julianday(min(s.started_at))) * 86400000.0),
      count(*),
      sum(CASE WHEN s.kind = 'llm' THEN 1 ELSE 0 END),
      sum(CASE WHEN s.status = 'error' THEN 1 ELSE 0 END),
      sum(s.input_tokens), sum(s.output_tokens),
      sum(s.cost_pico_usd),
      sum(CASE WHEN s.kind = 'llm' AND s.status = 'ok' AND s.cost_pico_usd IS NULL THEN 1 ELSE 0 END),
      min(s.provider), min(s.model),
      NULL, NULL, NULL, NULL, NULL, NULL
    FROM span s
    GROUP BY s.trace_id;

    CREATE VIRTUAL TABLE span_fts USING fts5(
      trace_id UNINDEXED, body,
      content = '', contentless_delete = 1, contentless_unindexed = 1, detail = none,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    -- Spans of older releases are searchable too: their JSON text is indexed as it is (new
    -- spans index only the words of messages and answers, see tracing/search-text.ts).
    INSERT INTO span_fts (rowid, trace_id, body)
    SELECT rowid, trace_id, request_json || ' ' || coalesce(response_json, '') FROM span;

    CREATE TABLE interaction (
      id TEXT PRIMARY KEY NOT NULL,
      type TEXT NOT NULL,
      trace_id TEXT,
      input_json TEXT NOT NULL,
      output_json TEXT,
      session_id TEXT,
      user_id TEXT,
      tags_json TEXT NOT NULL,
      metadata_json TEXT,
      prompt_version_id TEXT,
      span_ids_json TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX interaction_created ON interaction (created_at);
    CREATE INDEX interaction_session ON interaction (session_id, created_at)
      WHERE session_id IS NOT NULL;
    CREATE INDEX interaction_trace ON interaction (trace_id) WHERE trace_id IS NOT NULL;

    CREATE TABLE interaction_feedback (
      id TEXT PRIMARY KEY NOT NULL,
      interaction_id TEXT NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
      score REAL,
      label TEXT,
      comment TEXT,
      user_id TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX interaction_feedback_of ON interaction_feedback (interaction_id);
  `,
};
