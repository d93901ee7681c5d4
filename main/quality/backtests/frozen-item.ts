import { z } from 'zod';
import type { SpanRecord } from '../../tracing/span-record';

/**
 * What a backtest set keeps of one item, frozen when the set is made: enough to replay it and
 * to show the baseline, without the interaction, its spans or its prompt still being stored.
 */

/** One LLM call the item made, as recorded. */
export interface FrozenCall {
  readonly spanId: string;
  readonly provider: string | null;
  readonly model: string | null;
  /** The normalized request as the span stored it (secrets already cut out). */
  readonly requestJson: string;
  /** What the model answered, as text (tool calls as JSON when there was no text). */
  readonly answer: string | null;
  readonly status: 'ok' | 'error';
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costPicoUsd: number | null;
  readonly latencyMs: number;
  readonly promptVersionId: string | null;
  /** The variables its prompt was rendered with, when the caller kept them. */
  readonly vars: Readonly<Record<string, string>> | null;
}

export interface FrozenItem {
  readonly input: unknown;
  /** What production answered; null when nothing was recorded (or a dataset case). */
  readonly output: string | null;
  /** A dataset case's expected answer, or null. */
  readonly expected: unknown;
  /** Case variables (dataset items), or null. */
  readonly vars: Readonly<Record<string, string>> | null;
  /** In the order they were made; the last one's answer is the item's answer. */
  readonly calls: readonly FrozenCall[];
}

export const asText = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

// Stored requests and answers are read leniently: a span from an older build, the gateway or
// OTLP ingest may carry fields this one does not know (as tracing's rerun reads them).
const storedAnswerSchema = z.looseObject({
  text: z.string().optional(),
  toolCalls: z.array(z.unknown()).optional(),
});
const storedRequestSchema = z.looseObject({
  messages: z.array(z.looseObject({ role: z.string(), content: z.unknown() })),
});

function parsedJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return undefined;
  }
}

/** What the model answered: its text, else its tool calls as JSON; null when none is stored. */
function answerOf(span: SpanRecord): string | null {
  const response = storedAnswerSchema.safeParse(parsedJson(span.responseJson));
  if (!response.success) return null;
  const { text, toolCalls } = response.data;
  if (text !== undefined && text !== '') return text;
  if (toolCalls && toolCalls.length > 0) return JSON.stringify(toolCalls);
  return text ?? null;
}

/** A recorded call's messages (none when its request cannot be read). */
export function recordedMessages(call: FrozenCall): { role: string; content: unknown }[] {
  const request = storedRequestSchema.safeParse(parsedJson(call.requestJson));
  return request.success ? request.data.messages : [];
}

export function frozenCall(
  span: SpanRecord,
  vars: Readonly<Record<string, string>> | null,
): FrozenCall {
  return {
    spanId: span.id,
    provider: span.provider,
    model: span.model,
    requestJson: span.requestJson,
    answer: answerOf(span),
    status: span.status,
    inputTokens: span.usage.inputTokens,
    outputTokens: span.usage.outputTokens,
    costPicoUsd: span.costPicoUsd,
    latencyMs: span.latencyMs,
    promptVersionId: span.promptVersionId,
    vars,
  };
}

/** The LLM calls of an interaction in the order they started; reruns are not the interaction's. */
export function replayableSpans(spans: readonly SpanRecord[]): SpanRecord[] {
  return spans
    .filter((s) => s.kind === 'llm' && s.rerunOf === null)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
}

/** Whether a frozen item's recorded calls failed (its outcome stratum). */
export function outcomeOf(calls: readonly FrozenCall[]): 'ok' | 'error' | 'no_calls' {
  if (calls.length === 0) return 'no_calls';
  return calls.some((c) => c.status === 'error') ? 'error' : 'ok';
}

/** Production's cost of an item: null when any call was unpriced (never a partial sum as a total). */
export function recordedCost(calls: readonly FrozenCall[]): number | null {
  let total = 0;
  for (const call of calls) {
    if (call.costPicoUsd === null) return null;
    total += call.costPicoUsd;
  }
  return total;
}

/** Production's latency of an item: its calls one after another. */
export function recordedLatency(calls: readonly FrozenCall[]): number | null {
  if (calls.length === 0) return null;
  return calls.reduce((sum, c) => sum + c.latencyMs, 0);
}
