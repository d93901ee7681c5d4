import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Jobs waiting, active and delayed in one queue (BullMQ's getJobCounts). */
export interface QueueCounts {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
}

/**
 * What the job queues report (main/jobs/): each job's end as it happens, and each queue's depth
 * through a function read when Prometheus scrapes, so an idle stack asks Redis nothing between
 * scrapes. Outcomes are the queue's own small fixed set (a case job: stored, duplicate,
 * skipped, failed). Every process may report the same queue's depth: dashboards take the max.
 */
export interface JobMetrics {
  onJobOutcome(queue: string, outcome: string, durationMs: number): void;
  watchQueue(queue: string, depth: () => Promise<QueueCounts>): void;
}

const STATES = ['waiting', 'active', 'delayed'] as const;

/** JobMetrics on prom-client. */
export class PromJobMetrics implements JobMetrics {
  readonly registry = new Registry();
  private readonly queues = new Map<string, () => Promise<QueueCounts>>();
  private readonly jobs = new Counter({
    name: 'assay_jobs_total',
    help: 'Jobs ended, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'assay_job_duration_seconds',
    help: 'Time from a job taken to its end, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  constructor() {
    const queues = this.queues;
    new Gauge({
      name: 'assay_queue_depth',
      help: 'Jobs in a queue by state (waiting, active, delayed), read at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const read = [...queues].map(async ([queue, depth]) => {
          // Redis unreachable: no depth for this queue this scrape; every other metric is
          // still served.
          const counts = await depth().catch(() => null);
          if (counts) for (const state of STATES) this.set({ queue, state }, counts[state]);
        });
        await Promise.all(read);
      },
    });
  }

  onJobOutcome(queue: string, outcome: string, durationMs: number): void {
    this.jobs.inc({ queue, outcome });
    this.duration.observe({ queue, outcome }, durationMs / 1000);
  }

  watchQueue(queue: string, depth: () => Promise<QueueCounts>): void {
    this.queues.set(queue, depth);
  }
}
