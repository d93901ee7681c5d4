import type { WebhookAttempt, WebhookFormat } from '../../../shared/contract/pulse';
import { sleep as realSleep } from '../../kit/sleep';
import { webhookBody, type AlertPayload } from './alert-payload';
import { SIGNATURE_HEADER, signPayload } from './webhook-signature';

export interface WebhookTarget {
  readonly url: string;
  /** HMAC key the receiver verifies with; never logged, never part of an error. */
  readonly secret: string;
  readonly format: WebhookFormat;
}

export interface DeliveryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly timeoutMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  timeoutMs: 10_000,
};

export interface DeliveryDeps {
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly policy?: DeliveryPolicy;
  readonly signal?: AbortSignal;
}

export interface DeliveryResult {
  readonly delivered: boolean;
  readonly attempts: readonly WebhookAttempt[];
}

/** A receiver that may recover: no answer, a timeout, throttling or its own failure. */
function retryable(status: number | null): boolean {
  return status === null || status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Why no answer came, without the URL: a Slack webhook's URL is itself a secret, and fetch's
 * errors name it.
 */
function failureText(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer within ${timeoutMs} ms`;
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  return code ? `could not connect (${code})` : 'could not connect';
}

/**
 * Posts an alert to one webhook, signed, retrying what may recover with exponential backoff and
 * full jitter (a receiver's Retry-After wins, within maxDelayMs). Redirects are not followed: a
 * signed payload goes only where it was set up to go. Every attempt is returned for the
 * delivery log.
 */
export async function deliverWebhook(
  target: WebhookTarget,
  payload: AlertPayload,
  deps: DeliveryDeps = {},
): Promise<DeliveryResult> {
  const doFetch = deps.fetch ?? fetch;
  const wait = deps.sleep ?? realSleep;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const policy = deps.policy ?? DEFAULT_DELIVERY_POLICY;
  const body = webhookBody(payload, target.format);
  const attempts: WebhookAttempt[] = [];
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    const started = now();
    let status: number | null = null;
    let error: string | null = null;
    let retryAfter: number | null = null;
    try {
      const res = await doFetch(target.url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Assay-Webhook/1',
          [SIGNATURE_HEADER]: signPayload(target.secret, body, Math.floor(started / 1000)),
        },
        body,
        signal: deps.signal
          ? AbortSignal.any([deps.signal, AbortSignal.timeout(policy.timeoutMs)])
          : AbortSignal.timeout(policy.timeoutMs),
      });
      status = res.status;
      retryAfter = retryAfterMs(res.headers.get('retry-after'), now());
      await res.body?.cancel();
      if (status >= 300 && status < 400)
        error = `redirected (${status}); redirects are not followed`;
      else if (status >= 400) error = `the receiver answered ${status}`;
    } catch (err) {
      if (deps.signal?.aborted) throw err;
      error = failureText(err, policy.timeoutMs);
    }
    attempts.push({
      attempt,
      at: new Date(started).toISOString(),
      status,
      error,
      durationMs: now() - started,
    });
    if (error === null) return { delivered: true, attempts };
    if (!retryable(status) || attempt === policy.maxAttempts) break;
    const backoff = Math.round(
      random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)),
    );
    await wait(Math.min(policy.maxDelayMs, retryAfter ?? backoff), deps.signal);
  }
  return { delivered: false, attempts };
}
