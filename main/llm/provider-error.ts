import { AssayError, type ErrorCode } from '../../shared/errors';

/** Why a provider call failed; the call path decides on retries from this alone. */
export type ProviderErrorClass =
  | 'rate_limited' // 429, Bedrock ThrottlingException
  | 'overloaded' // Anthropic 529 overloaded_error, Bedrock ServiceUnavailable
  | 'server_error' // 5xx
  | 'timeout' // no answer within the attempt's time limit
  | 'connection' // refused, reset, or dropped mid-stream
  | 'bad_request' // 400/404/422: the request itself is wrong
  | 'auth' // 401/403: key missing, wrong or not allowed
  | 'aborted' // the caller cancelled
  | 'unknown';

const RETRYABLE: ReadonlySet<ProviderErrorClass> = new Set([
  'rate_limited',
  'overloaded',
  'server_error',
  'timeout',
  'connection',
]);

const CODE_OF: Record<ProviderErrorClass, ErrorCode> = {
  rate_limited: 'PROVIDER_RATE_LIMITED',
  overloaded: 'PROVIDER_UNAVAILABLE',
  server_error: 'PROVIDER_UNAVAILABLE',
  timeout: 'PROVIDER_TIMEOUT',
  connection: 'PROVIDER_UNAVAILABLE',
  bad_request: 'PROVIDER_REJECTED',
  auth: 'PROVIDER_AUTH',
  aborted: 'CANCELLED',
  unknown: 'PROVIDER_UNAVAILABLE',
};

export interface ProviderErrorInit {
  readonly provider: string;
  readonly errorClass: ProviderErrorClass;
  /** The provider's own message, passed through for the user. */
  readonly message: string;
  readonly status?: number;
  /** From `retry-after-ms` or `Retry-After` (seconds or HTTP date), when the provider sent one. */
  readonly retryAfterMs?: number;
  readonly requestId?: string | null;
  readonly cause?: unknown;
}

export class ProviderError extends AssayError {
  readonly provider: string;
  readonly errorClass: ProviderErrorClass;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | null;

  constructor(init: ProviderErrorInit) {
    const status = init.status === undefined ? '' : ` ${init.status}`;
    super(CODE_OF[init.errorClass], `${init.provider}${status}: ${init.message}`, {
      provider: init.provider,
      errorClass: init.errorClass,
      status: init.status ?? null,
      requestId: init.requestId ?? null,
    });
    this.name = 'ProviderError';
    this.provider = init.provider;
    this.errorClass = init.errorClass;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.requestId = init.requestId ?? null;
    if (init.cause !== undefined) this.cause = init.cause;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.errorClass);
  }
}

/** Classifies an HTTP status the way every provider's docs describe it. */
export function classifyStatus(status: number): ProviderErrorClass {
  if (status === 429) return 'rate_limited';
  if (status === 529) return 'overloaded';
  if (status === 408) return 'timeout';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'bad_request';
  return 'unknown';
}

/**
 * Reads `retry-after-ms` (OpenAI, Anthropic) or `Retry-After` (seconds or an HTTP date) from a
 * header getter. Returns undefined when absent or unparsable.
 */
export function parseRetryAfter(
  get: (name: string) => string | null | undefined,
  now = Date.now(),
): number | undefined {
  const ms = get('retry-after-ms');
  if (ms != null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = get('retry-after');
  if (value == null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
