import type {
  ChatCompletion,
  ChatCompletionMessageToolCall,
} from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { ChatResponse, FinishReason, ToolCall, Usage } from '../../types';
import { ZERO_USAGE } from '../../types';

/** Maps Chat Completions replies back to the normalized shapes. */

/**
 * OpenAI counts cached tokens inside prompt_tokens and reasoning tokens inside
 * completion_tokens; Usage keeps input exclusive of cache reads (they are billed apart).
 */
export function fromWireUsage(usage: CompletionUsage | null | undefined): Usage {
  if (!usage) return ZERO_USAGE;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    inputTokens: Math.max(0, (usage.prompt_tokens ?? 0) - cached),
    outputTokens: usage.completion_tokens ?? 0,
    cacheReadTokens: cached,
    cacheWriteTokens: 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}

export function fromWireFinishReason(raw: string | null | undefined): FinishReason {
  switch (raw) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'content_filter':
      return 'content_filter';
    default:
      return 'other';
  }
}

/** Custom (free-text) tool calls are not part of the normalized shape; function calls are. */
export function fromWireToolCalls(
  calls: readonly ChatCompletionMessageToolCall[] | null | undefined,
): ToolCall[] {
  const out: ToolCall[] = [];
  for (const call of calls ?? []) {
    if (call.type !== 'function') continue;
    out.push({ id: call.id, name: call.function.name, arguments: call.function.arguments });
  }
  return out;
}

export function fromWireCompletion(
  completion: ChatCompletion,
  requestId: string | null,
  requestedModel: string,
): ChatResponse {
  const choice = completion.choices[0];
  const raw = choice?.finish_reason ?? null;
  return {
    text: choice?.message.content ?? '',
    toolCalls: fromWireToolCalls(choice?.message.tool_calls),
    finishReason: fromWireFinishReason(raw),
    rawFinishReason: raw,
    providerRequestId: requestId,
    model: completion.model || requestedModel,
    usage: fromWireUsage(completion.usage),
  };
}
