import { collectDefaultMetrics, Registry } from 'prom-client';
import { HttpMetrics } from './http-metrics';
import { PromJobMetrics } from './job-metrics';
import type { LlmMetrics } from './llm-metrics';
import { PromResultMetrics } from './result-metrics';

/**
 * Every Prometheus metric of one process on one registry, for GET /metrics: LLM calls (the call
 * path's own registry), HTTP requests, jobs and queue depth, eval and backtest results. Each
 * part keeps its own registry (so several cores in one test process never collide); the merged
 * one reads their live values.
 */
export class CoreMetrics {
  readonly http = new HttpMetrics();
  readonly jobs = new PromJobMetrics();
  readonly results = new PromResultMetrics();
  readonly registry: Registry;
  private processMetrics = false;

  constructor(llm: LlmMetrics) {
    this.registry = Registry.merge([
      llm.registry,
      this.http.registry,
      this.jobs.registry,
      this.results.registry,
    ]);
  }

  /**
   * Adds Node's process metrics (CPU, memory, event-loop lag, GC) as `assay_process_*` and
   * `assay_nodejs_*`. Only long-lived shells (serve, worker) call it: it starts GC and
   * event-loop observers, which a one-off CLI command or a test's many cores should not.
   */
  collectProcessMetrics(): void {
    if (this.processMetrics) return;
    this.processMetrics = true;
    collectDefaultMetrics({ register: this.registry, prefix: 'assay_' });
  }

  /** The Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
