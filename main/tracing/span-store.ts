import type { Database, Statement } from 'better-sqlite3';
import type { PicoUsd } from '../../shared/money';
import type { Usage } from '../llm/types';

export type SpanKind = 'llm' | 'tool' | 'retrieval' | 'chain' | 'judge';

export interface SpanRecord {
  readonly id: string;
  readonly traceId: string;
  readonly parentId: string | null;
  readonly kind: SpanKind;
  readonly name: string;
  readonly provider: string | null;
  readonly model: string | null;
  readonly status: 'ok' | 'error';
  readonly errorClass: string | null;
  readonly errorMessage: string | null;
  /** Already redacted: no keys, no auth headers. */
  readonly requestJson: string;
  readonly responseJson: string | null;
  readonly usage: Usage;
  readonly costPicoUsd: PicoUsd | null;
  readonly latencyMs: number;
  readonly ttftMs: number | null;
  readonly attempts: number;
  readonly cacheHit: boolean;
  readonly providerRequestId: string | null;
  readonly attributes: Record<string, unknown> | null;
  readonly startedAt: string;
  readonly endedAt: string;
}

interface SpanRow {
  id: string;
  trace_id: string;
  parent_id: string | null;
  kind: SpanKind;
  name: string;
  provider: string | null;
  model: string | null;
  status: 'ok' | 'error';
  error_class: string | null;
  error_message: string | null;
  request_json: string;
  response_json: string | null;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  cost_pico_usd: number | null;
  latency_ms: number;
  ttft_ms: number | null;
  attempts: number;
  cache_hit: number;
  provider_request_id: string | null;
  attributes_json: string | null;
  started_at: string;
  ended_at: string;
}

function toRecord(row: SpanRow): SpanRecord {
  return {
    id: row.id,
    traceId: row.trace_id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    provider: row.provider,
    model: row.model,
    status: row.status,
    errorClass: row.error_class,
    errorMessage: row.error_message,
    requestJson: row.request_json,
    responseJson: row.response_json,
    usage: {
      inputTokens: row.input_tokens,
      outputTokens: row.output_tokens,
      cacheReadTokens: row.cache_read_tokens,
      cacheWriteTokens: row.cache_write_tokens,
      reasoningTokens: row.reasoning_tokens,
    },
    costPicoUsd: row.cost_pico_usd,
    latencyMs: row.latency_ms,
    ttftMs: row.ttft_ms,
    attempts: row.attempts,
    cacheHit: row.cache_hit === 1,
    providerRequestId: row.provider_request_id,
    attributes: row.attributes_json
      ? (JSON.parse(row.attributes_json) as Record<string, unknown>)
      : null,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

/** Spans in SQLite. Each is written in its own statement as the call ends, so a crash loses none. */
export class SpanStore {
  private readonly insertStmt: Statement<[Record<string, unknown>]>;
  private readonly getStmt: Statement<[string], SpanRow>;
  private readonly byTraceStmt: Statement<[string], SpanRow>;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO span (id, trace_id, parent_id, kind, name, provider, model, status, error_class, error_message,
         request_json, response_json, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
         reasoning_tokens, cost_pico_usd, latency_ms, ttft_ms, attempts, cache_hit, provider_request_id,
         attributes_json, started_at, ended_at)
       VALUES (@id, @traceId, @parentId, @kind, @name, @provider, @model, @status, @errorClass, @errorMessage,
         @requestJson, @responseJson, @inputTokens, @outputTokens, @cacheReadTokens, @cacheWriteTokens,
         @reasoningTokens, @costPicoUsd, @latencyMs, @ttftMs, @attempts, @cacheHit, @providerRequestId,
         @attributesJson, @startedAt, @endedAt)`,
    );
    this.getStmt = db.prepare('SELECT * FROM span WHERE id = ?');
    this.byTraceStmt = db.prepare('SELECT * FROM span WHERE trace_id = ? ORDER BY started_at, id');
  }

  insert(span: SpanRecord): void {
    this.insertStmt.run({
      ...span,
      ...span.usage,
      cacheHit: span.cacheHit ? 1 : 0,
      attributesJson: span.attributes ? JSON.stringify(span.attributes) : null,
    });
  }

  get(id: string): SpanRecord | null {
    const row = this.getStmt.get(id);
    return row ? toRecord(row) : null;
  }

  byTrace(traceId: string): SpanRecord[] {
    return this.byTraceStmt.all(traceId).map(toRecord);
  }
}
