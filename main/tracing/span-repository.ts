import type { Insertable, Kysely, Selectable } from 'kysely';
import type { PicoUsd } from '../../shared/money';
import type { Usage } from '../llm/types';
import { readJsonOrNull, writeJson } from '../store/json-column';
import type { DB, SpanTable } from '../store/schema';

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

/**
 * A stored span as the domain sees it: the one place its attributes are parsed. Kind and status
 * are what the table's CHECK constraints allow; the request and response stay JSON text (they
 * are shown as stored, and parsed only by whoever needs their structure).
 */
export function toSpanRecord(row: Selectable<SpanTable>): SpanRecord {
  return {
    id: row.id,
    traceId: row.trace_id,
    parentId: row.parent_id,
    kind: row.kind as SpanKind,
    name: row.name,
    provider: row.provider,
    model: row.model,
    status: row.status === 'error' ? 'error' : 'ok',
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
    attributes: readJsonOrNull<Record<string, unknown>>(row.attributes_json),
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

function spanRow(span: SpanRecord): Insertable<SpanTable> {
  return {
    id: span.id,
    trace_id: span.traceId,
    parent_id: span.parentId,
    kind: span.kind,
    name: span.name,
    provider: span.provider,
    model: span.model,
    status: span.status,
    error_class: span.errorClass,
    error_message: span.errorMessage,
    request_json: span.requestJson,
    response_json: span.responseJson,
    input_tokens: span.usage.inputTokens,
    output_tokens: span.usage.outputTokens,
    cache_read_tokens: span.usage.cacheReadTokens,
    cache_write_tokens: span.usage.cacheWriteTokens,
    reasoning_tokens: span.usage.reasoningTokens,
    cost_pico_usd: span.costPicoUsd,
    latency_ms: span.latencyMs,
    ttft_ms: span.ttftMs,
    attempts: span.attempts,
    cache_hit: span.cacheHit ? 1 : 0,
    provider_request_id: span.providerRequestId,
    attributes_json: span.attributes ? writeJson(span.attributes) : null,
    started_at: span.startedAt,
    ended_at: span.endedAt,
  };
}

/**
 * Spans on either database. The call path writes each one through the database's write queue
 * (a repository bound to the batch's transaction), so a span is committed before its caller
 * sees its id.
 */
export class SpanRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(span: SpanRecord): Promise<void> {
    await this.db.insertInto('span').values(spanRow(span)).execute();
  }

  async get(id: string): Promise<SpanRecord | null> {
    const row = await this.db
      .selectFrom('span')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSpanRecord(row) : null;
  }

  /** A trace's spans in the order they started; ids (UUIDv7) break ties of one millisecond. */
  async byTrace(traceId: string): Promise<SpanRecord[]> {
    const rows = await this.db
      .selectFrom('span')
      .selectAll()
      .where('trace_id', '=', traceId)
      .orderBy('started_at')
      .orderBy('id')
      .execute();
    return rows.map(toSpanRecord);
  }
}
