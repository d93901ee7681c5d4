import type { Migration } from '../../migration';

/**
 * The traces step of SQLite's 0008 (see there): spans from the user's apps, the trace summary
 * row, interactions and their feedback. Full-text search is a `tsvector` per span in
 * `span_search` (GIN-indexed, 'simple' configuration: prompts are in any language), the
 * counterpart of SQLite's FTS5 table; it holds no text, only the vector and the trace id.
 */
export const postgres0002: Migration = {
  id: 2,
  name: 'traces',
  up: `
    ALTER TABLE span DROP CONSTRAINT IF EXISTS span_kind_check;
    ALTER TABLE span ALTER COLUMN request_json DROP NOT NULL;
    ALTER TABLE span ADD COLUMN source TEXT NOT NULL DEFAULT 'assay';
    ALTER TABLE span ADD COLUMN payload_z BYTEA;
    ALTER TABLE span ADD COLUMN session_id TEXT;
    ALTER TABLE span ADD COLUMN user_id TEXT;
    ALTER TABLE span ADD COLUMN tags_json JSON;
    ALTER TABLE span ADD COLUMN prompt_version_id TEXT;
    ALTER TABLE span ADD COLUMN rerun_of TEXT;
    CREATE INDEX span_rerun_of ON span (rerun_of) WHERE rerun_of IS NOT NULL;

    CREATE TABLE trace (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      source TEXT NOT NULL,
      root_span_id TEXT,
      started_at TEXT NOT NULL,
      ended_at TEXT NOT NULL,
      latency_ms DOUBLE PRECISION NOT NULL,
      span_count INTEGER NOT NULL,
      llm_count INTEGER NOT NULL,
      error_count INTEGER NOT NULL,
      input_tokens BIGINT NOT NULL,
      output_tokens BIGINT NOT NULL,
      cost_pico_usd BIGINT,
      unpriced_count INTEGER NOT NULL,
      provider TEXT,
      model TEXT,
      prompt_version_id TEXT,
      session_id TEXT,
      user_id TEXT,
      tags_json JSON,
      input_preview TEXT,
      output_preview TEXT
    );
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
      error_count, input_tokens, output_tokens, cost_pico_usd, unpriced_count, provider, model
    )
    SELECT
      s.trace_id,
      coalesce((SELECT r.name FROM span r WHERE r.trace_id = s.trace_id AND r.parent_id IS NULL
                ORDER BY r.started_at LIMIT 1), min(s.name)),
      'assay',
      (SELECT r.id FROM span r WHERE r.trace_id = s.trace_id AND r.parent_id IS NULL
       ORDER BY r.started_at LIMIT 1),
      min(s.started_at), max(s.ended_at),
      round(extract(epoch FROM (max(s.ended_at)::timestamptz - min(s.started_at)::timestamptz)) * 1000.0),
      count(*),
      sum(CASE WHEN s.kind = 'llm' THEN 1 ELSE 0 END),
      sum(CASE WHEN s.status = 'error' THEN 1 ELSE 0 END),
      sum(s.input_tokens), sum(s.output_tokens),
      sum(s.cost_pico_usd),
      sum(CASE WHEN s.kind = 'llm' AND s.status = 'ok' AND s.cost_pico_usd IS NULL THEN 1 ELSE 0 END),
      min(s.provider), min(s.model)
    FROM span s
    GROUP BY s.trace_id;

    CREATE TABLE span_search (
      span_id TEXT PRIMARY KEY,
      trace_id TEXT NOT NULL,
      body TSVECTOR NOT NULL
    );
    CREATE INDEX span_search_body ON span_search USING GIN (body);
    INSERT INTO span_search (span_id, trace_id, body)
    SELECT id, trace_id, to_tsvector('simple', request_json::text || ' ' || coalesce(response_json::text, ''))
    FROM span;

    CREATE TABLE interaction (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      trace_id TEXT,
      input_json JSON NOT NULL,
      output_json JSON,
      session_id TEXT,
      user_id TEXT,
      tags_json JSON NOT NULL,
      metadata_json JSON,
      prompt_version_id TEXT,
      span_ids_json JSON NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX interaction_created ON interaction (created_at);
    CREATE INDEX interaction_session ON interaction (session_id, created_at)
      WHERE session_id IS NOT NULL;
    CREATE INDEX interaction_trace ON interaction (trace_id) WHERE trace_id IS NOT NULL;

    CREATE TABLE interaction_feedback (
      id TEXT PRIMARY KEY,
      interaction_id TEXT NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
      score DOUBLE PRECISION,
      label TEXT,
      comment TEXT,
      user_id TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX interaction_feedback_of ON interaction_feedback (interaction_id);
  `,
};
