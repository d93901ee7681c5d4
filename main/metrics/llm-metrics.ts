import { Counter, Histogram, Registry } from 'prom-client';
import { picoToUsd, type PicoUsd } from '../../shared/money';
import type { Usage } from '../llm/types';

export interface CallObservation {
  readonly provider: string;
  readonly model: string;
  readonly status: 'ok' | 'error' | 'cache_hit';
  readonly latencyMs: number;
  readonly usage: Usage;
  readonly costPicoUsd: PicoUsd | null;
}

/**
 * Prometheus metrics of LLM calls, on a registry of their own (not prom-client's global one) so
 * several cores in one process, as in tests, do not collide.
 */
export class LlmMetrics {
  readonly registry = new Registry();
  private readonly calls = new Counter({
    name: 'assay_llm_calls_total',
    help: 'LLM calls by provider, model and outcome',
    labelNames: ['provider', 'model', 'status'] as const,
    registers: [this.registry],
  });
  private readonly tokens = new Counter({
    name: 'assay_llm_tokens_total',
    help: 'Tokens by provider, model and usage type',
    labelNames: ['provider', 'model', 'type'] as const,
    registers: [this.registry],
  });
  private readonly cost = new Counter({
    name: 'assay_llm_cost_usd_total',
    help: 'Cost in USD of priced calls',
    labelNames: ['provider', 'model'] as const,
    registers: [this.registry],
  });
  private readonly unpriced = new Counter({
    name: 'assay_llm_unpriced_calls_total',
    help: 'Calls to models with no known price',
    labelNames: ['provider', 'model'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'assay_llm_latency_seconds',
    help: 'Wall time of LLM calls, retries included',
    labelNames: ['provider', 'model', 'status'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });

  observe(o: CallObservation): void {
    const { provider, model, status } = o;
    this.calls.inc({ provider, model, status });
    this.latency.observe({ provider, model, status }, o.latencyMs / 1000);
    const types: [string, number][] = [
      ['input', o.usage.inputTokens],
      ['output', o.usage.outputTokens],
      ['cache_read', o.usage.cacheReadTokens],
      ['cache_write', o.usage.cacheWriteTokens],
      ['reasoning', o.usage.reasoningTokens],
    ];
    for (const [type, n] of types) if (n > 0) this.tokens.inc({ provider, model, type }, n);
    if (o.costPicoUsd === null) {
      if (status !== 'cache_hit') this.unpriced.inc({ provider, model });
    } else if (o.costPicoUsd > 0) {
      this.cost.inc({ provider, model }, picoToUsd(o.costPicoUsd));
    }
  }
}
