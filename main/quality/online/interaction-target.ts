import { picoToUsd } from '../../../shared/money';
import { gradingTarget, type GradingTarget } from '../grading/grading-target';
import type { InteractionRecord } from '../../tracing/interaction-repository';
import type { SpanRecord } from '../../tracing/span-record';

/**
 * An interaction as graders read it. Apps log input and output as any JSON: a string, a chat
 * (`[{ role, content }]` or `{ messages }`), a provider's reply (`{ choices }`), a record. Text
 * is taken where the shape says where it is, and the JSON itself otherwise, so a grader always
 * reads what the app logged. The spans of its trace (when linked) add what the interaction
 * lacks: instructions from the call's system message, retrieved documents, latency, cost and
 * tool calls. With no spans those stay null: a grader needing them is unscored, never handed 0.
 */

type Json = unknown;

const isRecord = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A message content: a string, or content parts (`{ type: 'text', text }`). */
function contentText(content: Json): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const parts = content.flatMap((p) =>
    typeof p === 'string' ? [p] : isRecord(p) && typeof p.text === 'string' ? [p.text] : [],
  );
  return parts.length > 0 ? parts.join('') : null;
}

interface Message {
  readonly role: string;
  readonly content: Json;
}

function messagesOf(value: Json): readonly Message[] | null {
  const list = isRecord(value) ? value.messages : value;
  if (!Array.isArray(list) || list.length === 0) return null;
  const messages = list.filter(
    (m): m is Message => isRecord(m) && typeof m.role === 'string' && 'content' in m,
  );
  return messages.length === list.length ? messages : null;
}

function asText(value: Json): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const TEXT_FIELDS = ['input', 'prompt', 'question', 'query', 'text'] as const;

/** The user's turn: the last user message of a chat, a lone text field, else the JSON. */
export function inputText(input: Json): string | null {
  const messages = messagesOf(input);
  if (messages) {
    const user = messages.filter((m) => m.role === 'user').at(-1);
    if (user) return contentText(user.content) ?? asText(user.content);
  }
  if (isRecord(input)) {
    const fields = TEXT_FIELDS.filter((f) => typeof input[f] === 'string');
    if (fields.length === 1) return input[fields[0]!] as string;
  }
  return asText(input);
}

/** The reply: text, a message's content, a provider's first choice, else the JSON. */
export function outputText(output: Json): string | null {
  if (isRecord(output)) {
    const choice = Array.isArray(output.choices) ? output.choices[0] : undefined;
    const message = isRecord(choice) && isRecord(choice.message) ? choice.message : output.message;
    for (const candidate of [
      output.content,
      output.text,
      output.output,
      isRecord(message) ? message.content : undefined,
    ]) {
      const text = contentText(candidate);
      if (text !== null) return text;
    }
  }
  const messages = messagesOf(output);
  const last = messages?.filter((m) => m.role === 'assistant').at(-1);
  if (last) return contentText(last.content) ?? asText(last.content);
  return asText(output);
}

/** System messages of a chat, joined; null when it has none. */
export function systemText(value: Json): string | null {
  const system = (messagesOf(value) ?? []).filter((m) => m.role === 'system');
  const texts = system.map((m) => contentText(m.content)).filter((t) => t !== null);
  return texts.length > 0 ? texts.join('\n\n') : null;
}

function parse(text: string | null): Json {
  if (text === null) return null;
  try {
    // Read as unknown: every reader below checks the shape it needs.
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return null;
  }
}

/** Documents a retrieval span returned: strings, or records with their text. */
function documents(span: SpanRecord): string[] {
  const response = parse(span.responseJson);
  const out = isRecord(response) && 'output' in response ? response.output : response;
  const list = Array.isArray(out)
    ? out
    : isRecord(out) && Array.isArray(out.documents)
      ? out.documents
      : [out];
  return list.flatMap((doc) => {
    if (typeof doc === 'string') return [doc];
    if (isRecord(doc))
      for (const key of ['content', 'text', 'page_content', 'pageContent', 'document'])
        if (typeof doc[key] === 'string') return [doc[key]];
    const text = asText(doc);
    return text === null ? [] : [text];
  });
}

function toolCallsOf(span: SpanRecord): number {
  const response = parse(span.responseJson);
  return isRecord(response) && Array.isArray(response.toolCalls) ? response.toolCalls.length : 0;
}

/** Latency, cost and tool calls across the spans; null where no span says. */
function measurements(spans: readonly SpanRecord[]) {
  if (spans.length === 0) return { latencyMs: null, costUsd: null, toolCallCount: null };
  const start = Math.min(...spans.map((s) => Date.parse(s.startedAt)));
  const end = Math.max(...spans.map((s) => Date.parse(s.endedAt)));
  const priced = spans.filter((s) => s.kind === 'llm' || s.kind === 'embedding');
  // One unpriced call makes the total unknown, not lower.
  const cost = priced.some((s) => s.costPicoUsd === null)
    ? null
    : priced.reduce((sum, s) => sum + (s.costPicoUsd ?? 0), 0);
  const llm = spans.filter((s) => s.kind === 'llm');
  // A model's tool calls, else the tool spans (an agent logging its tools alone); not both,
  // which would count each call twice.
  const tools =
    llm.length > 0
      ? llm.reduce((n, s) => n + toolCallsOf(s), 0)
      : spans.filter((s) => s.kind === 'tool').length;
  return {
    latencyMs: Number.isFinite(end - start) ? Math.max(0, end - start) : null,
    costUsd: cost === null ? null : picoToUsd(cost),
    toolCallCount: tools,
  };
}

/** The model of the interaction's first model call; null without one. */
export function modelOf(spans: readonly SpanRecord[]): string | null {
  return spans.find((s) => s.kind === 'llm' && s.model !== null)?.model ?? null;
}

export function interactionTarget(
  interaction: InteractionRecord,
  spans: readonly SpanRecord[],
): GradingTarget {
  const firstCall = spans.find((s) => s.kind === 'llm');
  const context = spans.filter((s) => s.kind === 'retrieval').flatMap(documents);
  return gradingTarget({
    input: inputText(interaction.input),
    output: outputText(interaction.output),
    instructions:
      systemText(interaction.input) ??
      (firstCall ? systemText(parse(firstCall.requestJson)) : null),
    context: context.length > 0 ? context : null,
    ...measurements(spans),
  });
}
