import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export type JobOutcome = 'completed' | 'failed' | 'retried';

/** Jobs waiting, active and delayed in one queue (BullMQ's getJobCounts). */
export interface QueueDepth {
  readonly queue: string;
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
}

/**
 * What the job queues report (main/jobs/). An outcome per finished attempt; the depth is read
 * when Prometheus scrapes, not polled, so an idle stack asks Redis nothing between scrapes.
 * Every process may report the same queues' depth: dashboards take the max, not the sum.
 */
export interface JobMetrics {
  observeJob(queue: string, outcome: JobOutcome, seconds: number): void;
  /** Replaces the depth source; it must answer within a scrape (a few seconds). */
  setDepthSource(source: () => Promise<readonly QueueDepth[]>): void;
}

const STATES = ['waiting', 'active', 'delayed'] as const;

/** JobMetrics on prom-client. */
export class PromJobMetrics implements JobMetrics {
  readonly registry = new Registry();
  private depthSource: (() => Promise<readonly QueueDepth[]>) | null = null;
  private readonly jobs = new Counter({
    name: 'assay_jobs_total',
    help: 'Job attempts by queue and outcome (completed, failed for good, retried)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'assay_job_duration_seconds',
    help: 'Wall time of a job attempt, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  constructor() {
    const depthOf = () => this.depthSource?.() ?? Promise.resolve([]);
    new Gauge({
      name: 'assay_queue_depth',
      help: 'Jobs in a queue by state (waiting, active, delayed), read at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        // Queues that drained must read 0, and a queue that is gone must not keep its last value.
        this.reset();
        let depths: readonly QueueDepth[] = [];
        try {
          depths = await depthOf();
        } catch {
          // Redis unreachable: no depth this scrape, while every other metric is still served.
        }
        for (const depth of depths)
          for (const state of STATES) this.set({ queue: depth.queue, state }, depth[state]);
      },
    });
  }

  observeJob(queue: string, outcome: JobOutcome, seconds: number): void {
    this.jobs.inc({ queue, outcome });
    this.duration.observe({ queue, outcome }, seconds);
  }

  setDepthSource(source: () => Promise<readonly QueueDepth[]>): void {
    this.depthSource = source;
  }
}
