import type { Migration } from '../../migration';

/**
 * Spans of LLM calls, the response cache and user price overrides.
 * Money columns are integer pico-dollars (see shared/money.ts); NULL cost means unpriced.
 */
export const migration0002: Migration = {
  id: 2,
  name: 'llm_calls',
  up: `
    CREATE TABLE span (
      id TEXT PRIMARY KEY NOT NULL,
      trace_id TEXT NOT NULL,
      parent_id TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('llm', 'tool', 'retrieval', 'chain', 'judge')),
      name TEXT NOT NULL,
      provider TEXT,
      model TEXT,
      status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
      error_class TEXT,
      error_message TEXT,
      request_json TEXT NOT NULL,
      response_json TEXT,
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
      started_at TEXT NOT NULL,
      ended_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX span_trace ON span (trace_id);
    CREATE INDEX span_started ON span (started_at);

    CREATE TABLE llm_cache (
      key TEXT PRIMARY KEY NOT NULL,
      provider TEXT NOT NULL,
      model TEXT NOT NULL,
      response_json TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER
    ) STRICT;
    CREATE INDEX llm_cache_expires ON llm_cache (expires_at);

    CREATE TABLE model_price (
      provider TEXT NOT NULL,
      model TEXT NOT NULL,
      input_pico INTEGER NOT NULL CHECK (input_pico >= 0),
      output_pico INTEGER NOT NULL CHECK (output_pico >= 0),
      cache_read_pico INTEGER CHECK (cache_read_pico >= 0),
      cache_write_pico INTEGER CHECK (cache_write_pico >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (provider, model)
    ) STRICT;
  `,
};
