import { z } from 'zod';
import { AssayError } from '../../../shared/errors';
import type { SpanRecord } from '../../tracing/span-store';
import type { SpanCaseDraft } from '../../../shared/contract';
import type { CaseDraft, JsonValue } from './case-draft';
import { checkDrafts, insertDrafts } from './cases';
import type { CaseRow, DatasetStore } from './dataset-store';
import { liveDataset } from './lifecycle';

/** Read access to stored spans (the tracing domain's SpanStore satisfies it). */
export interface SpanSource {
  get(id: string): SpanRecord | null;
}

/**
 * The variables a span's prompt was rendered with, when the caller that made the call kept
 * them (an eval run's case, a playground run); null when it did not. Wired in the composition
 * root, since those live in other domains.
 */
export type SpanVariables = (span: SpanRecord) => {
  vars: Record<string, string>;
  prompt: string | null;
  source: 'eval-case' | 'playground';
} | null;

export interface FromSpanInput {
  readonly spanId: string;
  readonly dataset: string;
  /** undefined: the span's variables (or messages); else these, as edited. */
  readonly vars?: Readonly<Record<string, string>>;
  /** undefined: the span's reply; null: no expected output. */
  readonly expected?: JsonValue;
  readonly matchers: readonly unknown[];
  readonly tags: readonly string[];
  readonly description?: string;
}

const WHERE = 'cases.fromSpan';

// Spans store the normalized request and response (main/llm/types.ts), redacted. They are read
// leniently: a span written by an older build may carry fields this one does not know.
const requestSchema = z.looseObject({
  messages: z.array(z.looseObject({ role: z.string(), content: z.unknown() })),
});
const responseSchema = z.looseObject({
  text: z.string().optional(),
  toolCalls: z.array(z.looseObject({ name: z.string(), arguments: z.string() })).optional(),
});

const text = (content: unknown): string =>
  typeof content === 'string' ? content : JSON.stringify(content ?? '');

function parseJson(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/** What the model answered: its text, else its tool calls (arguments parsed when JSON). */
function replyOf(span: SpanRecord): JsonValue | undefined {
  const response = responseSchema.safeParse(parseJson(span.responseJson));
  if (!response.success) return undefined;
  const { text: reply, toolCalls } = response.data;
  if (reply !== undefined && reply !== '') return reply;
  if (toolCalls && toolCalls.length > 0)
    return toolCalls.map((call) => {
      const args = parseJson(call.arguments);
      return { name: call.name, arguments: (args ?? call.arguments) as JsonValue };
    });
  return reply;
}

/**
 * "Steal as eval": the call a span recorded becomes a test case. When the call rendered a prompt
 * whose variables were kept, they are the case's variables, so the case runs against the next
 * version of that prompt as the original did; otherwise the last user message is `input` and
 * the system messages (joined) are `system`. The recorded reply is what is expected unless the
 * caller says otherwise; the case remembers its span.
 */
export function draftFromSpan(
  span: SpanRecord,
  expected: JsonValue | undefined,
  variables: SpanVariables = () => null,
): CaseDraft & { source: SpanCaseDraft['source']; prompt: string | null } {
  const reply = expected === undefined ? replyOf(span) : expected === null ? undefined : expected;
  const source = [span.provider, span.model].filter((p) => p !== null).join(':');
  const known = variables(span);
  if (known)
    return {
      description: `From span ${span.id}${known.prompt ? ` (${known.prompt})` : ''}`,
      vars: known.vars,
      expected: reply,
      matchers: [],
      tags: [],
      source: known.source,
      prompt: known.prompt,
    };
  const request = requestSchema.safeParse(parseJson(span.requestJson));
  if (!request.success)
    throw new AssayError('VALIDATION_FAILED', `${WHERE}: span "${span.id}" holds no chat request`);
  const { messages } = request.data;
  const lastUser = messages.findLast((m) => m.role === 'user');
  if (!lastUser)
    throw new AssayError('VALIDATION_FAILED', `${WHERE}: span "${span.id}" has no user message`);
  const system = messages.filter((m) => m.role === 'system').map((m) => text(m.content));
  return {
    description: `From span ${span.id}${source === '' ? '' : ` (${source})`}`,
    vars: {
      input: text(lastUser.content),
      ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
    },
    expected: reply,
    matchers: [],
    tags: [],
    source: 'messages',
    prompt: null,
  };
}

export function requireSpan(spans: SpanSource, id: string, where: string): SpanRecord {
  const span = spans.get(id);
  if (!span) throw new AssayError('NOT_FOUND', `${where}: no span with id "${id}"`);
  return span;
}

/** The draft a span would become, for the workbench to show and edit before saving. */
export function spanCaseDraft(
  spans: SpanSource,
  variables: SpanVariables,
  spanId: string,
): SpanCaseDraft {
  const span = requireSpan(spans, spanId, 'cases.draftFromSpan');
  const draft = draftFromSpan(span, undefined, variables);
  return {
    spanId,
    description: draft.description,
    vars: { ...draft.vars },
    ...(draft.expected === undefined ? {} : { expected: draft.expected }),
    source: draft.source,
    prompt: draft.prompt,
  };
}

export function caseFromSpan(
  store: DatasetStore,
  spans: SpanSource,
  variables: SpanVariables,
  input: FromSpanInput,
): CaseRow {
  const span = requireSpan(spans, input.spanId, WHERE);
  // Edited variables need no recorded request: a span of another shape can still be stolen.
  const fromSpan = input.vars === undefined ? draftFromSpan(span, undefined, variables) : null;
  const reply = fromSpan ? fromSpan.expected : replyOf(span);
  const draft: CaseDraft = {
    description: input.description ?? fromSpan?.description ?? `From span ${span.id}`,
    vars: input.vars ?? fromSpan?.vars ?? {},
    expected:
      input.expected === undefined ? reply : input.expected === null ? undefined : input.expected,
    matchers: input.matchers,
    tags: input.tags,
  };
  return store.transaction(() => {
    const dataset = liveDataset(store, input.dataset, WHERE);
    const checked = checkDrafts([{ draft, at: { base: [] } }], WHERE);
    return insertDrafts(store, dataset, checked, WHERE, span.id)[0]!;
  });
}
