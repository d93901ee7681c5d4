import { fromWireFinishReason, fromWireUsage } from '../../llm/providers/openai/from-wire';
import type { ChatResponse, ToolCall, Usage } from '../../llm/types';
import type { CompletionUsage } from 'openai/resources/completions';
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
import type { OpenAiChatBody } from './request-shape';

function toolCallsOf(calls: unknown): ToolCall[] {
  return list(calls).flatMap((c) => {
    const fn = field(c, 'function');
    const name = str(field(fn, 'name'));
    if (name === undefined) return [];
    return [{ id: str(field(c, 'id')) ?? '', name, arguments: str(field(fn, 'arguments')) ?? '' }];
  });
}

function message(m: OpenAiChatBody['messages'][number]): Message {
  const text = contentText(m.content);
  switch (m.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: text };
    case 'assistant': {
      const calls = toolCallsOf(m.tool_calls);
      return calls.length > 0
        ? { role: 'assistant', content: text, toolCalls: calls }
        : { role: 'assistant', content: text };
    }
    case 'tool':
      return { role: 'tool', toolCallId: str(m.tool_call_id) || 'unknown', content: text };
    default:
      return { role: 'user', content: text };
  }
}

/** An OpenAI Chat Completions body as Assay's normalized ChatRequest (what the span shows). */
export function normalizeOpenAiChat(
  provider: 'openai' | 'local',
  body: OpenAiChatBody,
): Record<string, unknown> {
  const tools = list(body.tools).flatMap((t) => {
    const fn = field(t, 'function');
    const def = toolDefinition(
      field(fn, 'name'),
      field(fn, 'description'),
      field(fn, 'parameters'),
    );
    return def ? [def] : [];
  });
  const effort = str(body.reasoning_effort);
  return {
    provider,
    model: body.model,
    messages: body.messages.map(message),
    ...(tools.length > 0 ? { tools } : {}),
    ...parameters({
      temperature: body.temperature,
      maxTokens: body.max_completion_tokens ?? body.max_tokens,
      topP: body.top_p,
      stop: body.stop,
    }),
    ...(effort && ['minimal', 'low', 'medium', 'high'].includes(effort)
      ? { reasoningEffort: effort }
      : {}),
  };
}

/** Usage from an OpenAI usage object of unknown trust: numbers only, else zero. */
export function openAiUsage(usage: unknown): Usage {
  if (usage === null || typeof usage !== 'object') return fromWireUsage(null);
  const details = field(usage, 'prompt_tokens_details');
  const completion = field(usage, 'completion_tokens_details');
  const safe = {
    prompt_tokens: Math.max(0, Math.trunc(num(field(usage, 'prompt_tokens')) ?? 0)),
    completion_tokens: Math.max(0, Math.trunc(num(field(usage, 'completion_tokens')) ?? 0)),
    total_tokens: 0,
    prompt_tokens_details: {
      cached_tokens: Math.max(0, Math.trunc(num(field(details, 'cached_tokens')) ?? 0)),
    },
    completion_tokens_details: {
      reasoning_tokens: Math.max(0, Math.trunc(num(field(completion, 'reasoning_tokens')) ?? 0)),
    },
  } satisfies CompletionUsage;
  return fromWireUsage(safe);
}

/** A non-streamed Chat Completions answer as a normalized ChatResponse. */
export function openAiResponse(
  json: unknown,
  requestId: string | null,
  model: string,
): ChatResponse {
  const choice = list(field(json, 'choices'))[0];
  const msg = field(choice, 'message');
  const raw = str(field(choice, 'finish_reason')) ?? null;
  return {
    text: contentText(field(msg, 'content')),
    toolCalls: toolCallsOf(field(msg, 'tool_calls')),
    finishReason: fromWireFinishReason(raw),
    rawFinishReason: raw,
    model: str(field(json, 'model')) || model,
    providerRequestId: requestId,
    usage: openAiUsage(field(json, 'usage')),
  };
}
