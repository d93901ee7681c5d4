import { AssayError, type ErrorCode } from '../../shared/errors';
import { redactText } from '../tracing/redact';

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
  /**
   * The key values configured for the call, cut out of the message and the cause. Keys of
   * well-known shapes (sk-..., AKIA...) are cut whether listed or not.
   */
  readonly secrets?: readonly string[];
}

const MAX_CAUSE_DEPTH = 4;

/**
 * A copy of an error's cause chain with secrets cut out of every message and stack. The SDKs'
 * errors carry the provider's body and headers too (an OpenAI 401 body echoes the key), and a
 * logged ProviderError prints its cause: the copy keeps what diagnosis needs (name, code,
 * status, request metadata, the redacted stack) and nothing else.
 */
function redactedCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (cause instanceof ProviderError) return cause.withSecretsRedacted(secrets);
  if (typeof cause === 'string') return redactText(cause, secrets);
  if (!(cause instanceof Error))
    return cause === null || typeof cause !== 'object' ? cause : undefined;
  const copy: Error & { code?: unknown; status?: unknown; $metadata?: unknown } = new Error(
    redactText(cause.message, secrets),
  );
  copy.name = cause.name;
  copy.stack = cause.stack === undefined ? undefined : redactText(cause.stack, secrets);
  const { code, status, $metadata } = cause as typeof copy;
  if (typeof code === 'string' || typeof code === 'number') copy.code = code;
  if (typeof status === 'number') copy.status = status;
  if ($metadata !== null && typeof $metadata === 'object') {
    const { httpStatusCode, requestId } = $metadata as Record<string, unknown>;
    copy.$metadata = { httpStatusCode, requestId };
  }
  if (cause.cause !== undefined && depth < MAX_CAUSE_DEPTH)
    copy.cause = redactedCause(cause.cause, secrets, depth + 1);
  return copy;
}

export class ProviderError extends AssayError {
  readonly provider: string;
  readonly errorClass: ProviderErrorClass;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | null;
  /** The provider's own message, secrets cut out (`message` is this with provider and status). */
  readonly detail: string;

  constructor(init: ProviderErrorInit) {
    const status = init.status === undefined ? '' : ` ${init.status}`;
    // Cut here, where every provider failure becomes one of these: the HTTP API, the CLI, spans,
    // eval results and logs all take their text from this error and never see the raw one.
    const secrets = init.secrets ?? [];
    const detail = redactText(init.message, secrets);
    super(CODE_OF[init.errorClass], `${init.provider}${status}: ${detail}`, {
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
    this.detail = detail;
    if (init.cause !== undefined) this.cause = redactedCause(init.cause, secrets);
  }

  /**
   * This error with more secret values cut out (the call path's net for keys a provider did not
   * know of); itself when none of them occurs in it.
   */
  withSecretsRedacted(secrets: readonly string[]): ProviderError {
    const shown = `${this.message}\n${inspectableText(this.cause)}`;
    if (!secrets.some((s) => s.length >= 8 && shown.includes(s))) return this;
    return new ProviderError({
      provider: this.provider,
      errorClass: this.errorClass,
      message: this.detail,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      requestId: this.requestId,
      cause: this.cause,
      secrets,
    });
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.errorClass);
  }
}

/** The messages and stacks of a (redacted) cause chain, to look for secrets in. */
function inspectableText(cause: unknown, depth = 0): string {
  if (typeof cause === 'string') return cause;
  if (!(cause instanceof Error) || depth > MAX_CAUSE_DEPTH) return '';
  return `${cause.message}\n${cause.stack ?? ''}\n${inspectableText(cause.cause, depth + 1)}`;
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
