import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';
import { redirectRefusal } from '../../http/provider-fetch';
import {
  classifyStatus,
  parseRetryAfter,
  ProviderError,
  type ProviderErrorClass,
} from '../../provider-error';

const PROVIDER = 'anthropic';

/**
 * Anthropic's error body types. An error that arrives as an `event: error` inside a stream has
 * no HTTP status (the response was a 200), so its type is all there is to go on.
 */
const CLASS_OF_TYPE: Readonly<Record<string, ProviderErrorClass>> = {
  overloaded_error: 'overloaded',
  rate_limit_error: 'rate_limited',
  api_error: 'server_error',
  timeout_error: 'timeout',
  authentication_error: 'auth',
  permission_error: 'auth',
  invalid_request_error: 'bad_request',
  not_found_error: 'bad_request',
  request_too_large: 'bad_request',
};

/** A header getter over a fetch `Headers` or a plain record (case-insensitive either way). */
export function headerGetter(headers: unknown): (name: string) => string | null {
  if (headers && typeof (headers as Headers).get === 'function') {
    return (name) => (headers as Headers).get(name);
  }
  if (headers && typeof headers === 'object') {
    const entries = Object.entries(headers as Record<string, unknown>);
    return (name) => {
      const hit = entries.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
      return typeof hit === 'string' ? hit : Array.isArray(hit) ? String(hit[0]) : null;
    };
  }
  return () => null;
}

function classOfApiError(err: APIError): ProviderErrorClass {
  // 529 and an in-stream overloaded_error mean the same: Anthropic is shedding load.
  if (err.type === 'overloaded_error') return 'overloaded';
  if (err.status !== undefined) return classifyStatus(err.status);
  // A status-less error event is the server failing mid-answer: retryable unless typed otherwise.
  return (err.type && CLASS_OF_TYPE[err.type]) || 'server_error';
}

/**
 * Maps anything the SDK (or the stream) throws to a ProviderError, the only error type the
 * call path looks at. Order matters: the connection and abort errors subclass APIError.
 */
export function toProviderError(err: unknown, signal?: AbortSignal): ProviderError {
  if (err instanceof ProviderError) return err;
  const base = { provider: PROVIDER, cause: err };
  const message = err instanceof Error ? err.message : String(err);
  if (signal?.aborted || err instanceof APIUserAbortError) {
    return new ProviderError({ ...base, errorClass: 'aborted', message: 'request aborted' });
  }
  const refused = redirectRefusal(err);
  if (refused !== null) {
    // The endpoint's own redirect is refused on every attempt: not a connection to retry.
    return new ProviderError({ ...base, errorClass: 'unknown', message: refused });
  }
  if (err instanceof APIConnectionTimeoutError) {
    return new ProviderError({ ...base, errorClass: 'timeout', message });
  }
  if (err instanceof APIConnectionError) {
    return new ProviderError({ ...base, errorClass: 'connection', message });
  }
  if (err instanceof APIError) {
    return new ProviderError({
      ...base,
      errorClass: classOfApiError(err),
      // The provider's own words when it sent a body; the SDK's summary otherwise.
      message: err.apiMessage ?? message,
      ...(err.status !== undefined ? { status: err.status } : {}),
      retryAfterMs: parseRetryAfter(headerGetter(err.headers)),
      requestId: err.requestID ?? null,
    });
  }
  // The SDK throws a plain Error when no key is configured and no credential source resolves.
  if (/could not resolve authentication/i.test(message)) {
    return new ProviderError({ ...base, errorClass: 'auth', message });
  }
  return new ProviderError({ ...base, errorClass: 'unknown', message });
}
