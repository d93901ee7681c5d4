import { z } from 'zod';
import { AssayError } from '../../../shared/errors';
import type { SpanRecord } from '../../tracing/span-store';
import type { CaseDraft, JsonValue } from './case-draft';
import { checkDrafts, insertDrafts } from './cases';
import type { CaseRow, DatasetStore } from './dataset-store';
import { liveDataset } from './lifecycle';

/** Read access to stored spans (the tracing domain's SpanStore satisfies it). */
export interface SpanSource {
  get(id: string): SpanRecord | null;
}

export interface FromSpanInput {
  readonly spanId: string;
  readonly dataset: string;
  /** undefined: the span's reply; null: no expected output. */
  readonly expected?: JsonValue;
  readonly matchers: readonly unknown[];
  readonly tags: readonly string[];
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
 * "Steal as eval": the call a span recorded becomes a test case. The last user message is
 * `input`, the system messages (joined) are `system`, and the recorded reply is what is
 * expected unless the caller says otherwise; the case remembers its span.
 */
export function draftFromSpan(span: SpanRecord, expected: JsonValue | undefined): CaseDraft {
  const request = requestSchema.safeParse(parseJson(span.requestJson));
  if (!request.success)
    throw new AssayError('VALIDATION_FAILED', `${WHERE}: span "${span.id}" holds no chat request`);
  const { messages } = request.data;
  const lastUser = messages.findLast((m) => m.role === 'user');
  if (!lastUser)
    throw new AssayError('VALIDATION_FAILED', `${WHERE}: span "${span.id}" has no user message`);
  const system = messages.filter((m) => m.role === 'system').map((m) => text(m.content));
  const source = [span.provider, span.model].filter((p) => p !== null).join(':');
  return {
    description: `From span ${span.id}${source === '' ? '' : ` (${source})`}`,
    vars: {
      input: text(lastUser.content),
      ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
    },
    expected: expected === undefined ? replyOf(span) : expected === null ? undefined : expected,
    matchers: [],
    tags: [],
  };
}

export function caseFromSpan(
  store: DatasetStore,
  spans: SpanSource,
  input: FromSpanInput,
): CaseRow {
  const span = spans.get(input.spanId);
  if (!span) throw new AssayError('NOT_FOUND', `${WHERE}: no span with id "${input.spanId}"`);
  const draft = {
    ...draftFromSpan(span, input.expected),
    matchers: input.matchers,
    tags: input.tags,
  };
  return store.transaction(() => {
    const dataset = liveDataset(store, input.dataset, WHERE);
    const checked = checkDrafts([{ draft, at: { base: [] } }], WHERE);
    return insertDrafts(store, dataset, checked, WHERE, span.id)[0]!;
  });
}
