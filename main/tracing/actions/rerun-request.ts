import { z } from 'zod';
import { chatParamsSchema, PROVIDER_IDS, type ProviderId } from '../../../shared/contract';
import type { RerunOverrides } from '../../../shared/contract/trace-actions';
import { AssayError } from '../../../shared/errors';
import type { ChatMessage, ChatRequest } from '../../llm/types';
import type { SpanRecord } from '../span-record';

// Stored requests are read leniently: a span written by an older build, the gateway or OTLP
// ingest may carry fields (or message fields) the call path does not send.
const storedMessageSchema = z.looseObject({
  role: z.string(),
  content: z.unknown(),
  toolCalls: z.unknown().optional(),
  toolCallId: z.unknown().optional(),
  name: z.unknown().optional(),
});
const storedRequestSchema = z.looseObject({
  model: z.unknown().optional(),
  messages: z.array(storedMessageSchema),
});

const text = (content: unknown): string =>
  typeof content === 'string' ? content : content == null ? '' : JSON.stringify(content);

function isProvider(value: string | null): value is ProviderId {
  return value !== null && (PROVIDER_IDS as readonly string[]).includes(value);
}

/** Only the fields the message schema of its role allows, content as text. */
function message(stored: z.infer<typeof storedMessageSchema>): unknown {
  const { role, content } = stored;
  if (role === 'assistant')
    return stored.toolCalls === undefined
      ? { role, content: text(content) }
      : { role, content: text(content), toolCalls: stored.toolCalls };
  if (role === 'tool')
    return {
      role,
      toolCallId: stored.toolCallId,
      content: text(content),
      ...(typeof stored.name === 'string' ? { name: stored.name } : {}),
    };
  return { role, content: text(content) };
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The call a span recorded, as a request the call path can send again, with the model and
 * parameters a rerun overrides. A span whose provider Assay cannot call needs a model chosen.
 * Every refusal is a coded error naming the span and the reason.
 */
export function rerunRequest(
  span: Pick<SpanRecord, 'id' | 'kind' | 'provider' | 'model' | 'requestJson'>,
  overrides: RerunOverrides,
  where: string,
): ChatRequest {
  if (span.kind !== 'llm')
    throw new AssayError(
      'VALIDATION_FAILED',
      `${where}: span "${span.id}" is a ${span.kind} span; only LLM spans can be rerun`,
      { field: 'spanId' },
    );
  const stored = storedRequestSchema.safeParse(parseJson(span.requestJson));
  if (!stored.success)
    throw new AssayError(
      'VALIDATION_FAILED',
      `${where}: span "${span.id}" holds no chat request that can be sent again`,
      { field: 'spanId' },
    );
  let target: { provider: ProviderId; model: string };
  if (overrides.model) target = overrides.model;
  else if (isProvider(span.provider)) {
    const model = span.model ?? (typeof stored.data.model === 'string' ? stored.data.model : null);
    if (!model)
      throw new AssayError(
        'VALIDATION_FAILED',
        `${where}: span "${span.id}" names no model; choose one (model)`,
        { field: 'model' },
      );
    target = { provider: span.provider, model };
  } else
    throw new AssayError(
      'VALIDATION_FAILED',
      `${where}: span "${span.id}" was answered by "${span.provider ?? 'an unknown provider'}", which Assay does not call; choose a model (model.provider, model.model)`,
      { field: 'model' },
    );
  const candidate = {
    ...stored.data,
    ...target,
    messages: stored.data.messages.map(message),
    ...overrides.parameters,
  };
  const parsed = chatParamsSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AssayError(
      'VALIDATION_FAILED',
      `${where}: span "${span.id}" holds a request that cannot be sent again (${issue.path.join('.') || 'request'}: ${issue.message})`,
      { field: 'spanId' },
    );
  }
  return parsed.data;
}

/** The request with its system messages replaced by the given ones (at the front). */
export function withSystem(request: ChatRequest, system: readonly string[]): ChatRequest {
  const rest = request.messages.filter((m) => m.role !== 'system');
  const messages: ChatMessage[] = [
    ...system.map((content) => ({ role: 'system' as const, content })),
    ...rest,
  ];
  return { ...request, messages };
}
