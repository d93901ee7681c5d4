import type { ProviderId } from '../../shared/contract';
import { ProviderError } from './provider-error';
import type { Connections } from './resolve-connections';
import type { LlmProvider } from './types';

export type ProviderFactories = { [P in ProviderId]: (connection: Connections[P]) => LlmProvider };

const KEY_HINT: Partial<Record<ProviderId, string>> = {
  openai: 'Save an OpenAI API key in Settings or set OPENAI_API_KEY',
  anthropic: 'Save an Anthropic API key in Settings or set ANTHROPIC_API_KEY',
};

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
    const provider = factory(connection);
    this.built.set(id, provider);
    return provider;
  }

  /** Drops every built provider; the next call rebuilds from the current settings. */
  invalidate(): void {
    this.connections = null;
    this.built.clear();
  }
}
