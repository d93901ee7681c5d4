import type { ConverseCommandOutput, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import type { ChatResponse, FinishReason, ToolCall, Usage } from '../../types';

/** Converse's stopReason in Assay's terms. */
export function mapStopReason(stopReason: string | undefined): FinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'guardrail_intervened':
    case 'content_filtered':
      return 'content_filter';
    default:
      return 'other';
  }
}

/**
 * Bedrock's inputTokens already excludes cache reads and writes, which is Assay's definition of
 * inputTokens. Bedrock does not report reasoning tokens apart.
 */
export function mapUsage(usage: TokenUsage | undefined): Usage {
  return {
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    cacheReadTokens: usage?.cacheReadInputTokens ?? 0,
    cacheWriteTokens: usage?.cacheWriteInputTokens ?? 0,
    reasoningTokens: 0,
  };
}

/** What a Converse answer or an assembled ConverseStream boils down to. */
export interface AssembledReply {
  readonly text: string;
  readonly toolCalls: readonly ToolCall[];
  readonly stopReason: string | undefined;
  readonly usage: TokenUsage | undefined;
  readonly requestId: string | undefined;
}

/**
 * The normalized response. A call to the response-format tool is the answer itself: its input
 * becomes the text (any preamble is dropped so the text parses), and the tool_use stop it
 * forced counts as a normal stop.
 */
export function toChatResponse(
  reply: AssembledReply,
  model: string,
  formatTool: string | null,
): ChatResponse {
  const format =
    formatTool === null ? undefined : reply.toolCalls.find((c) => c.name === formatTool);
  const toolCalls = format ? reply.toolCalls.filter((c) => c !== format) : reply.toolCalls;
  const formatStop =
    format !== undefined && reply.stopReason === 'tool_use' && toolCalls.length === 0;
  return {
    text: format ? format.arguments : reply.text,
    toolCalls,
    finishReason: formatStop ? 'stop' : mapStopReason(reply.stopReason),
    rawFinishReason: reply.stopReason ?? null,
    providerRequestId: reply.requestId ?? null,
    // Converse does not echo a model id, so the requested one (profile or ARN included) stands.
    model,
    usage: mapUsage(reply.usage),
  };
}

/** Collects a non-streaming Converse answer. */
export function fromConverseOutput(output: ConverseCommandOutput): AssembledReply {
  const content = output.output?.message?.content ?? [];
  const text = content.map((block) => block.text ?? '').join('');
  const toolCalls = content.flatMap((block): ToolCall[] =>
    block.toolUse
      ? [
          {
            id: block.toolUse.toolUseId ?? '',
            name: block.toolUse.name ?? '',
            arguments: JSON.stringify(block.toolUse.input ?? {}),
          },
        ]
      : [],
  );
  return {
    text,
    toolCalls,
    stopReason: output.stopReason,
    usage: output.usage,
    requestId: output.$metadata.requestId,
  };
}
