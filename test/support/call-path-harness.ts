import { CallPath, type CallPathDeps } from '../../main/llm/call/call-llm';
import { ResponseCache } from '../../main/llm/cache/response-cache';
import { ProviderLimiter, type ProviderLimits } from '../../main/llm/limits/provider-limiter';
import { bundledCatalog } from '../../main/llm/pricing/catalog';
import { PriceBook } from '../../main/llm/pricing/price-book';
import { PriceOverrides } from '../../main/llm/pricing/price-overrides';
import type { LlmProvider } from '../../main/llm/types';
import { LlmMetrics } from '../../main/metrics/llm-metrics';
import type { Store } from '../../main/store/store';
import { SpanRepository } from '../../main/tracing/span-repository';
import { openTestStore } from './test-database';

export interface CallPathHarness {
  readonly store: Store;
  readonly spans: SpanRepository;
  readonly metrics: LlmMetrics;
  readonly limiter: ProviderLimiter;
  readonly callPath: CallPath;
}

/**
 * A CallPath over a fresh database of this run's dialect (openTestStore) with the given
 * providers, for tests and benchmarks. Close `store` when done.
 */
export async function callPathHarness(
  providers: Partial<Record<LlmProvider['id'], LlmProvider>>,
  options: Partial<CallPathDeps> & { limits?: ProviderLimits } = {},
): Promise<CallPathHarness> {
  const store = await openTestStore();
  const metrics = new LlmMetrics();
  const limiter = new ProviderLimiter(options.limits ?? {});
  const callPath = new CallPath({
    providers: {
      get: (id) => {
        const p = providers[id];
        if (!p) throw new Error(`no provider ${id} in this test`);
        return p;
      },
    },
    limiterFor: () => limiter,
    cache: new ResponseCache(store.db),
    prices: new PriceBook(bundledCatalog(), new PriceOverrides(store.db)),
    metrics,
    writes: store.writes,
    dialect: store.dialect,
    secretValues: () => [],
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 5_000 },
    ...options,
  });
  return { store, spans: new SpanRepository(store.db, store.dialect), metrics, limiter, callPath };
}
