import { describe, expect, it } from 'vitest';
import { CoreMetrics } from './core-metrics';
import { LlmMetrics } from './llm-metrics';
import { metricsPortFrom, startMetricsListener } from './metrics-listener';

describe('one registry per core', () => {
  it('exposes LLM, HTTP, job and result metrics together, with live values', async () => {
    const llm = new LlmMetrics();
    const metrics = new CoreMetrics(llm);
    llm.observe({
      provider: 'openai',
      model: 'gpt-4o-mini',
      status: 'ok',
      latencyMs: 120,
      usage: {
        inputTokens: 10,
        outputTokens: 5,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
      },
      costPicoUsd: null,
    });
    metrics.results.evalResult('pass');
    metrics.results.backtestResult('ok');
    metrics.jobs.onJobOutcome('eval-cases', 'failed', 1000);
    metrics.http.observe('GET', '/api/health', 200, 0.001);
    const text = await metrics.text();
    for (const line of [
      'assay_llm_calls_total{provider="openai",model="gpt-4o-mini",status="ok"} 1',
      'assay_eval_results_total{status="pass"} 1',
      'assay_backtest_results_total{status="ok"} 1',
      'assay_jobs_total{queue="eval-cases",outcome="failed"} 1',
      'assay_http_requests_total{method="GET",route="/api/health",status="200"} 1',
    ])
      expect(text).toContain(line);
    expect(text).not.toContain('assay_process_cpu');
    metrics.collectProcessMetrics();
    metrics.collectProcessMetrics();
    expect(await metrics.text()).toContain('assay_process_cpu_seconds_total');
  });

  it('serves /metrics and /health on a port of its own, and nothing else', async () => {
    const listener = await startMetricsListener(0, '127.0.0.1', async () => 'assay_up 1\n');
    try {
      const base = `http://127.0.0.1:${listener.port}`;
      const res = await fetch(`${base}/metrics`);
      expect(res.headers.get('content-type')).toContain('text/plain');
      expect(await res.text()).toBe('assay_up 1\n');
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/api/prompts.list`, { method: 'POST' })).status).toBe(404);
    } finally {
      await listener.close();
    }
  });

  it('reads ASSAY_METRICS_PORT, refusing what is not a port with a coded error', () => {
    expect(metricsPortFrom(undefined)).toBeUndefined();
    expect(metricsPortFrom('9464')).toBe(9464);
    expect(() => metricsPortFrom('http')).toThrow(/ASSAY_METRICS_PORT/);
    expect(() => metricsPortFrom('70000')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});
