import type { SpanView, TraceSummary } from '../../../shared/contract/traces';
import { fenced, formatCost, formatMs, json, table } from './markdown-text';

/**
 * One span as a Markdown file a person or a coding agent reads top to bottom: a header table
 * (model, status, tokens, cost, latency, ids), the request message by message, the answer with
 * its tool calls, the error when it failed, and the attributes as JSON. Text stays as written
 * (greppable); anything that is not text is shown as fenced JSON.
 */
export function spanMarkdown(span: SpanView, trace: Pick<TraceSummary, 'id' | 'name'>): string {
  const parts = [`# ${span.kind} · ${oneLine(span.name)}`, header(span, trace)];
  parts.push('## Request', request(span.request));
  if (span.response !== null) parts.push('## Answer', answer(span.response));
  if (span.status === 'error')
    parts.push(
      '## Error',
      `**${span.errorClass ?? 'error'}**${span.errorMessage ? `\n\n${fenced(span.errorMessage)}` : ''}`,
    );
  if (span.attributes && Object.keys(span.attributes).length > 0)
    parts.push('## Attributes', json(span.attributes));
  return `${parts.join('\n\n')}\n`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim() || 'unnamed';

function header(span: SpanView, trace: Pick<TraceSummary, 'id' | 'name'>): string {
  const u = span.usage;
  const tokens = [`in ${u.inputTokens}`, `out ${u.outputTokens}`];
  if (u.cacheReadTokens) tokens.push(`cache read ${u.cacheReadTokens}`);
  if (u.cacheWriteTokens) tokens.push(`cache write ${u.cacheWriteTokens}`);
  if (u.reasoningTokens) tokens.push(`reasoning ${u.reasoningTokens}`);
  const rows: [string, string][] = [
    ['model', span.model ? `${span.provider ?? '?'}/${span.model}` : '-'],
    ['status', span.status === 'ok' ? 'ok' : `error (${span.errorClass ?? 'unknown'})`],
    ['tokens', tokens.join(' · ')],
    ['cost', formatCost(span.costUsd)],
    [
      'latency',
      `${formatMs(span.latencyMs)}${span.ttftMs !== null ? ` (first token ${formatMs(span.ttftMs)})` : ''}`,
    ],
    ['started', span.startedAt],
    ['source', span.source],
    ['span id', span.id],
    ['trace id', `${trace.id} (${trace.name})`],
    ['parent id', span.parentId ?? '-'],
  ];
  const optional: [string, string | null][] = [
    ['session', span.sessionId],
    ['user', span.userId],
    ['tags', span.tags.length ? span.tags.join(', ') : null],
    ['prompt version', span.promptVersionId],
    ['rerun of', span.rerunOf],
    ['provider request id', span.providerRequestId],
    ['attempts', span.attempts > 1 ? String(span.attempts) : null],
    ['cache hit', span.cacheHit ? 'yes' : null],
  ];
  for (const [k, v] of optional) if (v !== null) rows.push([k, v]);
  return table(['field', 'value'], rows);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function text(value: unknown): string {
  if (typeof value === 'string') return value.length ? value : '_(empty)_';
  if (value === undefined || value === null) return '_(none)_';
  return json(value);
}

function request(value: unknown): string {
  if (!isRecord(value)) return text(value);
  const { messages, input } = value;
  // Provider and model are in the header already; what else was sent is shown as parameters.
  const parameters = Object.fromEntries(
    Object.entries(value).filter(([k]) => !['messages', 'provider', 'model', 'input'].includes(k)),
  );
  const out: string[] = [];
  if (Array.isArray(messages)) {
    for (const m of messages) {
      if (!isRecord(m)) {
        out.push(text(m));
        continue;
      }
      const role = typeof m.role === 'string' ? oneLine(m.role) : 'message';
      const label = typeof m.name === 'string' ? ` (${oneLine(m.name)})` : '';
      out.push(`### ${role}${label}`, text(m.content));
      if (Array.isArray(m.toolCalls) && m.toolCalls.length) out.push(toolCalls(m.toolCalls));
      if (typeof m.toolCallId === 'string')
        out.push(`_answers tool call \`${oneLine(m.toolCallId)}\`_`);
    }
  } else if ('input' in value) {
    out.push(text(input));
  }
  if (!Array.isArray(messages) && !('input' in value)) return json(value);
  if (Object.keys(parameters).length) out.push('### Parameters', json(parameters));
  return out.join('\n\n') || '_(none)_';
}

function toolCalls(calls: unknown[]): string {
  return calls
    .map((c) => {
      if (!isRecord(c)) return json(c);
      const args = typeof c.arguments === 'string' ? prettyJson(c.arguments) : json(c.arguments);
      return `#### tool call \`${oneLine(String(c.name ?? '?'))}\` (${oneLine(String(c.id ?? '-'))})\n\n${args}`;
    })
    .join('\n\n');
}

/** Tool arguments are JSON text as the model wrote it: indented when it parses, verbatim if not. */
function prettyJson(raw: string): string {
  try {
    return json(JSON.parse(raw) as unknown);
  } catch {
    return fenced(raw);
  }
}

function answer(value: unknown): string {
  if (!isRecord(value)) return text(value);
  if ('output' in value && !('text' in value)) return text(value.output);
  if (!('text' in value) && !('toolCalls' in value)) return json(value);
  const out: string[] = [];
  if (typeof value.text === 'string' && value.text.length) out.push(value.text);
  if (Array.isArray(value.toolCalls) && value.toolCalls.length)
    out.push('### Tool calls', toolCalls(value.toolCalls));
  if (typeof value.finishReason === 'string')
    out.push(`_finish reason: ${oneLine(value.finishReason)}_`);
  return out.join('\n\n') || '_(empty)_';
}
