import type { Insertable } from 'kysely';
import type { TraceTable } from '../store/schema';
import { writeJson } from '../store/json-column';
import { preview, type spanTexts } from './search-text';
import type { SpanRecord } from './span-record';

type Texts = ReturnType<typeof spanTexts>;

/**
 * Folds the new spans of one trace into the summary row they add. The database merges it with
 * the stored row (trace-repository's upsert) under the same rules, so arrival order does not
 * matter: sums add, times widen, the root span (no parent) names the trace and gives its
 * previews once it arrives, and the first session, user, tags, model and prompt seen stand.
 */
export function foldTrace(
  spans: readonly { span: SpanRecord; texts: Texts }[],
): Insertable<TraceTable> {
  const first = spans[0]!.span;
  const root = spans.find((s) => s.span.parentId === null);
  const llm = spans.find((s) => s.span.kind === 'llm');
  const shown = root ?? llm ?? spans[0]!;
  let started = first.startedAt;
  let ended = first.endedAt;
  let cost: number | null = null;
  let unpriced = 0;
  let errors = 0;
  let llmCount = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  for (const { span } of spans) {
    if (span.startedAt < started) started = span.startedAt;
    if (span.endedAt > ended) ended = span.endedAt;
    if (span.costPicoUsd !== null) cost = (cost ?? 0) + span.costPicoUsd;
    if (span.kind === 'llm') llmCount++;
    if (span.kind === 'llm' && span.status === 'ok' && span.costPicoUsd === null) unpriced++;
    if (span.status === 'error') errors++;
    inputTokens += span.usage.inputTokens;
    outputTokens += span.usage.outputTokens;
  }
  const tagged = spans.find((s) => s.span.tags.length > 0)?.span.tags;
  const pick = <K extends keyof SpanRecord>(key: K): SpanRecord[K] | null =>
    (root?.span[key] ?? spans.find((s) => s.span[key] !== null)?.span[key] ?? null) as
      SpanRecord[K] | null;
  return {
    id: first.traceId,
    name: shown.span.name,
    source: (root ?? spans[0]!).span.source,
    root_span_id: root?.span.id ?? null,
    started_at: started,
    ended_at: ended,
    latency_ms: Date.parse(ended) - Date.parse(started),
    span_count: spans.length,
    llm_count: llmCount,
    error_count: errors,
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cost_pico_usd: cost,
    unpriced_count: unpriced,
    provider: llm?.span.provider ?? null,
    model: llm?.span.model ?? null,
    prompt_version_id: pick('promptVersionId'),
    session_id: pick('sessionId'),
    user_id: pick('userId'),
    tags_json: tagged ? writeJson(tagged) : null,
    // A root without words of its own (an HTTP handler's span) shows its first LLM call's.
    input_preview: preview(shown.texts.lastInput) ?? (llm ? preview(llm.texts.lastInput) : null),
    output_preview: preview(shown.texts.output) ?? (llm ? preview(llm.texts.output) : null),
  };
}
