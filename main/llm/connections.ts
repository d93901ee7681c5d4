/**
 * Resolved connection settings per provider, as the call path hands them to a provider
 * factory: settings, stored secrets and environment already merged. `null` means "use the
 * SDK's default" (its default endpoint, or its own credential chain).
 */
export interface OpenAiConnection {
  readonly apiKey: string | null;
  readonly baseUrl: string | null;
}

export interface AnthropicConnection {
  readonly apiKey: string | null;
  readonly baseUrl: string | null;
}

export interface BedrockConnection {
  readonly region: string;
  /** A named profile from ~/.aws (SSO profiles included); null for the default chain. */
  readonly profile: string | null;
  /** bedrock-runtime endpoint override (AWS_ENDPOINT_URL_BEDROCK_RUNTIME). */
  readonly endpoint: string | null;
  /** Control-plane (model listing) endpoint override (AWS_ENDPOINT_URL_BEDROCK). */
  readonly controlEndpoint: string | null;
  /** Explicit keys; when null the standard AWS credential chain is used. */
  readonly accessKeyId: string | null;
  readonly secretAccessKey: string | null;
  readonly sessionToken: string | null;
}

export interface LocalConnection {
  /** An OpenAI-compatible base URL ending in /v1, e.g. http://127.0.0.1:11434/v1 (Ollama). */
  readonly baseUrl: string;
  readonly apiKey: string | null;
}

type AnyConnection = OpenAiConnection | AnthropicConnection | BedrockConnection | LocalConnection;

/** The secret values of a connection: what a provider built from it must never echo. */
export function secretsOf(connection: AnyConnection): string[] {
  const values =
    'region' in connection
      ? [connection.accessKeyId, connection.secretAccessKey, connection.sessionToken]
      : [connection.apiKey];
  return values.filter((v): v is string => v !== null && v !== '');
}
