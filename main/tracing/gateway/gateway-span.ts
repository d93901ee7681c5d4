import type { PicoUsd } from '../../../shared/money';
import type { Usage } from '../../llm/types';
import { redactJson, redactText } from '../redact';
import type { SpanRecord } from '../span-record';
import type { TraceContext } from './trace-context';

const MAX_ERROR_CHARS = 2000;

export interface GatewayCall {
  readonly kind: 'llm' | 'embedding';
  readonly provider: string;
  readonly model: string;
  readonly route: string;
  readonly stream: boolean;
  readonly trace: TraceContext;
  readonly sessionId: string | null;
  readonly userId: string | null;
  readonly tags: readonly string[];
  readonly promptVersionId: string | null;
  /** The normalized request (ChatRequest shape for LLM calls, `{ input }` for embeddings). */
  readonly request: () => unknown;
  readonly startedAtMs: number;
}

export interface GatewayOutcome {
  readonly response: unknown;
  readonly usage: Usage;
  readonly costPicoUsd: PicoUsd | null;
  readonly status: 'ok' | 'error';
  readonly errorClass: string | null;
  readonly errorMessage: string | null;
  readonly httpStatus: number | null;
  readonly latencyMs: number;
  readonly ttftMs: number | null;
  readonly providerRequestId: string | null;
  /** False when the provider reported no usage (an OpenAI stream without include_usage). */
  readonly usageReported: boolean;
}

/**
 * The span of one proxied call. Everything stored is redacted here: credential-named fields,
 * and every secret value seen on the request (the client's key, the Assay token, stored keys)
 * wherever it occurs in the request, answer or error text.
 */
export function gatewaySpan(
  call: GatewayCall,
  outcome: GatewayOutcome,
  secrets: readonly string[],
): SpanRecord {
  const error =
    outcome.errorMessage === null
      ? null
      : redactText(outcome.errorMessage, secrets).slice(0, MAX_ERROR_CHARS);
  return {
    id: call.trace.spanId,
    traceId: call.trace.traceId,
    parentId: call.trace.parentId,
    kind: call.kind,
    name: `${call.provider}:${call.model}`,
    source: 'gateway',
    provider: call.provider,
    model: call.model,
    status: outcome.status,
    errorClass: outcome.errorClass,
    errorMessage: error,
    requestJson: redactJson(call.request(), secrets),
    responseJson: outcome.response === null ? null : redactJson(outcome.response, secrets),
    usage: outcome.usage,
    costPicoUsd: outcome.costPicoUsd,
    latencyMs: outcome.latencyMs,
    ttftMs: outcome.ttftMs,
    attempts: 1,
    cacheHit: false,
    providerRequestId: outcome.providerRequestId,
    attributes: {
      'gateway.route': call.route,
      'gateway.stream': call.stream,
      'http.status': outcome.httpStatus,
      ...(outcome.usageReported ? {} : { 'gateway.usage': 'not_reported' }),
    },
    sessionId: call.sessionId,
    userId: call.userId,
    tags: call.tags,
    promptVersionId: call.promptVersionId,
    rerunOf: null,
    startedAt: new Date(call.startedAtMs).toISOString(),
    endedAt: new Date(call.startedAtMs + outcome.latencyMs).toISOString(),
  };
}
