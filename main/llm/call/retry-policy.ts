import type { ProviderError } from '../provider-error';

export interface RetryPolicy {
  /** Attempts in all, the first included (1 = no retries). */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this fails the call instead of stalling it. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 120_000,
};

/**
 * The wait before attempt `attempt + 1`, or null to stop. The provider's Retry-After wins when
 * given (it knows when its window reopens); otherwise exponential backoff with full jitter,
 * which spreads a burst of failed callers instead of retrying them in lockstep.
 */
export function retryDelay(
  attempt: number,
  error: ProviderError,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (!error.retryable || attempt >= policy.maxAttempts) return null;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : null;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
