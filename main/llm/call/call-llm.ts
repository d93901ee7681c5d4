import { newId } from '../../kit/ids';
import type { PicoUsd } from '../../../shared/money';
import type { LlmMetrics } from '../../metrics/llm-metrics';
import type { WriteQueue } from '../../store/write-queue';
import { cutSecretValues, redactJson, redactText } from '../../tracing/redact';
import { SpanRepository, type SpanKind, type SpanRecord } from '../../tracing/span-repository';
import type { Dialect } from '../../store/store';
import { cacheKey, type ResponseCache } from '../cache/response-cache';
import type { ProviderLimiter } from '../limits/provider-limiter';
import { sleep } from '../../kit/sleep';
import type { PriceBook } from '../pricing/price-book';
import { ProviderError } from '../provider-error';
import {
  ZERO_USAGE,
  type ChatRequest,
  type ChatResponse,
  type LlmProvider,
  type StreamDelta,
} from '../types';
import type { PayloadStubs, SpanPayloadBlobs } from '../../tracing/span-payload-blobs';
import { attemptSignal } from './attempt-signal';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry-policy';

export interface CallInput {
  readonly request: ChatRequest;
  readonly signal?: AbortSignal;
  readonly onDelta?: (delta: StreamDelta) => void;
  /** Skip the cache lookup (the fresh response still refreshes the cache). */
  readonly bypassCache?: boolean;
  /** False leaves the cache alone entirely when `bypassCache` is set (`assay eval --no-cache`). */
  readonly refreshCache?: boolean;
  readonly traceId?: string;
  readonly parentSpanId?: string;
  readonly spanName?: string;
  readonly spanKind?: SpanKind;
  readonly attributes?: Record<string, unknown>;
  /**
   * False stores the span without a trace row or search entry: an eval run's calls, which its
   * results page shows (thousands a run would bury the app's traffic on the Traces page, and
   * indexing them cost a 5,000-case eval a fifth of its time).
   */
  readonly listed?: boolean;
  /** What the span is tagged with (a rerun names the span it reran). */
  readonly tagging?: Partial<
    Pick<SpanRecord, 'sessionId' | 'userId' | 'tags' | 'promptVersionId' | 'rerunOf'>
  >;
  /**
   * Return as soon as the answer is in, with the span's commit still queued (`committed`).
   * For callers that store something referring to the span later anyway: an eval run's next
   * call then goes out without waiting a turn for the commit.
   */
  readonly deferCommit?: boolean;
}

export interface CallResult {
  readonly response: ChatResponse;
  readonly spanId: string;
  readonly traceId: string;
  /** Null when the model has no price (shown as "unpriced", never as $0). */
  readonly costPicoUsd: PicoUsd | null;
  readonly latencyMs: number;
  readonly ttftMs: number | null;
  readonly attempts: number;
  readonly cacheHit: boolean;
  /** Settles when the span (and cached answer) is committed; already settled unless `deferCommit`. */
  readonly committed: Promise<void>;
}

export interface CallPathDeps {
  readonly providers: { get(id: ChatRequest['provider']): LlmProvider };
  readonly limiterFor: (id: ChatRequest['provider']) => ProviderLimiter;
  readonly cache: ResponseCache;
  readonly prices: PriceBook;
  readonly metrics: LlmMetrics;
  /**
   * The database's one write queue: the cache and span writes of concurrent calls share
   * commits (and share them with the other domains' small writes).
   */
  readonly writes: WriteQueue;
  /** The database's dialect: a span's search entry is written the dialect's way. */
  readonly dialect: Dialect;
  /** The configured secret values, cut out of everything a span stores. */
  readonly secretValues: () => readonly string[];
  readonly retry?: RetryPolicy;
  /** Time limit of one attempt. */
  readonly attemptTimeoutMs?: number;
  /** Null keeps cache entries until purged. */
  readonly cacheTtlMs?: number | null;
  readonly now?: () => number;
  /**
   * Team server with S3: a span's payload above the threshold is uploaded before the commit
   * and its row holds the reference (tracing/span-payload-blobs.ts).
   */
  readonly payloads?: SpanPayloadBlobs;
  /** Told once a batch of calls' spans is committed (the Traces page refreshes on `traces.ingested`). */
  readonly onSpansStored?: (spans: readonly SpanRecord[]) => void;
}

const DEFAULT_ATTEMPT_TIMEOUT_MS = 120_000;
const DEFAULT_CACHE_TTL_MS = 14 * 24 * 3600 * 1000;

/** A rough token estimate (4 characters a token) for rate budgeting before the real count is known. */
function estimateTokens(request: ChatRequest): number {
  const chars = request.messages.reduce((n, m) => n + m.content.length, 0);
  return Math.ceil(chars / 4) + (request.maxTokens ?? 512);
}

function toProviderError(err: unknown, provider: string, timedOut: boolean): ProviderError {
  if (err instanceof ProviderError) {
    // The provider sees our per-attempt timeout as an abort; it is a timeout, and retryable.
    if (timedOut && err.errorClass === 'aborted') {
      return new ProviderError({
        provider,
        errorClass: 'timeout',
        message: 'no answer within the time limit',
        cause: err,
      });
    }
    return err;
  }
  if (timedOut)
    return new ProviderError({
      provider,
      errorClass: 'timeout',
      message: 'no answer within the time limit',
      cause: err,
    });
  const message = err instanceof Error ? err.message : String(err);
  return new ProviderError({ provider, errorClass: 'unknown', message, cause: err });
}

/**
 * The one way every feature calls a model: cache -> limits -> provider with retries -> usage
 * and cost -> a span -> metrics. A span is written for every call, success or failure.
 */
/**
 * The answer without the configured keys in its text or tool arguments. A substring test per
 * key, so the answers that hold none (all of them, nearly) are returned as they are.
 */
function cutSecrets(response: ChatResponse, secrets: readonly string[]): ChatResponse {
  const present = secrets.filter(
    (s) =>
      s.length >= 8 &&
      (response.text.includes(s) || response.toolCalls.some((c) => c.arguments.includes(s))),
  );
  if (present.length === 0) return response;
  return {
    ...response,
    text: cutSecretValues(response.text, present),
    toolCalls: response.toolCalls.map((c) => ({
      ...c,
      arguments: cutSecretValues(c.arguments, present),
    })),
  };
}

export class CallPath {
  private readonly retry: RetryPolicy;
  private readonly now: () => number;

  constructor(private readonly deps: CallPathDeps) {
    this.retry = deps.retry ?? DEFAULT_RETRY_POLICY;
    this.now = deps.now ?? Date.now;
  }

  private cacheTtlMs(): number | null {
    return this.deps.cacheTtlMs === undefined ? DEFAULT_CACHE_TTL_MS : this.deps.cacheTtlMs;
  }

  async call(input: CallInput): Promise<CallResult> {
    const { request } = input;
    const started = this.now();
    const startedAt = new Date(started).toISOString();
    const spanId = newId();
    const traceId = input.traceId ?? newId();
    const usesCache = !input.bypassCache || input.refreshCache !== false;
    const key = usesCache ? cacheKey(request) : '';
    let ttftMs: number | null = null;
    let attempts = 0;

    const finish = async (outcome: {
      response: ChatResponse | null;
      error: ProviderError | null;
      cacheHit: boolean;
    }): Promise<CallResult> => {
      const latencyMs = this.now() - started;
      const usage = outcome.response && !outcome.cacheHit ? outcome.response.usage : ZERO_USAGE;
      const costPicoUsd = outcome.cacheHit
        ? 0
        : outcome.response
          ? this.deps.prices.cost(request.provider, request.model, usage)
          : null;
      const secrets = this.deps.secretValues();
      const span: SpanRecord = {
        id: spanId,
        traceId,
        parentId: input.parentSpanId ?? null,
        kind: input.spanKind ?? 'llm',
        name: input.spanName ?? `${request.provider}:${request.model}`,
        source: 'assay',
        sessionId: input.tagging?.sessionId ?? null,
        userId: input.tagging?.userId ?? null,
        tags: input.tagging?.tags ?? [],
        promptVersionId: input.tagging?.promptVersionId ?? null,
        rerunOf: input.tagging?.rerunOf ?? null,
        provider: request.provider,
        model: request.model,
        status: outcome.error ? 'error' : 'ok',
        errorClass: outcome.error?.errorClass ?? null,
        errorMessage: outcome.error ? redactText(outcome.error.message, secrets) : null,
        requestJson: redactJson(request, secrets),
        responseJson: outcome.response ? redactJson(outcome.response, secrets) : null,
        usage,
        costPicoUsd,
        latencyMs,
        ttftMs,
        attempts,
        cacheHit: outcome.cacheHit,
        providerRequestId: outcome.response?.providerRequestId ?? outcome.error?.requestId ?? null,
        attributes: input.attributes ?? null,
        startedAt,
        endedAt: new Date(started + latencyMs).toISOString(),
      };
      const fresh = usesCache && outcome.response && !outcome.cacheHit ? outcome.response : null;
      // The response is cached and its span stored in one commit: awaited unless the caller
      // defers it, so a caller never sees a span id that is not yet in the database.
      // The response is cached and its span stored in one commit: awaited unless the caller
      // defers it, so a caller never sees a span id that is not yet in the database.
      const listed = input.listed !== false;
      const write = (stubs?: PayloadStubs) =>
        this.deps.writes.run(async (tx) => {
          if (fresh)
            await this.deps.cache.on(tx).set(key, request, fresh, this.cacheTtlMs(), secrets);
          const spans = new SpanRepository(tx, this.deps.dialect);
          if (listed) await spans.insert(span, stubs);
          else await spans.insertUnlisted([span], stubs);
        });
      // Without object storage the write is queued now, in call order (a deferred commit's
      // caller queues its own writes after it); with it, the payload is uploaded first.
      const payloads = this.deps.payloads;
      const committed = payloads ? payloads.offload([span]).then(write) : write();
      const stored = committed.then(() => {
        if (!listed) return;
        try {
          this.deps.onSpansStored?.([span]);
        } catch {
          // A listener's failure is not the call's: the span is stored.
        }
      });
      if (input.deferCommit) {
        // Marked handled here: the commit may fail before the caller gets to await it.
        stored.catch(() => undefined);
      } else {
        await stored;
      }
      this.deps.metrics.observe({
        provider: request.provider,
        model: request.model,
        status: outcome.error ? 'error' : outcome.cacheHit ? 'cache_hit' : 'ok',
        latencyMs,
        usage,
        costPicoUsd,
      });
      return {
        // What the caller keeps (an eval result's output, a playground column) holds no key the
        // call was configured with, even when the model echoed one.
        response: outcome.response ? cutSecrets(outcome.response, secrets) : outcome.response!,
        spanId,
        traceId,
        costPicoUsd,
        latencyMs,
        ttftMs,
        attempts,
        cacheHit: outcome.cacheHit,
        committed: stored,
      };
    };

    // Overrides load once per process; every later call finds them settled.
    await this.deps.prices.ready();
    if (!input.bypassCache) {
      const cached = await this.deps.cache.get(key);
      if (cached) {
        if (input.onDelta && cached.text) input.onDelta({ type: 'text', text: cached.text });
        ttftMs = this.now() - started;
        return await finish({ response: cached, error: null, cacheHit: true });
      }
    }

    try {
      const response = await this.callWithRetries(
        input,
        (count) => (attempts = count),
        () => {
          ttftMs ??= this.now() - started;
        },
      );
      // finish() caches the response in the span's commit.
      return finish({ response, error: null, cacheHit: false });
    } catch (err) {
      const raw =
        err instanceof ProviderError
          ? err
          : input.signal?.aborted
            ? new ProviderError({
                provider: request.provider,
                errorClass: 'aborted',
                message: 'cancelled',
                cause: err,
              })
            : toProviderError(err, request.provider, false);
      // Providers from the registry cut their own keys already; this covers every other key
      // configured, and errors that did not come from a provider.
      const error = raw.withSecretsRedacted(this.deps.secretValues());
      await finish({ response: null, error, cacheHit: false });
      throw error;
    }
  }

  private async callWithRetries(
    input: CallInput,
    setAttempts: (n: number) => void,
    onFirstToken: () => void,
  ): Promise<ChatResponse> {
    const { request, signal } = input;
    const provider = this.deps.providers.get(request.provider);
    const limiter = this.deps.limiterFor(request.provider);
    const estimate = estimateTokens(request);
    const release = await limiter.acquireSlot(signal);
    let streamed = false;
    const onDelta = input.onDelta
      ? (delta: StreamDelta): void => {
          streamed = true;
          onFirstToken();
          input.onDelta!(delta);
        }
      : undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        setAttempts(attempt);
        await limiter.acquireRate(estimate, signal);
        const attemptAbort = attemptSignal(
          signal,
          this.deps.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
        );
        try {
          const response = await provider.chat(request, { signal: attemptAbort.signal, onDelta });
          const u = response.usage;
          limiter.settleTokens(
            estimate,
            u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens,
          );
          return response;
        } catch (err) {
          limiter.settleTokens(estimate, 0);
          const error = toProviderError(
            err,
            request.provider,
            attemptAbort.timedOut() && !signal?.aborted,
          );
          if (signal?.aborted)
            throw new ProviderError({
              provider: request.provider,
              errorClass: 'aborted',
              message: 'cancelled',
              cause: err,
            });
          const delay = retryDelay(attempt, error, this.retry);
          if (delay === null) throw error;
          if (error.errorClass === 'rate_limited' && error.retryAfterMs !== undefined)
            limiter.pause(delay);
          if (streamed) {
            streamed = false;
            onDelta?.({ type: 'reset' });
          }
          await sleep(delay, signal);
        } finally {
          attemptAbort.dispose();
        }
      }
    } finally {
      release();
    }
  }
}
