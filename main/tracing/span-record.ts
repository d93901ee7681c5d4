import type { PicoUsd } from '../../shared/money';
import type { SpanKindName, SpanSource } from '../../shared/contract/traces';
import type { Usage } from '../llm/types';

export type SpanKind = SpanKindName;

/** A span as the core holds it, whichever way it came in (call path, gateway, OTLP, API). */
export interface SpanRecord {
  readonly id: string;
  readonly traceId: string;
  readonly parentId: string | null;
  readonly kind: SpanKind;
  readonly name: string;
  readonly source: SpanSource;
  readonly provider: string | null;
  readonly model: string | null;
  readonly status: 'ok' | 'error';
  readonly errorClass: string | null;
  readonly errorMessage: string | null;
  /**
   * Already redacted: no keys, no auth headers. For LLM spans the normalized request
   * (`{ provider, model, messages, ...parameters }`), for others `{ "input": … }`.
   */
  readonly requestJson: string;
  /** The normalized answer (`{ text, toolCalls, finishReason, usage }`) or `{ "output": … }`. */
  readonly responseJson: string | null;
  readonly usage: Usage;
  readonly costPicoUsd: PicoUsd | null;
  readonly latencyMs: number;
  readonly ttftMs: number | null;
  readonly attempts: number;
  readonly cacheHit: boolean;
  readonly providerRequestId: string | null;
  readonly attributes: Record<string, unknown> | null;
  readonly sessionId: string | null;
  readonly userId: string | null;
  readonly tags: readonly string[];
  readonly promptVersionId: string | null;
  readonly rerunOf: string | null;
  readonly startedAt: string;
  readonly endedAt: string;
}

/** The fields a span from Assay's own call path leaves at their defaults. */
export const OWN_SPAN_DEFAULTS = {
  source: 'assay',
  sessionId: null,
  userId: null,
  tags: [],
  promptVersionId: null,
  rerunOf: null,
} as const satisfies Partial<SpanRecord>;
