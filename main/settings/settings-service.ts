import {
  DEFAULT_LOCAL_BASE_URL,
  type SecretView,
  type SettingsView,
  type UpdateProviderInput,
  type ParsedInput,
} from '../../shared/contract';
import { maskSecret } from '../../shared/mask';
import type { EventBus } from '../kit/event-bus';
import type { SecretName } from '../secrets/secret-names';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsBackend } from './settings-backend';
import { parseSettingsFile, type SettingsFile } from './settings-file';

/** The Bedrock region in force: saved, else the AWS environment, else us-east-1. */
export function effectiveRegion(file: SettingsFile, env: NodeJS.ProcessEnv): string {
  return file.providers.bedrock.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
}

/** The local server in force: saved, else ASSAY_LOCAL_BASE_URL, else Ollama's default. */
export function effectiveLocalBaseUrl(file: SettingsFile, env: NodeJS.ProcessEnv): string {
  return file.providers.local.baseUrl ?? env.ASSAY_LOCAL_BASE_URL ?? DEFAULT_LOCAL_BASE_URL;
}

/** Fields of a provider update that are secrets, by provider: they go to the SecretStore. */
const SECRET_FIELDS = {
  openai: ['apiKey'],
  anthropic: ['apiKey'],
  bedrock: ['accessKeyId', 'secretAccessKey', 'sessionToken'],
  local: ['apiKey'],
} as const satisfies Record<UpdateProviderInput['provider'], readonly string[]>;

/**
 * Reads and writes settings. Non-secret fields go to the settings backend; secrets go only to
 * the SecretStore, and every view returns them masked.
 */
export class SettingsService {
  constructor(
    private readonly backend: SettingsBackend,
    private readonly secrets: SecretStore,
    private readonly events: EventBus,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The stored non-secret settings, with defaults filled in. */
  current(): SettingsFile {
    return parseSettingsFile(this.backend.store);
  }

  view(): SettingsView {
    const file = this.current();
    const secret = (name: SecretName): SecretView => {
      const resolved = this.secrets.resolve(name);
      if (!resolved) return { set: false, source: null, envVar: null, masked: null };
      return {
        set: true,
        source: resolved.source,
        envVar: resolved.envVar ?? null,
        masked: maskSecret(resolved.value),
      };
    };
    return {
      preferences: file.preferences,
      providers: {
        openai: { baseUrl: file.providers.openai.baseUrl, apiKey: secret('openai.apiKey') },
        anthropic: {
          baseUrl: file.providers.anthropic.baseUrl,
          apiKey: secret('anthropic.apiKey'),
        },
        bedrock: {
          ...file.providers.bedrock,
          region: effectiveRegion(file, this.env),
          accessKeyId: secret('bedrock.accessKeyId'),
          secretAccessKey: secret('bedrock.secretAccessKey'),
          sessionToken: secret('bedrock.sessionToken'),
        },
        local: { baseUrl: effectiveLocalBaseUrl(file, this.env), apiKey: secret('local.apiKey') },
      },
    };
  }

  async updateProvider(input: UpdateProviderInput): Promise<SettingsView> {
    const { provider, ...fields } = input;
    const secretFields: readonly string[] = SECRET_FIELDS[provider];
    const secretChanges: Partial<Record<SecretName, string | null>> = {};
    const plainChanges: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      if (secretFields.includes(field)) {
        secretChanges[`${provider}.${field}` as SecretName] = value as string | null;
      } else {
        plainChanges[field] = value;
      }
    }
    // Validate the merged provider block before writing anything, so a bad stored file is
    // reported and nothing is half-saved.
    const file = this.current();
    const merged = { ...file.providers[provider], ...plainChanges };
    parseSettingsFile({ ...file, providers: { ...file.providers, [provider]: merged } });
    await this.secrets.update(secretChanges);
    if (Object.keys(plainChanges).length > 0) this.backend.set(`providers.${provider}`, merged);
    return this.changed();
  }

  updatePreferences(input: ParsedInput<'settings.updatePreferences'>): SettingsView {
    const file = this.current();
    this.backend.set('preferences', { ...file.preferences, ...input });
    return this.changed();
  }

  /** Sets (or with null clears) the embedding model of semantic search; validated by the caller. */
  updateSemantic(embeddingModel: string | null): SettingsView {
    this.backend.set('semantic', { ...this.current().semantic, embeddingModel });
    return this.changed();
  }

  private changed(): SettingsView {
    const view = this.view();
    this.events.publish('settings.changed', view);
    return view;
  }
}
