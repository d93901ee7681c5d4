import { API_TOKEN_PREFIX } from '../../auth/credential-secrets';
import { ingestPrincipal, type TokenAuthenticator } from '../../auth/ingest-token';
import { Agent, request as upstreamRequest, type Dispatcher } from 'undici';
import { AssayError } from '../../../shared/errors';
import type { ProviderLimiter } from '../../llm/limits/provider-limiter';
import { parseRetryAfter, type ProviderErrorClass } from '../../llm/provider-error';
import { ZERO_USAGE, type Usage } from '../../llm/types';
import type { IngestServices } from '../../server/ingest-services';
import { redactText } from '../redact';
import { readWholeAnswer, streamErrorClass } from './call-outcome';
import { decideCredentials } from './credentials';
import { clientResponseHeaders, upstreamRequestHeaders } from './forward-headers';
import { gatewayError, type WireFormat } from './gateway-error';
import type {
  AnswerHeaders,
  GatewayAnswer,
  GatewayRequest,
  StreamAnswer,
  StreamEnd,
  WholeAnswer,
} from './gateway-exchange';
import type { GatewayRoute } from './gateway-routes';
import { gatewaySpan, type GatewayCall } from './gateway-span';
import { prepareCall, type PreparedCall } from './prepare-call';
import { AnthropicStreamAccumulator, OpenAiStreamAccumulator } from './stream-accumulators';
import { SpanBatcher } from './span-batcher';
import { SseLines } from './sse-lines';
import { readTagging, type Tagging } from './tagging';
import { traceContext } from './trace-context';
import { upstreamOf, type GatewayProvider } from './upstream';

/** Reasoning models think for minutes before their first byte; the gateway waits as long. */
const UPSTREAM_TIMEOUT_MS = 10 * 60_000;

type Finish = (end: {
  readonly response: unknown;
  readonly usage: Usage;
  readonly usageReported: boolean;
  readonly error: { readonly errorClass: ProviderErrorClass; readonly message: string } | null;
  readonly httpStatus: number | null;
  readonly ttftMs: number | null;
  readonly requestId: string | null;
}) => void;

/**
 * The gateway: forwards an app's call to its provider as sent, passes the answer back as it
 * arrives (status, headers, body, chunk by chunk for streams), and reads it on the side to
 * write one span per call once the answer is over.
 */
export class GatewayProxy {
  private readonly agent: Dispatcher = new Agent({
    headersTimeout: UPSTREAM_TIMEOUT_MS,
    bodyTimeout: UPSTREAM_TIMEOUT_MS,
    keepAliveTimeout: 30_000,
  });

  private readonly spans: SpanBatcher;

  /** Stores the spans still gathered for a batch (the server is closing). */
  drain(): Promise<void> {
    return this.spans.flush();
  }

  constructor(
    private readonly services: IngestServices,
    private readonly token: string | undefined,
    /** Team mode: a personal API token (editor or admin) in the server token's place. */
    private readonly authenticate?: TokenAuthenticator,
  ) {
    this.spans = new SpanBatcher({
      ingest: (batch) => services.tracing.ingest(batch, 'gateway', 'gateway'),
      onError: (err) =>
        console.error(
          '[gateway] span not stored:',
          redactText(
            err instanceof Error ? err.message : String(err),
            services.secrets.knownValues(),
          ),
        ),
    });
  }

  /** Answers one call on a matched route; the transport writes the answer. */
  async handle(req: GatewayRequest, route: GatewayRoute): Promise<GatewayAnswer> {
    const started = performance.now();
    const startedAtMs = Date.now();
    const fail = (err: AssayError, headers?: Record<string, string>): WholeAnswer =>
      gatewayError(route.format, err.code, err.message, headers);
    const get = (name: string): string | undefined => req.header(name);

    const origin = get('origin');
    if (origin !== undefined && origin !== req.origin())
      return fail(new AssayError('FORBIDDEN', `Cross-origin call from ${origin} refused`));
    const upstream = upstreamOf(route.provider, this.services.llm.connections());
    let serverToken = this.token;
    if (this.authenticate) {
      serverToken = teamTokenOf(get);
      try {
        await ingestPrincipal(
          this.authenticate,
          serverToken,
          'send your Assay API token (an editor token) as the API key, or in x-assay-token beside your own key',
        );
      } catch (err) {
        if (err instanceof AssayError) return fail(err);
        throw err;
      }
    }
    const credentials = decideCredentials(route.format, get, serverToken, upstream.storedKey);
    if (!credentials.ok) return fail(new AssayError('UNAUTHORIZED', credentials.message));

    let prepared: PreparedCall | null = null;
    let tagging: Tagging;
    let promptVersionId: string | null = null;
    let body: Uint8Array | undefined;
    try {
      tagging = readTagging(get);
      if (route.kind !== 'models') {
        if (!/^application\/json\b/i.test(get('content-type') ?? ''))
          throw new AssayError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the call as content-type: application/json',
          );
        body = req.body ?? new Uint8Array(0);
        prepared = prepareCall(route.provider, route.kind, body);
      }
      if (tagging.promptRef !== null) promptVersionId = await this.resolvePrompt(tagging.promptRef);
    } catch (err) {
      if (err instanceof AssayError) return fail(err);
      throw err;
    }

    const trace = traceContext(get('traceparent'));
    const idHeaders: Record<string, string> = prepared
      ? { 'x-assay-trace-id': trace.traceId, 'x-assay-span-id': trace.spanId }
      : {};
    if (trace.warning && prepared) idHeaders['x-assay-warning'] = trace.warning;

    const signal = req.signal;
    const limiter = this.services.llm.limiter(route.provider);
    const estimate = prepared?.estimatedTokens ?? 0;
    let release: (() => void) | null = null;
    try {
      release = await limiter.acquireSlot(signal);
      if (prepared) await limiter.acquireRate(estimate, signal);
    } catch {
      release?.();
      return fail(new AssayError('CANCELLED', 'The client went away before the call was sent'));
    }

    const finish: Finish = prepared
      ? this.finisher(
          {
            kind: prepared.spanKind,
            provider: route.provider,
            model: prepared.model,
            route: `${route.provider}${route.upstreamPath}`,
            stream: prepared.stream,
            trace,
            sessionId: tagging.sessionId,
            userId: tagging.userId,
            tags: tagging.tags,
            promptVersionId,
            request: prepared.request,
            startedAtMs,
          },
          { started, limiter, estimate, release, secrets: credentials.secrets },
        )
      : () => release?.();

    let answer: Dispatcher.ResponseData;
    try {
      answer = await upstreamRequest(`${upstream.baseUrl}${route.upstreamPath}`, {
        method: route.kind === 'models' ? 'GET' : 'POST',
        headers: upstreamRequestHeaders(req.headers, credentials.auth),
        body,
        signal,
        dispatcher: this.agent,
      });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const errorClass: ProviderErrorClass = signal.aborted
        ? 'aborted'
        : code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT'
          ? 'timeout'
          : 'connection';
      const message = redactText(
        `${route.provider} at ${upstream.baseUrl} did not answer: ${(err as Error).message}`,
        credentials.secrets,
      );
      finish({
        response: null,
        usage: ZERO_USAGE,
        usageReported: false,
        error: { errorClass, message },
        httpStatus: null,
        ttftMs: null,
        requestId: null,
      });
      const status = errorClass === 'timeout' ? 'PROVIDER_TIMEOUT' : 'PROVIDER_UNAVAILABLE';
      return fail(new AssayError(status, message), idHeaders);
    }

    const status = answer.statusCode;
    const headers = Object.assign(clientResponseHeaders(answer.headers), idHeaders);
    const header = (name: string): string | null => {
      const v = answer.headers[name];
      return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? null) : null;
    };
    const requestId = header('x-request-id') ?? header('request-id');
    // Only a 429 on Assay's own key slows Assay's own calls: an app's key has its own limits.
    if (status === 429 && credentials.source === 'stored') {
      const wait = parseRetryAfter(header);
      if (wait !== undefined) limiter.pause(wait);
    }
    const isStream = /^text\/event-stream\b/i.test(header('content-type') ?? '');
    if (prepared?.stream && isStream && status >= 200 && status < 300)
      return this.passStream(answer, status, headers, route.format, prepared, requestId, {
        started,
        finish,
        signal,
      });

    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await answer.body.arrayBuffer());
    } catch (err) {
      const message = `${route.provider}: the answer was cut off: ${(err as Error).message}`;
      finish({
        response: null,
        usage: ZERO_USAGE,
        usageReported: false,
        error: { errorClass: signal.aborted ? 'aborted' : 'connection', message },
        httpStatus: status,
        ttftMs: null,
        requestId,
      });
      return fail(new AssayError('PROVIDER_UNAVAILABLE', message), idHeaders);
    }
    if (prepared) {
      const call = prepared;
      // After the answer is on its way: reading it for the span never delays the app.
      setImmediate(() => {
        const outcome = readWholeAnswer({
          format: route.format,
          kind: call.spanKind,
          provider: route.provider,
          model: call.model,
          status,
          body: bytes,
          requestId,
        });
        finish({ ...outcome, httpStatus: status, ttftMs: null, requestId });
      });
    } else {
      finish({
        response: null,
        usage: ZERO_USAGE,
        usageReported: false,
        error: null,
        httpStatus: status,
        ttftMs: null,
        requestId,
      });
    }
    const noBody = status === 204 || status === 304 || bytes.byteLength === 0;
    return { status: validStatus(status), headers, body: noBody ? null : bytes };
  }

  /**
   * A 2xx event stream: each chunk goes to the app the moment it arrives (the parser reads it
   * on the side and can never hold or break the stream); the span is written when the stream
   * ends, breaks, or the app hangs up.
   */
  private passStream(
    answer: Dispatcher.ResponseData,
    status: number,
    headers: AnswerHeaders,
    format: WireFormat,
    prepared: PreparedCall,
    requestId: string | null,
    ctx: { readonly started: number; readonly finish: Finish; readonly signal: AbortSignal },
  ): StreamAnswer {
    let ttftMs: number | null = null;
    const mark = (): void => {
      ttftMs ??= performance.now() - ctx.started;
    };
    const acc =
      format === 'openai'
        ? new OpenAiStreamAccumulator(mark)
        : new AnthropicStreamAccumulator(mark);
    const lines = new SseLines((event) => acc.apply(event));
    let settled = false;
    const settle = (how: StreamEnd, cause?: unknown): void => {
      if (settled) return;
      settled = true;
      if (how === 'done') {
        try {
          lines.end();
        } catch {
          // As in seen(): the span shows less, the app has its stream.
        }
      }
      const response = acc.result(requestId, prepared.model);
      const aborted = how === 'client' || ctx.signal.aborted;
      const error: { errorClass: ProviderErrorClass; message: string } | null = aborted
        ? { errorClass: 'aborted', message: 'the app hung up before the stream ended' }
        : how === 'upstream'
          ? {
              errorClass: 'connection',
              message: `the provider's stream broke: ${(cause as Error)?.message ?? 'unknown'}`,
            }
          : acc.streamError !== null
            ? { errorClass: streamErrorClass(acc.streamError), message: acc.streamError }
            : !acc.finished && !lines.overflowed
              ? { errorClass: 'connection', message: 'the stream ended before its end' }
              : null;
      ctx.finish({
        response,
        usage: response.usage,
        usageReported: acc.usageReported,
        error,
        httpStatus: status,
        ttftMs,
        requestId,
      });
    };
    return {
      status,
      headers,
      body: answer.body,
      seen(chunk) {
        try {
          lines.push(chunk);
        } catch {
          // A provider's odd event must not cost the app its stream; the span shows less.
        }
      },
      settle,
    };
  }

  private async resolvePrompt(ref: string): Promise<string> {
    try {
      return (await this.services.prompts.resolveRef(ref)).versionId;
    } catch (err) {
      if (err instanceof AssayError && err.code === 'NOT_FOUND')
        throw new AssayError('VALIDATION_FAILED', `Header x-assay-prompt: ${err.message}`, {
          header: 'x-assay-prompt',
        });
      throw err;
    }
  }

  /** Settles a call once: gives back the limiter slot, prices the usage, stores the span. */
  private finisher(
    call: GatewayCall,
    ctx: {
      readonly started: number;
      readonly limiter: ProviderLimiter;
      readonly estimate: number;
      readonly release: () => void;
      readonly secrets: readonly string[];
    },
  ): Finish {
    let done = false;
    return (end) => {
      if (done) return;
      done = true;
      const latencyMs = performance.now() - ctx.started;
      ctx.release();
      const u = end.usage;
      ctx.limiter.settleTokens(
        ctx.estimate,
        u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens,
      );
      void this.store(call, { ...end, latencyMs }, ctx.secrets);
    };
  }

  private async store(
    call: GatewayCall,
    end: Parameters<Finish>[0] & { readonly latencyMs: number },
    callSecrets: readonly string[],
  ): Promise<void> {
    const secrets = [...callSecrets, ...this.services.secrets.knownValues()];
    try {
      const prices = this.services.llm.prices;
      await prices.ready();
      const provider = call.provider as GatewayProvider;
      const u = end.usage;
      const anyUsage = u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens > 0;
      // No usage reported is unknown, not free: the cost stays null rather than $0.
      const answeredModel = (end.response as { model?: unknown } | null)?.model;
      const cost =
        !end.usageReported && !anyUsage
          ? null
          : (prices.cost(provider, call.model, u) ??
            (typeof answeredModel === 'string' ? prices.cost(provider, answeredModel, u) : null));
      const span = gatewaySpan(
        call,
        {
          response: end.response,
          usage: u,
          costPicoUsd: cost,
          status: end.error ? 'error' : 'ok',
          errorClass: end.error?.errorClass ?? null,
          errorMessage: end.error?.message ?? null,
          httpStatus: end.httpStatus,
          latencyMs: Math.round(end.latencyMs * 1000) / 1000,
          ttftMs: end.ttftMs === null ? null : Math.round(end.ttftMs * 1000) / 1000,
          providerRequestId: end.requestId,
          usageReported: end.usageReported,
        },
        secrets,
      );
      this.spans.add(span);
    } catch (err) {
      console.error('[gateway] span not stored:', redactText((err as Error).message, secrets));
    }
  }
}

/** A status an HTTP answer can carry (an upstream may send anything). */
function validStatus(status: number): number {
  return status >= 200 && status <= 599 ? status : 502;
}

/**
 * The personal API token of a gateway call: in x-assay-token beside the app's own provider key,
 * or as the key itself (Bearer or x-api-key) when it is one (`assay_pat_…`).
 */
function teamTokenOf(get: (name: string) => string | undefined): string | undefined {
  const beside = get('x-assay-token')?.trim();
  if (beside) return beside;
  const key =
    get('authorization')
      ?.match(/^Bearer\s+(.*)$/i)?.[1]
      ?.trim() ?? get('x-api-key')?.trim();
  return key?.startsWith(API_TOKEN_PREFIX) ? key : undefined;
}
