import type { Migration } from '../../migration';

/**
 * The schema the SQLite migrations 0001-0007 arrive at, in one step: a team database starts
 * here. The same invariants hold as on SQLite (see migrations/sqlite): prompt versions are
 * immutable (a trigger), what others reference is ON DELETE RESTRICT, results are unique per
 * (run, case, repeat).
 *
 * Types: money and epoch milliseconds are BIGINT. JSON is `json`, not `jsonb`: `json` keeps
 * the document's text as written (key order is what a user sees: a dataset's columns come from
 * its variables' order; `jsonb` sorts keys) and accepts the escape \u0000 that `jsonb` refuses
 * (a model's output or a pasted value may hold one; SQLite keeps it). Filters cast where they
 * need to (tags); span search (issue 13) can add expression indexes on `jsonb` casts.
 */
export const postgres0001: Migration = {
  id: 1,
  name: 'schema',
  up: `
    CREATE TABLE instance (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL
    );

    CREATE TABLE span (
      id TEXT PRIMARY KEY,
      trace_id TEXT NOT NULL,
      parent_id TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('llm', 'tool', 'retrieval', 'chain', 'judge')),
      name TEXT NOT NULL,
      provider TEXT,
      model TEXT,
      status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
      error_class TEXT,
      error_message TEXT,
      request_json JSON NOT NULL,
      response_json JSON,
      input_tokens BIGINT NOT NULL DEFAULT 0,
      output_tokens BIGINT NOT NULL DEFAULT 0,
      cache_read_tokens BIGINT NOT NULL DEFAULT 0,
      cache_write_tokens BIGINT NOT NULL DEFAULT 0,
      reasoning_tokens BIGINT NOT NULL DEFAULT 0,
      cost_pico_usd BIGINT,
      latency_ms DOUBLE PRECISION NOT NULL,
      ttft_ms DOUBLE PRECISION,
      attempts INTEGER NOT NULL,
      cache_hit SMALLINT NOT NULL CHECK (cache_hit IN (0, 1)),
      provider_request_id TEXT,
      attributes_json JSON,
      started_at TEXT NOT NULL,
      ended_at TEXT NOT NULL
    );
    CREATE INDEX span_trace ON span (trace_id);
    CREATE INDEX span_started ON span (started_at);

    CREATE TABLE llm_cache (
      key TEXT PRIMARY KEY,
      provider TEXT NOT NULL,
      model TEXT NOT NULL,
      response_json JSON NOT NULL,
      created_at BIGINT NOT NULL,
      expires_at BIGINT
    );
    CREATE INDEX llm_cache_expires ON llm_cache (expires_at);

    CREATE TABLE model_price (
      provider TEXT NOT NULL,
      model TEXT NOT NULL,
      input_pico BIGINT NOT NULL CHECK (input_pico >= 0),
      output_pico BIGINT NOT NULL CHECK (output_pico >= 0),
      cache_read_pico BIGINT CHECK (cache_read_pico >= 0),
      cache_write_pico BIGINT CHECK (cache_write_pico >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (provider, model)
    );

    CREATE TABLE prompt (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('system', 'user', 'chat', 'text')),
      description TEXT NOT NULL DEFAULT '',
      tags_json JSON NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );

    CREATE TABLE prompt_version (
      id TEXT PRIMARY KEY,
      prompt_id TEXT NOT NULL REFERENCES prompt (id) ON DELETE RESTRICT,
      major INTEGER NOT NULL CHECK (major >= 0),
      minor INTEGER NOT NULL CHECK (minor >= 0),
      parent_version_id TEXT REFERENCES prompt_version (id),
      content_json JSON NOT NULL,
      content_hash TEXT NOT NULL,
      author TEXT NOT NULL,
      message TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      UNIQUE (prompt_id, major, minor)
    );

    CREATE FUNCTION prompt_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'prompt versions are immutable';
    END;
    $$;
    CREATE TRIGGER prompt_version_immutable BEFORE UPDATE ON prompt_version
      FOR EACH ROW EXECUTE FUNCTION prompt_version_immutable();

    CREATE TABLE prompt_component_ref (
      version_id TEXT NOT NULL REFERENCES prompt_version (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      component_prompt_id TEXT NOT NULL REFERENCES prompt (id) ON DELETE RESTRICT,
      component_version_id TEXT REFERENCES prompt_version (id) ON DELETE RESTRICT,
      component_label TEXT,
      PRIMARY KEY (version_id, position)
    );
    CREATE INDEX prompt_component_ref_prompt ON prompt_component_ref (component_prompt_id);
    CREATE INDEX prompt_component_ref_version ON prompt_component_ref (component_version_id);

    CREATE TABLE prompt_label (
      prompt_id TEXT NOT NULL REFERENCES prompt (id),
      label TEXT NOT NULL,
      version_id TEXT NOT NULL REFERENCES prompt_version (id),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (prompt_id, label)
    );
    CREATE INDEX prompt_label_version ON prompt_label (version_id);

    CREATE TABLE prompt_label_event (
      id TEXT PRIMARY KEY,
      prompt_id TEXT NOT NULL REFERENCES prompt (id),
      label TEXT NOT NULL,
      from_version_id TEXT REFERENCES prompt_version (id),
      to_version_id TEXT NOT NULL REFERENCES prompt_version (id),
      actor TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX prompt_label_event_prompt ON prompt_label_event (prompt_id, at);

    CREATE TABLE playground_run (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      prompt_name TEXT,
      prompt_version TEXT,
      variables_json JSON NOT NULL,
      messages_json JSON NOT NULL,
      columns_json JSON NOT NULL
    );
    CREATE INDEX playground_run_created ON playground_run (created_at);

    CREATE TABLE dataset (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      interaction_type TEXT NOT NULL
        CHECK (interaction_type IN ('chat', 'extraction', 'classification', 'generation')),
      description TEXT NOT NULL DEFAULT '',
      tags_json JSON NOT NULL DEFAULT '[]',
      source_format TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );

    CREATE TABLE test_case (
      id TEXT PRIMARY KEY,
      dataset_id TEXT NOT NULL REFERENCES dataset (id) ON DELETE RESTRICT,
      position INTEGER NOT NULL CHECK (position >= 0),
      description TEXT NOT NULL DEFAULT '',
      vars_json JSON NOT NULL,
      expected_json JSON,
      matchers_json JSON NOT NULL DEFAULT '[]',
      tags_json JSON NOT NULL DEFAULT '[]',
      source_span_id TEXT,
      revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      UNIQUE (dataset_id, position)
    );
    CREATE INDEX test_case_span ON test_case (source_span_id) WHERE source_span_id IS NOT NULL;

    CREATE TABLE eval_run (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL,
      name TEXT NOT NULL,
      dataset_id TEXT REFERENCES dataset (id) ON DELETE RESTRICT,
      prompt_version_id TEXT REFERENCES prompt_version (id) ON DELETE RESTRICT,
      prompt_label TEXT NOT NULL,
      frozen_prompt_json JSON NOT NULL,
      interaction_type TEXT NOT NULL,
      provider TEXT NOT NULL,
      model TEXT NOT NULL,
      parameters_json JSON NOT NULL DEFAULT '{}',
      status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'cancelled', 'failed')),
      concurrency INTEGER NOT NULL CHECK (concurrency >= 1),
      repeat INTEGER NOT NULL CHECK (repeat >= 1),
      bypass_cache SMALLINT NOT NULL DEFAULT 0,
      total_cases INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT,
      error TEXT
    );
    CREATE INDEX eval_run_group ON eval_run (group_id);
    CREATE INDEX eval_run_dataset ON eval_run (dataset_id, created_at);

    CREATE TABLE eval_run_case (
      run_id TEXT NOT NULL REFERENCES eval_run (id) ON DELETE CASCADE,
      case_key TEXT NOT NULL,
      position INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      vars_json JSON NOT NULL,
      expected_json JSON,
      matchers_json JSON NOT NULL,
      PRIMARY KEY (run_id, case_key)
    );

    CREATE TABLE eval_result (
      id TEXT PRIMARY KEY,
      run_id TEXT NOT NULL REFERENCES eval_run (id) ON DELETE CASCADE,
      case_key TEXT NOT NULL,
      repeat_index INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'error', 'unscored')),
      score DOUBLE PRECISION,
      output TEXT,
      matchers_json JSON NOT NULL,
      latency_ms DOUBLE PRECISION,
      input_tokens BIGINT NOT NULL DEFAULT 0,
      output_tokens BIGINT NOT NULL DEFAULT 0,
      cost_pico_usd BIGINT,
      judge_cost_pico_usd BIGINT NOT NULL DEFAULT 0,
      cached SMALLINT NOT NULL DEFAULT 0,
      span_id TEXT,
      error_code TEXT,
      error_message TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (run_id, case_key, repeat_index)
    );
  `,
};
