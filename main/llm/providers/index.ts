import type { ProviderFactories } from '../provider-registry';
import { createAnthropicProvider } from './anthropic/provider';
import { createBedrockProvider } from './bedrock/provider';
import { createLocalProvider } from './local/provider';
import { createOpenAiProvider } from './openai/provider';

/** The real providers, each through its official SDK. */
export const defaultProviderFactories: ProviderFactories = {
  openai: createOpenAiProvider,
  anthropic: createAnthropicProvider,
  bedrock: createBedrockProvider,
  local: createLocalProvider,
};
