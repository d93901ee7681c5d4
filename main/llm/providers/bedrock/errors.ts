import {
  classifyStatus,
  parseRetryAfter,
  ProviderError,
  type ProviderErrorClass,
} from '../../provider-error';

// Bedrock's exception names, from its API reference. Stream exceptions arrive with the class
// name set too; the camelCase union member names are listed for errors built from raw frames.
const CLASS_BY_NAME: Readonly<Record<string, ProviderErrorClass>> = {
  ThrottlingException: 'rate_limited',
  throttlingException: 'rate_limited',
  ServiceUnavailableException: 'overloaded',
  serviceUnavailableException: 'overloaded',
  ModelNotReadyException: 'overloaded',
  InternalServerException: 'server_error',
  internalServerException: 'server_error',
  ModelStreamErrorException: 'server_error',
  modelStreamErrorException: 'server_error',
  ModelErrorException: 'server_error',
  ValidationException: 'bad_request',
  validationException: 'bad_request',
  ResourceNotFoundException: 'bad_request',
  AccessDeniedException: 'auth',
  UnrecognizedClientException: 'auth',
  ExpiredTokenException: 'auth',
  InvalidSignatureException: 'auth',
  CredentialsProviderError: 'auth',
  ModelTimeoutException: 'timeout',
  TimeoutError: 'timeout',
  AbortError: 'aborted',
};

// Node socket and HTTP/2 failures: the connection died, the request may be retried.
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_HTTP2_STREAM_CANCEL',
  'ERR_HTTP2_INVALID_SESSION',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);
// The same failures as the SDK words them when it wraps them without a code.
const CONNECTION_MESSAGE =
  /socket hang up|premature close|ECONNRESET|ECONNREFUSED|EPIPE|Truncated event message|abnormally aborted|did not get a response|Frame type id|stream was destroyed|other side closed/i;

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { headers?: Record<string, string | undefined> };
}

const shape = (err: unknown): SdkErrorShape =>
  typeof err === 'object' && err !== null ? (err as SdkErrorShape) : {};

/** Walks `cause` links (bounded) so a wrapped socket error is still recognized. */
function isConnectionError(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const { code, message, cause } = shape(current);
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) return true;
    current = cause;
  }
  return false;
}

function classify(
  err: SdkErrorShape,
  raw: unknown,
  signal: AbortSignal | undefined,
): ProviderErrorClass {
  // The caller's signal decides first: once it fired, whatever the SDK threw is a consequence.
  // A signal from AbortSignal.timeout() is an attempt time limit, which the call path retries.
  if (signal?.aborted) return shape(signal.reason).name === 'TimeoutError' ? 'timeout' : 'aborted';
  // Names before status: a 503 ServiceUnavailableException is `overloaded`, and a 429
  // ModelNotReadyException is not a rate limit.
  const name = typeof err.name === 'string' ? err.name : '';
  // NodeHttpHandler renames ECONNRESET and EPIPE errors to TimeoutError (transient, to its retry
  // logic), and NodeHttp2Handler does so for a destroyed session: both are dropped connections.
  if (name === 'TimeoutError' && isConnectionError(raw)) return 'connection';
  const byName = Object.hasOwn(CLASS_BY_NAME, name) ? CLASS_BY_NAME[name] : undefined;
  if (byName) return byName;
  const status = err.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 400) return classifyStatus(status);
  return isConnectionError(raw) ? 'connection' : 'unknown';
}

/** Any failure of a Bedrock call as a ProviderError: class, status, message, Retry-After, request id. */
export function toBedrockError(
  raw: unknown,
  signal?: AbortSignal,
  requestId?: string | null,
): ProviderError {
  // Errors raised by this provider are kept, unless the caller's abort explains them better.
  if (raw instanceof ProviderError && !signal?.aborted) return raw;
  const err = shape(raw);
  const status = err.$metadata?.httpStatusCode;
  const headers = err.$response?.headers ?? {};
  const retryAfterMs = parseRetryAfter((name) => headers[name] ?? headers[name.toLowerCase()]);
  // A ProviderError reaching here was overtaken by the abort: its own message would mislead.
  const own = raw instanceof ProviderError ? raw : null;
  const text = typeof err.message === 'string' && err.message !== '' ? err.message : String(raw);
  // The SDK never follows a redirect (the signed request stays with the endpoint configured);
  // it reports one as a bare "UnknownError", which would leave the user guessing.
  const redirected =
    status !== undefined && status >= 300 && status < 400
      ? `the endpoint answered HTTP ${status} (a redirect), which is not followed; check the Bedrock endpoint setting`
      : null;
  const message = own ? 'request cancelled by its abort signal' : (redirected ?? text);
  return new ProviderError({
    provider: 'bedrock',
    errorClass: classify(err, raw, signal),
    message,
    ...(status !== undefined && status >= 400 ? { status } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    requestId: err.$metadata?.requestId ?? own?.requestId ?? requestId ?? null,
    cause: raw,
  });
}
