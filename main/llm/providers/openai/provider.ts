import type { OpenAI } from 'openai';
import type { OpenAiConnection } from '../../connections';
import type { LlmProvider } from '../../types';
import { ProviderError } from '../../provider-error';
import { runChat } from './chat';
import { createOpenAiClient, OPENAI_DEFAULT_BASE_URL } from './client';
import { runEmbed } from './embed';
import { toProviderError } from './errors';
import { listSdkModels } from './list-models';

const PROVIDER = 'openai';

export function createOpenAiProvider(connection: OpenAiConnection): LlmProvider {
  let client: OpenAI | null = null;
  // Built on first use: with no key anywhere the SDK throws, and that is an auth failure of
  // the call, not of building the provider.
  const getClient = (): OpenAI => {
    try {
      client ??= createOpenAiClient({
        apiKey: connection.apiKey,
        baseUrl: connection.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
      });
      return client;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new ProviderError({ provider: PROVIDER, errorClass: 'auth', message, cause: err });
    }
  };
  return {
    id: PROVIDER,
    async listModels(signal) {
      try {
        return await listSdkModels(getClient(), PROVIDER, signal);
      } catch (err) {
        throw toProviderError(err, { provider: PROVIDER, signal });
      }
    },
    // async, so a missing key rejects the promise instead of throwing synchronously.
    chat: async (request, options) => runChat(getClient(), PROVIDER, request, options),
    embed: async (model, texts, signal) => runEmbed(getClient(), PROVIDER, model, texts, signal),
  };
}
