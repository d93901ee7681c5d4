import { z } from 'zod';
import { picoToUsd } from '../../../shared/money';
import type { RerunComparison } from '../../../shared/contract/trace-actions';
import type { SpanRecord } from '../span-record';

const responseSchema = z.looseObject({ text: z.string().optional() });

/** The answer text a span recorded ('' when it has none: an error, tool calls only). */
export function answerText(span: SpanRecord): string {
  if (span.responseJson === null) return '';
  try {
    const parsed = responseSchema.safeParse(JSON.parse(span.responseJson));
    return parsed.success ? (parsed.data.text ?? '') : '';
  } catch {
    return '';
  }
}

/** Every input token, whatever rate it was billed at. */
const inputTokens = (span: SpanRecord) =>
  span.usage.inputTokens + span.usage.cacheReadTokens + span.usage.cacheWriteTokens;

/** The rerun minus the original: positive means the rerun cost, took or used more. */
export function compareSpans(original: SpanRecord, rerun: SpanRecord): RerunComparison {
  const originalText = answerText(original);
  const rerunText = answerText(rerun);
  const inDelta = inputTokens(rerun) - inputTokens(original);
  const outDelta = rerun.usage.outputTokens - original.usage.outputTokens;
  return {
    // Pico-dollars are integers: the difference is exact before it becomes dollars.
    costDeltaUsd:
      original.costPicoUsd === null || rerun.costPicoUsd === null
        ? null
        : picoToUsd(rerun.costPicoUsd - original.costPicoUsd),
    latencyDeltaMs: rerun.latencyMs - original.latencyMs,
    inputTokensDelta: inDelta,
    outputTokensDelta: outDelta,
    totalTokensDelta: inDelta + outDelta,
    sameText: originalText === rerunText,
    originalText,
    rerunText,
  };
}
