import { styleText } from 'node:util';
import type { TraceFilter } from '../../../shared/contract/traces';
import { picoToUsd, usdToPico } from '../../../shared/money';
import type { FeedSpan } from '../../tracing/span-feed';
import { formatCost, formatMs } from '../../tracing/export/markdown-text';

/** Whether a span passes `--filter` (the trace filter's fields, read per span). */
export function spanMatches(span: FeedSpan, f: TraceFilter): boolean {
  if (f.source && span.source !== f.source) return false;
  if (f.provider && span.provider !== f.provider) return false;
  if (f.model && span.model !== f.model) return false;
  if (f.status && span.status !== f.status) return false;
  if (f.userId && span.userId !== f.userId) return false;
  if (f.sessionId && span.sessionId !== f.sessionId) return false;
  if (f.promptVersionId && span.promptVersionId !== f.promptVersionId) return false;
  if (f.minCostUsd !== undefined && (span.costPicoUsd ?? 0) < usdToPico(f.minCostUsd)) return false;
  if (f.maxCostUsd !== undefined && (span.costPicoUsd ?? 0) > usdToPico(f.maxCostUsd)) return false;
  if (f.minLatencyMs !== undefined && span.latencyMs < f.minLatencyMs) return false;
  if (f.maxLatencyMs !== undefined && span.latencyMs > f.maxLatencyMs) return false;
  if (f.tags?.length) {
    const tags = tagsOf(span);
    if (!f.tags.every((t) => tags.includes(t))) return false;
  }
  return true;
}

function tagsOf(span: FeedSpan): string[] {
  if (!span.tagsJson) return [];
  try {
    const parsed: unknown = JSON.parse(span.tagsJson);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** One span as a JSON line (`--json`): the fields the text line shows, cost in USD. */
export function spanJsonLine(span: FeedSpan): string {
  const { tagsJson, costPicoUsd, ...rest } = span;
  return JSON.stringify({
    ...rest,
    tags: tagsJson === null ? [] : tagsOf(span),
    costUsd: costPicoUsd === null ? null : picoToUsd(costPicoUsd),
  });
}

const fit = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

/**
 * `10:00:00.042  4bf92f35  llm     openai:gpt-4o   gpt-4o   12→5 tok  $0.000125   42 ms  ok`,
 * coloured on a terminal (the status, dim ids). Control characters in names are dropped so a
 * hostile span name cannot move the cursor or rewrite the terminal.
 */
export function spanTextLine(span: FeedSpan, colour: boolean): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) =>
    colour ? styleText(style, text) : text;
  // eslint-disable-next-line no-control-regex
  const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const time = new Date(span.startedAt);
  const clock = Number.isNaN(time.getTime()) ? '--:--:--.---' : time.toISOString().slice(11, 23);
  const cost =
    span.costPicoUsd === null
      ? span.kind === 'llm'
        ? 'unpriced'
        : '-'
      : formatCost(picoToUsd(span.costPicoUsd));
  return [
    paint('dim', clock),
    paint('dim', fit(clean(span.traceId), 8)),
    fit(span.kind, 9),
    fit(clean(span.name), 28),
    fit(clean(span.model ?? '-'), 22),
    `${span.inputTokens}→${span.outputTokens} tok`.padStart(14),
    cost.padStart(10),
    formatMs(span.latencyMs).padStart(9),
    span.status === 'ok' ? paint('green', 'ok') : paint('red', 'error'),
  ].join('  ');
}
