import type { ProviderId } from '../../shared/contract';
import { secretsOf } from './connections';
import { ProviderError } from './provider-error';
import type { Connections } from './resolve-connections';
import type { ChatOptions, ChatRequest, LlmProvider } from './types';

export type ProviderFactories = { [P in ProviderId]: (connection: Connections[P]) => LlmProvider };

const KEY_HINT: Partial<Record<ProviderId, string>> = {
  openai: 'Save an OpenAI API key in Settings or set OPENAI_API_KEY',
  anthropic: 'Save an Anthropic API key in Settings or set ANTHROPIC_API_KEY',
};

/**
 * The provider with its connection's keys cut out of every error it throws. A provider may echo
 * a key in any failure (an OpenAI 401 body quotes it, a proxy may too), and the error's text
 * then goes to the caller, the span and the eval result; cutting at this boundary covers every
 * operation and every way a provider builds its errors. Keys of well-known shapes are cut by
 * ProviderError itself.
 */
function withKeysRedacted(provider: LlmProvider, secrets: readonly string[]): LlmProvider {
  if (secrets.length === 0) return provider;
  // Async, so a provider that throws before returning its promise is covered as well.
  const guarded =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args);
      } catch (err) {
        throw err instanceof ProviderError ? err.withSecretsRedacted(secrets) : err;
      }
    };
  return {
    id: provider.id,
    listModels: guarded((signal?: AbortSignal) => provider.listModels(signal)),
    chat: guarded((request: ChatRequest, options?: ChatOptions) => provider.chat(request, options)),
    ...(provider.embed ? { embed: guarded(provider.embed.bind(provider)) } : {}),
  };
}

/**
 * Builds providers from the current connections and keeps them until settings change
 * (`invalidate`), so SDK clients and their connection pools are reused across calls.
 */
export class ProviderRegistry {
  private connections: Connections | null = null;
  private readonly built = new Map<ProviderId, LlmProvider>();

  constructor(
    private readonly resolve: () => Connections,
    private readonly factories: ProviderFactories,
  ) {}

  get(id: ProviderId): LlmProvider {
    const existing = this.built.get(id);
    if (existing) return existing;
    this.connections ??= this.resolve();
    const connection = this.connections[id];
    const hint = KEY_HINT[id];
    if (hint && 'apiKey' in connection && !connection.apiKey) {
      throw new ProviderError({
        provider: id,
        errorClass: 'auth',
        message: `no API key. ${hint}.`,
      });
    }
    const factory = this.factories[id] as (c: typeof connection) => LlmProvider;
    const provider = withKeysRedacted(factory(connection), secretsOf(connection));
    this.built.set(id, provider);
    return provider;
  }

  /** Drops every built provider; the next call rebuilds from the current settings. */
  invalidate(): void {
    this.connections = null;
    this.built.clear();
  }
}
