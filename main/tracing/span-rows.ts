import type { Insertable, Selectable } from 'kysely';
import type { SpanKindName, SpanSource } from '../../shared/contract/traces';
import { readJsonOrNull, writeJson } from '../store/json-column';
import type { SpanTable } from '../store/schema';
import { packPayload, unpackPayload } from './payload-codec';
import type { SpanRecord } from './span-record';
import { stubJson, type PayloadStub, type SpanPayloadText } from './span-payload-blobs';

/**
 * A stored span as the domain sees it: the one place its columns are parsed. Kind and source
 * are what the writers stored (the contract's enums); the payload is unpacked from its
 * compressed column when it was stored that way, or given when it was read from object storage
 * (span-payload-blobs.ts).
 */
export function toSpanRecord(row: Selectable<SpanTable>, fromBlob?: SpanPayloadText): SpanRecord {
  const payload =
    fromBlob ??
    unpackPayload({
      requestJson: row.request_json,
      responseJson: row.response_json,
      payloadZ: row.payload_z,
    });
  return {
    id: row.id,
    traceId: row.trace_id,
    parentId: row.parent_id,
    kind: row.kind as SpanKindName,
    name: row.name,
    source: row.source as SpanSource,
    provider: row.provider,
    model: row.model,
    status: row.status === 'error' ? 'error' : 'ok',
    errorClass: row.error_class,
    errorMessage: row.error_message,
    requestJson: payload.requestJson,
    responseJson: payload.responseJson,
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
    sessionId: row.session_id,
    userId: row.user_id,
    tags: readJsonOrNull<string[]>(row.tags_json) ?? [],
    promptVersionId: row.prompt_version_id,
    rerunOf: row.rerun_of,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

/** A span's row; with a stub, its payload is in object storage and the row holds the stub. */
export function spanRow(span: SpanRecord, stub?: PayloadStub): Insertable<SpanTable> {
  const payload = stub
    ? { requestJson: stubJson(stub), responseJson: null, payloadZ: null }
    : packPayload(span.requestJson, span.responseJson);
  return {
    id: span.id,
    trace_id: span.traceId,
    parent_id: span.parentId,
    kind: span.kind,
    name: span.name,
    source: span.source,
    provider: span.provider,
    model: span.model,
    status: span.status,
    error_class: span.errorClass,
    error_message: span.errorMessage,
    request_json: payload.requestJson,
    response_json: payload.responseJson,
    payload_z: payload.payloadZ,
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
    session_id: span.sessionId,
    user_id: span.userId,
    tags_json: span.tags.length > 0 ? writeJson(span.tags) : null,
    prompt_version_id: span.promptVersionId,
    rerun_of: span.rerunOf,
    started_at: span.startedAt,
    ended_at: span.endedAt,
  };
}
