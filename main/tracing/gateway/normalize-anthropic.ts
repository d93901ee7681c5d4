import { toFinishReason } from '../../llm/providers/anthropic/response';
import type { ChatResponse, ToolCall, Usage } from '../../llm/types';
import {
  contentText,
  field,
  list,
  num,
  parameters,
  str,
  toolDefinition,
  type Message,
} from './normalize-common';
import type { AnthropicMessagesBody } from './request-shape';

const count = (value: unknown): number => Math.max(0, Math.trunc(num(value) ?? 0));

/**
 * Anthropic usage (message, or a stream's cumulative message_delta) of unknown trust. Its
 * `input_tokens` already excludes cache reads and writes, the normalized meaning; thinking
 * tokens are inside output_tokens.
 */
export function anthropicUsage(usage: unknown): Usage {
  return {
    inputTokens: count(field(usage, 'input_tokens')),
    outputTokens: count(field(usage, 'output_tokens')),
    cacheReadTokens: count(field(usage, 'cache_read_input_tokens')),
    cacheWriteTokens: count(field(usage, 'cache_creation_input_tokens')),
    reasoningTokens: count(field(field(usage, 'output_tokens_details'), 'thinking_tokens')),
  };
}

function toolUse(block: unknown): ToolCall | null {
  if (field(block, 'type') !== 'tool_use') return null;
  const name = str(field(block, 'name'));
  if (name === undefined) return null;
  return {
    id: str(field(block, 'id')) ?? '',
    name,
    arguments: JSON.stringify(field(block, 'input') ?? {}),
  };
}

/** A wire message as one or more normalized ones: tool results become tool messages. */
function messages(m: AnthropicMessagesBody['messages'][number]): Message[] {
  if (typeof m.content === 'string')
    return [{ role: m.role === 'assistant' ? 'assistant' : 'user', content: m.content }];
  if (m.role === 'assistant') {
    const calls = m.content.map(toolUse).filter((c): c is ToolCall => c !== null);
    const text = contentText(m.content.filter((b) => field(b, 'type') !== 'tool_use'));
    return [
      calls.length > 0
        ? { role: 'assistant', content: text, toolCalls: calls }
        : { role: 'assistant', content: text },
    ];
  }
  const out: Message[] = [];
  const rest: unknown[] = [];
  for (const block of m.content) {
    if (field(block, 'type') === 'tool_result')
      out.push({
        role: 'tool',
        toolCallId: str(field(block, 'tool_use_id')) || 'unknown',
        content: contentText(field(block, 'content')),
      });
    else rest.push(block);
  }
  if (rest.length > 0 || out.length === 0) out.push({ role: 'user', content: contentText(rest) });
  return out;
}

/** An Anthropic Messages body as Assay's normalized ChatRequest (what the span shows). */
export function normalizeAnthropic(body: AnthropicMessagesBody): Record<string, unknown> {
  const system = body.system == null ? '' : contentText(body.system);
  const tools = list(body.tools).flatMap((t) => {
    const def = toolDefinition(field(t, 'name'), field(t, 'description'), field(t, 'input_schema'));
    return def ? [def] : [];
  });
  return {
    provider: 'anthropic',
    model: body.model,
    messages: [
      ...(system !== '' ? [{ role: 'system', content: system }] : []),
      ...body.messages.flatMap(messages),
    ],
    ...(tools.length > 0 ? { tools } : {}),
    ...parameters({
      temperature: body.temperature,
      maxTokens: body.max_tokens,
      topP: body.top_p,
      stop: body.stop_sequences,
    }),
  };
}

/** A non-streamed Messages answer as a normalized ChatResponse; thinking blocks are left out. */
export function anthropicResponse(
  json: unknown,
  requestId: string | null,
  model: string,
): ChatResponse {
  const blocks = list(field(json, 'content'));
  const raw = str(field(json, 'stop_reason')) ?? null;
  return {
    text: blocks
      .filter((b) => field(b, 'type') === 'text')
      .map((b) => str(field(b, 'text')) ?? '')
      .join(''),
    toolCalls: blocks.map(toolUse).filter((c): c is ToolCall => c !== null),
    finishReason: toFinishReason(raw),
    rawFinishReason: raw,
    model: str(field(json, 'model')) || model,
    providerRequestId: requestId,
    usage: anthropicUsage(field(json, 'usage')),
  };
}
