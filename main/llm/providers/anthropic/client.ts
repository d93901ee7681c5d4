import { Anthropic } from '@anthropic-ai/sdk';
import type { AnthropicConnection } from '../../connections';
import { providerFetch } from '../../http/provider-fetch';

/**
 * The SDK's own timeout, set far beyond any attempt limit: the call path owns time limits (it
 * aborts through the signal) and an explicit value also stops the SDK from refusing long
 * non-streaming requests by its max_tokens estimate.
 */
export const SDK_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * Builds the SDK client for one connection. Retries are off (`maxRetries: 0`) because the call
 * path retries with its own backoff and records every attempt; SDK retries would hide them.
 */
export function createAnthropicClient(connection: AnthropicConnection): Anthropic {
  return new Anthropic({
    // Null means "the SDK's default": undefined lets it use ANTHROPIC_API_KEY / ANTHROPIC_BASE_URL
    // or its credential profiles, as the connection settings promise.
    apiKey: connection.apiKey ?? undefined,
    // Explicit, so a stray ANTHROPIC_BASE_URL in the process cannot override resolved settings.
    baseURL: connection.baseUrl ?? 'https://api.anthropic.com',
    maxRetries: 0,
    timeout: SDK_TIMEOUT_MS,
    fetch: providerFetch,
    // Spans are Assay's job; the SDK's OpenTelemetry hooks would only duplicate them.
    openTelemetry: false,
  });
}
