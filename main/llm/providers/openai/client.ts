import { OpenAI } from 'openai';
import { providerFetch } from '../../http/provider-fetch';

/** The public endpoint, passed explicitly so OPENAI_BASE_URL in the environment never redirects us. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * Long enough for slow reasoning models: the call path owns the real per-attempt time limit
 * (it aborts through the signal), so the SDK's own timer is only a last resort.
 */
const SDK_TIMEOUT_MS = 30 * 60_000;

export interface OpenAiClientSettings {
  /** null lets the SDK read OPENAI_API_KEY (its own credential default). */
  readonly apiKey: string | null;
  readonly baseUrl: string;
  /** Local servers must not receive OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment. */
  readonly ignoreEnvironment?: boolean;
}

/** An SDK client that makes exactly one attempt per call: retries belong to the call path. */
export function createOpenAiClient(settings: OpenAiClientSettings): OpenAI {
  return new OpenAI({
    apiKey: settings.apiKey ?? undefined,
    baseURL: settings.baseUrl,
    maxRetries: 0,
    timeout: SDK_TIMEOUT_MS,
    fetch: providerFetch,
    ...(settings.ignoreEnvironment ? { organization: null, project: null } : {}),
  });
}
