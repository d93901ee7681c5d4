import type { Anthropic } from '@anthropic-ai/sdk';
import type { AnthropicConnection } from '../../connections';
import type { ChatOptions, ChatRequest, ChatResponse, LlmProvider, ModelInfo } from '../../types';
import { createAnthropicClient } from './client';
import { completeChat } from './complete';
import { toProviderError } from './errors';
import { listAnthropicModels } from './models';
import { toWireRequest } from './request';
import { streamChat } from './stream';

/**
 * The Anthropic provider: one attempt per call, every failure a ProviderError. It streams
 * when the caller asks for deltas (`onDelta`) and makes one plain request otherwise.
 */
export function createAnthropicProvider(connection: AnthropicConnection): LlmProvider {
  // Built on first use: without an explicit key the SDK starts resolving credentials from the
  // environment and profile files as soon as it is constructed.
  let client: Anthropic | null = null;
  const getClient = (): Anthropic => (client ??= createAnthropicClient(connection));

  return {
    id: 'anthropic',

    async listModels(signal?: AbortSignal): Promise<readonly ModelInfo[]> {
      try {
        return await listAnthropicModels(getClient(), signal);
      } catch (err) {
        throw toProviderError(err, signal);
      }
    },

    async chat(request: ChatRequest, options: ChatOptions = {}): Promise<ChatResponse> {
      const { signal, onDelta } = options;
      try {
        const wire = toWireRequest(request);
        return onDelta
          ? await streamChat(getClient(), wire, onDelta, signal)
          : await completeChat(getClient(), wire, signal);
      } catch (err) {
        throw toProviderError(err, signal);
      }
    },
  };
}
