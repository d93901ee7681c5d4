import type { Connections } from '../../llm/resolve-connections';

/** The providers the gateway proxies: each speaks OpenAI's or Anthropic's wire format. */
export type GatewayProvider = 'openai' | 'anthropic' | 'local';

export interface Upstream {
  /** Where `/v1/<path>` of the gateway goes: the base URL with `/v1` (OpenAI style). */
  readonly baseUrl: string;
  readonly storedKey: string | null;
}

const OPENAI_DEFAULT = 'https://api.openai.com/v1';
const ANTHROPIC_DEFAULT = 'https://api.anthropic.com';

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/**
 * The upstream of a provider from the configured connections (settings, then environment, then
 * the provider's public endpoint). OpenAI and local base URLs end in `/v1` already, as their
 * SDK takes them; Anthropic's is the bare origin its SDK takes, so `/v1` is added.
 */
export function upstreamOf(provider: GatewayProvider, connections: Connections): Upstream {
  switch (provider) {
    case 'openai':
      return {
        baseUrl: trimSlash(connections.openai.baseUrl ?? OPENAI_DEFAULT),
        storedKey: connections.openai.apiKey,
      };
    case 'anthropic': {
      const base = trimSlash(connections.anthropic.baseUrl ?? ANTHROPIC_DEFAULT);
      return {
        baseUrl: base.endsWith('/v1') ? base : `${base}/v1`,
        storedKey: connections.anthropic.apiKey,
      };
    }
    case 'local':
      return { baseUrl: trimSlash(connections.local.baseUrl), storedKey: connections.local.apiKey };
  }
}
