import type { Message } from '@anthropic-ai/sdk/resources/messages';
import type { ChatResponse, FinishReason, ToolCall, Usage } from '../../types';

/** The usage fields both `Message.usage` and a stream's `message_delta.usage` carry. */
export interface WireUsage {
  readonly input_tokens: number | null;
  readonly output_tokens: number;
  readonly cache_creation_input_tokens?: number | null;
  readonly cache_read_input_tokens?: number | null;
  readonly output_tokens_details?: { readonly thinking_tokens: number } | null;
}

/**
 * Anthropic's `input_tokens` already excludes cache reads and writes, which is exactly the
 * normalized meaning. Thinking tokens are part of `output_tokens` and reported apart.
 */
export function toUsage(usage: WireUsage): Usage {
  return {
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens,
    cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
    reasoningTokens: usage.output_tokens_details?.thinking_tokens ?? 0,
  };
}

export function toFinishReason(stopReason: string | null): FinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}

/** What a finished message boils down to, whether it arrived whole or streamed. */
export interface MessageParts {
  readonly text: string;
  readonly toolCalls: readonly ToolCall[];
  readonly stopReason: string | null;
  readonly model: string;
  readonly usage: Usage;
  readonly requestId: string | null;
}

/**
 * Builds the normalized response. In JSON mode the forced tool's call is the answer: its
 * arguments become the text and the turn counts as a normal stop, not a tool call.
 */
export function toChatResponse(parts: MessageParts, jsonTool: string | null): ChatResponse {
  const answer = jsonTool === null ? undefined : parts.toolCalls.find((c) => c.name === jsonTool);
  const toolCalls = answer ? parts.toolCalls.filter((c) => c !== answer) : parts.toolCalls;
  const answered =
    answer !== undefined && parts.stopReason === 'tool_use' && toolCalls.length === 0;
  return {
    text: answer ? answer.arguments : parts.text,
    toolCalls,
    finishReason: answered ? 'stop' : toFinishReason(parts.stopReason),
    rawFinishReason: parts.stopReason,
    providerRequestId: parts.requestId,
    model: parts.model,
    usage: parts.usage,
  };
}

/** Maps a non-streamed message. Thinking and server-tool blocks are not part of the answer. */
export function fromMessage(
  message: Message,
  jsonTool: string | null,
  requestId: string | null,
): ChatResponse {
  let text = '';
  const toolCalls: ToolCall[] = [];
  for (const block of message.content) {
    if (block.type === 'text') text += block.text;
    if (block.type === 'tool_use') {
      toolCalls.push({
        id: block.id,
        name: block.name,
        arguments: JSON.stringify(block.input ?? {}),
      });
    }
  }
  const usage = toUsage(message.usage);
  const parts = { text, toolCalls, stopReason: message.stop_reason, model: message.model, usage };
  return toChatResponse({ ...parts, requestId }, jsonTool);
}
