import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { ChatResponse, StreamDelta } from '../../types';
import { ProviderError } from '../../provider-error';
import { toProviderError } from './errors';
import { fromWireFinishReason, fromWireUsage } from './from-wire';
import { ToolCallAssembler } from './tool-call-assembler';

export interface StreamContext {
  readonly provider: string;
  readonly signal?: AbortSignal | undefined;
  readonly requestId: string | null;
  readonly requestedModel: string;
  readonly onDelta: (delta: StreamDelta) => void;
}

/**
 * Consumes a Chat Completions stream, reporting each delta as it arrives and assembling the
 * final response. Usage comes from the `include_usage` chunk (empty `choices`).
 */
export async function collectStream(
  chunks: AsyncIterable<ChatCompletionChunk>,
  ctx: StreamContext,
): Promise<ChatResponse> {
  let text = '';
  let model = '';
  let finish: string | null = null;
  let usage: CompletionUsage | null = null;
  const tools = new ToolCallAssembler();
  // The caller's callback may throw; that error is theirs and must not become a ProviderError.
  const callback: { failed: boolean; error: unknown } = { failed: false, error: undefined };
  const emit = (delta: StreamDelta): void => {
    try {
      ctx.onDelta(delta);
    } catch (error) {
      Object.assign(callback, { failed: true, error });
      throw error;
    }
  };
  try {
    for await (const chunk of chunks) {
      if (!model && chunk.model) model = chunk.model;
      if (chunk.usage) usage = chunk.usage;
      for (const choice of chunk.choices ?? []) {
        // Only the first choice is requested (no `n`), so others are never expected.
        if (choice.index !== 0) continue;
        const content = choice.delta?.content;
        if (content) {
          text += content;
          emit({ type: 'text', text: content });
        }
        for (const fragment of choice.delta?.tool_calls ?? []) emit(tools.add(fragment));
        if (choice.finish_reason) finish = choice.finish_reason;
      }
    }
  } catch (err) {
    if (callback.failed) throw callback.error;
    throw toProviderError(err, { ...ctx, duringStream: true });
  }
  // The SDK ends iteration quietly when the request is aborted, so check the signal here.
  if (ctx.signal?.aborted) throw toProviderError(ctx.signal.reason, ctx);
  if (finish === null) {
    throw new ProviderError({
      provider: ctx.provider,
      errorClass: 'connection',
      message: 'the stream ended before a finish reason',
      requestId: ctx.requestId,
    });
  }
  return {
    text,
    toolCalls: tools.result(),
    finishReason: fromWireFinishReason(finish),
    rawFinishReason: finish,
    providerRequestId: ctx.requestId,
    model: model || ctx.requestedModel,
    usage: fromWireUsage(usage),
  };
}
