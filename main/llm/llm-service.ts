import type { ProviderId } from '../../shared/contract';
import { PROVIDER_IDS } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import type { EventBus } from '../kit/event-bus';
import { LlmMetrics } from '../metrics/llm-metrics';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import type { Store } from '../store/store';
import { SpanRepository, type SpanRecord } from '../tracing/span-repository';
import type { SpanPayloadBlobs } from '../tracing/span-payload-blobs';
import { ResponseCache } from './cache/response-cache';
import { CallPath, type CallInput, type CallPathDeps, type CallResult } from './call/call-llm';
import { ProviderLimiter, type ProviderLimits } from './limits/provider-limiter';
import { bundledCatalog, type Catalog, type ModelPrice } from './pricing/catalog';
import { PriceBook } from './pricing/price-book';
import { PriceOverrides, type PriceOverrideInput } from './pricing/price-overrides';
import { ProviderError } from './provider-error';
import { ProviderRegistry, type ProviderFactories } from './provider-registry';
import { resolveConnections, type Connections } from './resolve-connections';
import type { ModelInfo, Usage } from './types';
import type { PicoUsd } from '../../shared/money';

/** Local servers run one or two generations at a time; hosted APIs take many. */
export const DEFAULT_LIMITS: Record<ProviderId, ProviderLimits> = {
  openai: { concurrency: 64 },
  anthropic: { concurrency: 32 },
  bedrock: { concurrency: 32 },
  local: { concurrency: 4 },
};

const LIST_TIMEOUT_MS = 10_000;
/** A listing failure is shown in one line (`assay models`, Settings): longer reasons are cut. */
const MAX_REASON_CHARS = 300;

/**
 * Why a listing failed, as one line: a provider's message may carry a multi-line body (an HTML
 * error page) or an SDK's hint on a second line; the first words are the ones that explain.
 */
export function listingFailure(err: unknown): string {
  const text = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS - 1)}…` : text;
}

export interface ModelListing {
  readonly provider: ProviderId;
  readonly source: 'live' | 'catalog';
  readonly error: string | null;
  readonly models: readonly { readonly info: ModelInfo; readonly price: ModelPrice | null }[];
}

export interface LlmServiceOptions {
  readonly store: Store;
  readonly settings: SettingsService;
  readonly secrets: SecretStore;
  readonly events: EventBus;
  readonly env: NodeJS.ProcessEnv;
  readonly factories: ProviderFactories;
  readonly limits?: Partial<Record<ProviderId, ProviderLimits>>;
  /** Builds a provider's limiter (team mode: held in Redis, shared by every process). */
  readonly limiterFactory?: (id: ProviderId, limits: ProviderLimits) => ProviderLimiter;
  readonly callPath?: Partial<Pick<CallPathDeps, 'retry' | 'attemptTimeoutMs' | 'cacheTtlMs'>>;
  readonly catalog?: Catalog;
  /** Team server with S3: large span payloads in object storage (tracing/span-payload-blobs.ts). */
  readonly payloads?: SpanPayloadBlobs;
}

/** Models, prices and calls: what the rest of Assay uses to reach an LLM. */
export class LlmService {
  readonly registry: ProviderRegistry;
  readonly prices: PriceBook;
  readonly metrics = new LlmMetrics();
  readonly callPath: CallPath;
  readonly catalog: Catalog;
  private readonly overrides: PriceOverrides;
  private readonly spans: SpanRepository;
  private readonly limiters = new Map<ProviderId, ProviderLimiter>();
  private readonly streams = new Map<string, AbortController>();
  private resolved: Connections | null = null;

  constructor(private readonly options: LlmServiceOptions) {
    this.catalog = options.catalog ?? bundledCatalog();
    this.overrides = new PriceOverrides(options.store.db);
    this.prices = new PriceBook(this.catalog, this.overrides);
    this.spans = new SpanRepository(options.store.db, options.store.dialect, options.payloads);
    this.registry = new ProviderRegistry(
      () => resolveConnections(options.settings.current(), options.secrets, options.env),
      options.factories,
    );
    options.events.subscribe((topic) => {
      if (topic === 'settings.changed') {
        this.registry.invalidate();
        this.resolved = null;
      }
    });
    this.callPath = new CallPath({
      providers: this.registry,
      limiterFor: (id) => this.limiterFor(id),
      cache: new ResponseCache(options.store.db),
      prices: this.prices,
      metrics: this.metrics,
      writes: options.store.writes,
      dialect: options.store.dialect,
      secretValues: () => options.secrets.knownValues(),
      payloads: options.payloads,
      onSpansStored: (spans) =>
        options.events.publish('traces.ingested', {
          source: 'assay',
          spans: spans.length,
          traceIds: [...new Set(spans.map((s) => s.traceId))].slice(0, 100),
        }),
      ...options.callPath,
    });
  }

  private limiterFor(id: ProviderId): ProviderLimiter {
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const limits = { ...DEFAULT_LIMITS[id], ...this.options.limits?.[id] };
      limiter = this.options.limiterFactory?.(id, limits) ?? new ProviderLimiter(limits);
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  /** A provider's limiter, shared with the call path (the gateway's proxied calls count too). */
  limiter(id: ProviderId): ProviderLimiter {
    return this.limiterFor(id);
  }

  /**
   * The resolved connections (settings, stored keys, environment), kept until settings change:
   * the gateway forwards to these base URLs with these keys.
   */
  connections(): Connections {
    this.resolved ??= resolveConnections(
      this.options.settings.current(),
      this.options.secrets,
      this.options.env,
    );
    return this.resolved;
  }

  /**
   * Why calls to a provider cannot succeed as it is set up (no API key anywhere), or null when
   * they may. OpenAI's and Anthropic's SDKs refuse to call without a key; Bedrock (the AWS
   * credential chain) and a local server show whether they answer only when called.
   */
  setupProblem(id: ProviderId): string | null {
    const c = this.connections();
    if (id === 'openai' && !c.openai.apiKey)
      return 'no OpenAI API key is set (Settings, or OPENAI_API_KEY)';
    if (id === 'anthropic' && !c.anthropic.apiKey)
      return 'no Anthropic API key is set (Settings, or ANTHROPIC_API_KEY)';
    return null;
  }

  call(input: CallInput): Promise<CallResult> {
    return this.callPath.call(input);
  }

  /**
   * One judge call of a matcher that calls a model (llm-judge): a system and a user turn at
   * temperature 0, stored as an unlisted judge span named for its caller.
   */
  async judge(
    req: { provider: string; model: string; system: string; user: string },
    options: { signal: AbortSignal; spanName: string; attributes: Record<string, unknown> },
  ): Promise<{ text: string; costPicoUsd: PicoUsd | null }> {
    const result = await this.call({
      request: {
        provider: req.provider as ProviderId,
        model: req.model,
        messages: [
          { role: 'system', content: req.system },
          { role: 'user', content: req.user },
        ],
        temperature: 0,
      },
      signal: options.signal,
      spanKind: 'judge',
      spanName: options.spanName,
      attributes: options.attributes,
      listed: false,
    });
    return { text: result.response.text, costPicoUsd: result.costPicoUsd };
  }

  /** A stored span (redacted as written), or null. */
  span(id: string): Promise<SpanRecord | null> {
    return this.spans.get(id);
  }

  /** A trace's spans in the order they started. */
  spansOfTrace(traceId: string): Promise<SpanRecord[]> {
    return this.spans.byTrace(traceId);
  }

  /**
   * Embeddings for matchers (similarity). Through the provider's SDK with its price from the
   * catalog; providers without embeddings fail with a coded error that says so.
   */
  async embed(
    provider: ProviderId,
    model: string,
    texts: readonly string[],
    signal?: AbortSignal,
  ): Promise<{ vectors: number[][]; costPicoUsd: number | null }> {
    const p = this.registry.get(provider);
    if (!p.embed) {
      throw new ProviderError({
        provider,
        errorClass: 'bad_request',
        message: `${provider} offers no embeddings in Assay; use openai or local`,
      });
    }
    await this.prices.ready();
    const release = await this.limiterFor(provider).acquireSlot(signal);
    try {
      const { vectors, inputTokens } = await p.embed(model, texts, signal);
      const usage = {
        inputTokens,
        outputTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
      };
      return { vectors, costPicoUsd: this.prices.cost(provider, model, usage) };
    } finally {
      release();
    }
  }

  /** Runs a call that `cancel(streamId)` can stop. */
  async callCancellable(streamId: string, input: Omit<CallInput, 'signal'>): Promise<CallResult> {
    if (this.streams.has(streamId))
      throw new AssayError('CONFLICT', `A call with streamId "${streamId}" is already running`);
    const controller = new AbortController();
    this.streams.set(streamId, controller);
    try {
      return await this.callPath.call({ ...input, signal: controller.signal });
    } finally {
      this.streams.delete(streamId);
    }
  }

  cancel(streamId: string): boolean {
    const controller = this.streams.get(streamId);
    controller?.abort(new Error('Cancelled by the user'));
    return controller !== undefined;
  }

  /** Lists models live, falling back to the catalog (with the reason) when listing fails. */
  async listModels(
    providers: readonly ProviderId[] = PROVIDER_IDS,
    live = true,
  ): Promise<ModelListing[]> {
    await this.prices.ready();
    return Promise.all(providers.map((p) => this.listProvider(p, live)));
  }

  private async listProvider(provider: ProviderId, live: boolean): Promise<ModelListing> {
    const withPrice = (info: ModelInfo) => ({ info, price: this.prices.find(provider, info.id) });
    const fromCatalog = (error: string | null): ModelListing => {
      const known = this.catalog.models.filter((m) => m.provider === provider);
      const ids = new Set(known.map((m) => m.id));
      // Models the user priced by hand (e.g. a local model at 0) are known models too.
      const added = this.overrides
        .list()
        .filter((o) => o.provider === provider && !ids.has(o.model));
      return {
        provider,
        source: 'catalog',
        error,
        models: [
          ...known.map((m) => withPrice({ id: m.id, provider, name: m.name, source: 'catalog' })),
          ...added.map((o) =>
            withPrice({ id: o.model, provider, name: o.model, source: 'catalog' }),
          ),
        ],
      };
    };
    if (!live) return fromCatalog(null);
    try {
      const models = await this.registry
        .get(provider)
        .listModels(AbortSignal.timeout(LIST_TIMEOUT_MS));
      return { provider, source: 'live', error: null, models: models.map(withPrice) };
    } catch (err) {
      return fromCatalog(listingFailure(err));
    }
  }

  async testConnection(
    provider: ProviderId,
  ): Promise<{ ok: boolean; latencyMs: number; modelCount: number; message: string }> {
    const started = performance.now();
    try {
      const models = await this.registry
        .get(provider)
        .listModels(AbortSignal.timeout(LIST_TIMEOUT_MS));
      const latencyMs = Math.round(performance.now() - started);
      return {
        ok: true,
        latencyMs,
        modelCount: models.length,
        message: `Connected: ${models.length} models listed in ${latencyMs} ms`,
      };
    } catch (err) {
      const latencyMs = Math.round(performance.now() - started);
      return {
        ok: false,
        latencyMs,
        modelCount: 0,
        message: listingFailure(err),
      };
    }
  }

  /**
   * The price a call of this model is costed at now (an override first, then the catalog by id,
   * alias and undated id), or null when it has none: re-pricing past traffic asks this.
   */
  async priceOf(provider: ProviderId, model: string): Promise<ModelPrice | null> {
    await this.prices.ready();
    return this.prices.find(provider, model);
  }

  /** Catalog prices with overrides applied, plus overrides for models the catalog lacks. */
  async priceList(): Promise<{ name: string | null; price: ModelPrice }[]> {
    await this.prices.ready();
    const out: { name: string | null; price: ModelPrice }[] = [];
    const overridden = new Map(this.overrides.list().map((o) => [`${o.provider}/${o.model}`, o]));
    for (const m of this.catalog.models) {
      const key = `${m.provider}/${m.id}`;
      out.push({ name: m.name, price: overridden.get(key) ?? m.price });
      overridden.delete(key);
    }
    for (const price of overridden.values()) out.push({ name: null, price });
    return out;
  }

  /** What usage would cost on a model at today's prices (overrides first); null when unpriced. */
  async costOf(provider: ProviderId, model: string, usage: Usage): Promise<PicoUsd | null> {
    await this.prices.ready();
    return this.prices.cost(provider, model, usage);
  }

  setPrice(input: PriceOverrideInput): Promise<ModelPrice> {
    return this.overrides.set(input);
  }

  deletePrice(provider: ProviderId, model: string): Promise<boolean> {
    return this.overrides.delete(provider, model);
  }
}
