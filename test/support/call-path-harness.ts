import path from 'node:path';
import { CallPath, type CallPathDeps } from '../../main/llm/call/call-llm';
import { ResponseCache } from '../../main/llm/cache/response-cache';
import { ProviderLimiter, type ProviderLimits } from '../../main/llm/limits/provider-limiter';
import { bundledCatalog } from '../../main/llm/pricing/catalog';
import { PriceBook } from '../../main/llm/pricing/price-book';
import { PriceOverrides } from '../../main/llm/pricing/price-overrides';
import type { LlmProvider } from '../../main/llm/types';
import { LlmMetrics } from '../../main/metrics/llm-metrics';
import { openDatabase } from '../../main/store/database';
import { GroupCommit } from '../../main/store/group-commit';
import { SpanStore } from '../../main/tracing/span-store';
import { tempDir } from './temp-dir';

/** A CallPath over a fresh database with the given providers, for tests and benchmarks. */
export function callPathHarness(
  providers: Partial<Record<LlmProvider['id'], LlmProvider>>,
  options: Partial<CallPathDeps> & { limits?: ProviderLimits; dir?: string } = {},
) {
  const { db } = openDatabase({ file: path.join(options.dir ?? tempDir(), 'calls.db') });
  const spans = new SpanStore(db);
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
    cache: new ResponseCache(db),
    prices: new PriceBook(bundledCatalog(), new PriceOverrides(db)),
    spans,
    metrics,
    writes: new GroupCommit(db),
    secretValues: () => [],
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 5_000 },
    ...options,
  });
  return { db, spans, metrics, limiter, callPath };
}
