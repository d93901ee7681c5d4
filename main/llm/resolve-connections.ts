import type { ProviderId } from '../../shared/contract';
import type { SecretStore } from '../secrets/secret-store';
import { effectiveLocalBaseUrl, effectiveRegion } from '../settings/settings-service';
import type { SettingsFile } from '../settings/settings-file';
import type {
  AnthropicConnection,
  BedrockConnection,
  LocalConnection,
  OpenAiConnection,
} from './connections';

export interface Connections {
  readonly openai: OpenAiConnection;
  readonly anthropic: AnthropicConnection;
  readonly bedrock: BedrockConnection;
  readonly local: LocalConnection;
}

export type ConnectionOf<P extends ProviderId> = Connections[P];

/**
 * Merges saved settings, stored secrets and the environment into what each provider needs.
 * A saved value wins; the environment (OPENAI_BASE_URL, ANTHROPIC_BASE_URL,
 * AWS_ENDPOINT_URL_BEDROCK_RUNTIME, ASSAY_LOCAL_BASE_URL, …) fills what was not saved, which is
 * how tests and corporate proxies redirect the endpoints.
 */
export function resolveConnections(
  file: SettingsFile,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv,
): Connections {
  const secret = (name: Parameters<SecretStore['resolve']>[0]): string | null =>
    secrets.resolve(name)?.value ?? null;
  const p = file.providers;
  return {
    openai: {
      apiKey: secret('openai.apiKey'),
      baseUrl: p.openai.baseUrl ?? env.OPENAI_BASE_URL ?? null,
    },
    anthropic: {
      apiKey: secret('anthropic.apiKey'),
      baseUrl: p.anthropic.baseUrl ?? env.ANTHROPIC_BASE_URL ?? null,
    },
    bedrock: {
      region: effectiveRegion(file, env),
      profile: p.bedrock.profile ?? env.AWS_PROFILE ?? null,
      endpoint:
        p.bedrock.endpoint ?? env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME ?? env.AWS_ENDPOINT_URL ?? null,
      controlEndpoint: env.AWS_ENDPOINT_URL_BEDROCK ?? env.AWS_ENDPOINT_URL ?? null,
      accessKeyId: secret('bedrock.accessKeyId'),
      secretAccessKey: secret('bedrock.secretAccessKey'),
      sessionToken: secret('bedrock.sessionToken'),
    },
    local: { baseUrl: effectiveLocalBaseUrl(file, env), apiKey: secret('local.apiKey') },
  };
}
