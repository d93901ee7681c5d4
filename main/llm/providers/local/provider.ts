import type { LocalConnection } from '../../connections';
import type { LlmProvider } from '../../types';
import { runChat } from '../openai/chat';
import { createOpenAiClient } from '../openai/client';
import { runEmbed } from '../openai/embed';
import { listLocalModels } from './list-models';

const PROVIDER = 'local';

/**
 * Any OpenAI-compatible server (Ollama, llama.cpp, LM Studio, vLLM) through the OpenAI
 * SDK and the OpenAI provider's mapping. Reasoning-model handling applies only when the id
 * itself names an OpenAI reasoning model (e.g. a gateway forwarding `openai/o3-mini`).
 */
export function createLocalProvider(connection: LocalConnection): LlmProvider {
  const client = createOpenAiClient({
    // The SDK insists on a key; local servers ignore whatever it is.
    apiKey: connection.apiKey ?? 'local',
    baseUrl: connection.baseUrl,
    ignoreEnvironment: true,
  });
  return {
    id: PROVIDER,
    listModels: (signal) => listLocalModels(client, connection.baseUrl, signal),
    chat: (request, options) => runChat(client, PROVIDER, request, options),
    embed: (model, texts, signal) => runEmbed(client, PROVIDER, model, texts, signal),
  };
}
