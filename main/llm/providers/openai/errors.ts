import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { redirectRefusal } from '../../http/provider-fetch';
import { ProviderError, classifyStatus, parseRetryAfter } from '../../provider-error';
import type { ProviderErrorClass } from '../../provider-error';

/** Maps whatever the OpenAI SDK (or fetch underneath it) threw to one ProviderError. */

export interface ErrorContext {
  readonly provider: string;
  readonly signal?: AbortSignal | undefined;
  readonly requestId?: string | null;
  /** Set while iterating a stream: a non-API failure there means the connection broke. */
  readonly duringStream?: boolean;
}

/** A header lookup over a fetch `Headers` or a plain (possibly multi-valued) record. */
export function headerGetter(headers: unknown): (name: string) => string | null {
  // Duck-typed: undici's own Headers (our provider fetch) is not the global Headers class.
  if (
    headers !== null &&
    typeof headers === 'object' &&
    typeof (headers as Headers).get === 'function'
  ) {
    return (name) => (headers as Headers).get(name);
  }
  if (headers === null || typeof headers !== 'object') return () => null;
  const byName = new Map<string, unknown>();
  for (const [key, value] of Object.entries(headers)) byName.set(key.toLowerCase(), value);
  return (name) => {
    const value = byName.get(name.toLowerCase());
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : null;
  };
}

/** The provider's own message from the error body, without the SDK's status prefix. */
function bodyMessage(err: APIError): string {
  const body = err.error;
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    return body.message;
  }
  return err.message;
}

/** An error object inside a stream has no HTTP status: classify it by its type or code. */
function classifyInStream(err: APIError): ProviderErrorClass {
  const kind = `${err.type ?? ''} ${err.code ?? ''}`;
  if (/rate_limit|rate limit|too_many_requests/i.test(kind)) return 'rate_limited';
  if (/server_error|internal/i.test(kind)) return 'server_error';
  if (/overloaded/i.test(kind)) return 'overloaded';
  return 'unknown';
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** fetch reports resets as `TypeError: terminated` / `fetch failed` with a coded cause. */
function isNetworkFailure(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = 'code' in e ? e.code : undefined;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (e instanceof TypeError && /^(terminated|fetch failed)$/.test(e.message)) return true;
  }
  return false;
}

function isAbort(err: unknown): boolean {
  return err instanceof APIUserAbortError || (err instanceof Error && err.name === 'AbortError');
}

/** A caller's `AbortSignal.timeout()` is a time limit, not a cancellation. */
function abortClass(signal: AbortSignal | undefined): ProviderErrorClass {
  const reason: unknown = signal?.reason;
  return reason instanceof Error && reason.name === 'TimeoutError' ? 'timeout' : 'aborted';
}

export function toProviderError(err: unknown, ctx: ErrorContext): ProviderError {
  if (err instanceof ProviderError) return err;
  const base = { provider: ctx.provider, requestId: ctx.requestId ?? null, cause: err };
  if (ctx.signal?.aborted || isAbort(err)) {
    const errorClass = abortClass(ctx.signal);
    const message = errorClass === 'timeout' ? 'request timed out' : 'request aborted';
    return new ProviderError({ ...base, errorClass, message });
  }
  if (err instanceof APIConnectionTimeoutError) {
    return new ProviderError({ ...base, errorClass: 'timeout', message: err.message });
  }
  const refused = redirectRefusal(err);
  if (refused !== null) {
    // The endpoint's own redirect is refused on every attempt: not a connection to retry.
    return new ProviderError({ ...base, errorClass: 'unknown', message: refused });
  }
  if (err instanceof APIConnectionError) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
    return new ProviderError({ ...base, errorClass: 'connection', message: err.message + cause });
  }
  if (err instanceof APIError) {
    const requestId = err.requestID ?? base.requestId;
    const message = bodyMessage(err);
    if (err.status === undefined) {
      return new ProviderError({ ...base, requestId, errorClass: classifyInStream(err), message });
    }
    return new ProviderError({
      ...base,
      requestId,
      message,
      status: err.status,
      errorClass: classifyStatus(err.status),
      retryAfterMs: parseRetryAfter(headerGetter(err.headers)),
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  // A chunk that is not JSON is the server's bug, not a broken connection.
  const broken = (ctx.duringStream && !(err instanceof SyntaxError)) || isNetworkFailure(err);
  const errorClass = broken ? 'connection' : 'unknown';
  return new ProviderError({ ...base, errorClass, message });
}
