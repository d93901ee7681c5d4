import type { ProviderId } from '../../../shared/contract';
import { ProviderError } from '../provider-error';
import type { ProviderFactories } from '../provider-registry';
import type { Connections } from '../resolve-connections';
import type { LlmProvider } from '../types';

/**
 * A provider whose SDK module loads on first use. The four SDKs (the AWS one above all) take
 * most of a cold start; a run against OpenAI never pays for Bedrock.
 */
function lazyProvider<P extends ProviderId>(
  id: P,
  load: () => Promise<(connection: Connections[P]) => LlmProvider>,
  connection: Connections[P],
): LlmProvider {
  let real: Promise<LlmProvider> | null = null;
  const get = (): Promise<LlmProvider> => (real ??= load().then((factory) => factory(connection)));
  return {
    id,
    listModels: async (signal) => (await get()).listModels(signal),
    chat: async (request, options) => (await get()).chat(request, options),
    embed: async (model, texts, signal) => {
      const provider = await get();
      if (!provider.embed) {
        throw new ProviderError({
          provider: id,
          errorClass: 'bad_request',
          message: `${id} offers no embeddings in Assay; use openai or local`,
        });
      }
      return provider.embed(model, texts, signal);
    },
  };
}

/** The real providers, each through its official SDK. */
export const defaultProviderFactories: ProviderFactories = {
  openai: (c) =>
    lazyProvider('openai', async () => (await import('./openai/provider')).createOpenAiProvider, c),
  anthropic: (c) =>
    lazyProvider(
      'anthropic',
      async () => (await import('./anthropic/provider')).createAnthropicProvider,
      c,
    ),
  bedrock: (c) =>
    lazyProvider(
      'bedrock',
      async () => (await import('./bedrock/provider')).createBedrockProvider,
      c,
    ),
  local: (c) =>
    lazyProvider('local', async () => (await import('./local/provider')).createLocalProvider, c),
};
