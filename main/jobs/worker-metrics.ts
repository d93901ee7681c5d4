import http from 'node:http';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { JobMetricsHooks, QueueDepth } from './job-metrics';

/**
 * A worker's job metrics on the core's registry (beside the LLM call metrics): outcomes and
 * durations per queue, and the queue's depth read at scrape time.
 */
export function workerJobMetrics(
  registry: Registry,
  queue: string,
  depth: QueueDepth,
): JobMetricsHooks {
  const outcomes = new Counter({
    name: 'assay_jobs_total',
    help: 'Jobs ended, by queue and outcome (stored, duplicate, skipped, failed)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'assay_job_duration_seconds',
    help: 'Time from a job taken to its end, by queue',
    labelNames: ['queue'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  new Gauge({
    name: 'assay_queue_depth',
    help: 'Jobs in a queue by state (waiting, active, delayed)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const d = await depth().catch(() => null);
      if (!d) return;
      for (const [state, n] of Object.entries(d)) this.set({ queue, state }, n);
    },
  });
  return {
    onJobOutcome: (q, outcome, durationMs) => {
      outcomes.inc({ queue: q, outcome });
      if (outcome !== 'failed') duration.observe({ queue: q }, durationMs / 1000);
    },
  };
}

/** One small listener serving GET /metrics for Prometheus (a worker has no other HTTP). */
export async function serveMetrics(
  registry: Registry,
  port: number,
  host = '0.0.0.0',
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
