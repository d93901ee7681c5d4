import { z } from 'zod';
import { AssayError } from '../../../shared/errors';
import type { SpanRecord } from '../../tracing/span-repository';
import { expectedSchema, type SpanCaseDraft } from '../../../shared/contract';
import type { CaseDraft, JsonValue } from './case-draft';
import { checkDrafts, insertDrafts } from './cases';
import type { DatasetRepository } from './dataset-repository';
import type { CaseRecord } from './dataset-rows';
import { liveDataset } from './lifecycle';

/** Read access to stored spans (the LLM service exposes it). */
export interface SpanSource {
  span(id: string): Promise<SpanRecord | null>;
}

/**
 * The variables a span's prompt was rendered with, when the caller that made the call kept
 * them (an eval run's case, a playground run); null when it did not. Wired in the composition
 * root, since those live in other domains.
 */
export type SpanVariables = (span: SpanRecord) => Promise<{
  vars: Record<string, string>;
  prompt: string | null;
  source: 'eval-case' | 'playground';
} | null>;

const noVariables: SpanVariables = () => Promise.resolve(null);

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
    const value: unknown = JSON.parse(json);
    return value;
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
      const args = expectedSchema.safeParse(parseJson(call.arguments));
      return {
        name: call.name,
        arguments: args.success && args.data !== null ? args.data : call.arguments,
      };
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
export async function draftFromSpan(
  span: SpanRecord,
  expected: JsonValue | undefined,
  variables: SpanVariables = noVariables,
): Promise<CaseDraft & { source: SpanCaseDraft['source']; prompt: string | null }> {
  const reply = expected === undefined ? replyOf(span) : expected === null ? undefined : expected;
  const source = [span.provider, span.model].filter((p) => p !== null).join(':');
  const known = await variables(span);
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

export async function requireSpan(
  spans: SpanSource,
  id: string,
  where: string,
): Promise<SpanRecord> {
  const span = await spans.span(id);
  if (!span) throw new AssayError('NOT_FOUND', `${where}: no span with id "${id}"`);
  return span;
}

/** The draft a span would become, for the workbench to show and edit before saving. */
export async function spanCaseDraft(
  spans: SpanSource,
  variables: SpanVariables,
  spanId: string,
): Promise<SpanCaseDraft> {
  const span = await requireSpan(spans, spanId, 'cases.draftFromSpan');
  const draft = await draftFromSpan(span, undefined, variables);
  return {
    spanId,
    description: draft.description,
    vars: { ...draft.vars },
    ...(draft.expected === undefined ? {} : { expected: draft.expected }),
    source: draft.source,
    prompt: draft.prompt,
  };
}

export async function caseFromSpan(
  repo: DatasetRepository,
  spans: SpanSource,
  variables: SpanVariables,
  input: FromSpanInput,
): Promise<CaseRecord> {
  // Read before the transaction: spans and variables come through other services.
  const span = await requireSpan(spans, input.spanId, WHERE);
  // Edited variables need no recorded request: a span of another shape can still be stolen.
  const fromSpan =
    input.vars === undefined ? await draftFromSpan(span, undefined, variables) : null;
  const reply = fromSpan ? fromSpan.expected : replyOf(span);
  const draft: CaseDraft = {
    description: input.description ?? fromSpan?.description ?? `From span ${span.id}`,
    vars: input.vars ?? fromSpan?.vars ?? {},
    expected:
      input.expected === undefined ? reply : input.expected === null ? undefined : input.expected,
    matchers: input.matchers,
    tags: input.tags,
  };
  const checked = checkDrafts([{ draft, at: { base: [] } }], WHERE);
  return repo.transaction(async (trx) => {
    const dataset = await liveDataset(trx, input.dataset, WHERE);
    return (await insertDrafts(trx, dataset, checked, WHERE, span.id))[0]!;
  });
}
