import type { CaseJobOutcome } from '../evals/runs/case-job-handler';

/** A job's end as metrics count it: the handler's outcome, or `failed` when it threw. */
export type JobOutcome = CaseJobOutcome | 'failed';

/**
 * The hooks a metrics registry (main/metrics/) wires to the job queues: each job's outcome and
 * duration as it ends, and the queue's depth when scraped. Left unset, nothing is counted.
 */
export interface JobMetricsHooks {
  onJobOutcome(queue: string, outcome: JobOutcome, durationMs: number): void;
}

/** A queue's depth, for a gauge read at scrape time. */
export type QueueDepth = () => Promise<{ waiting: number; active: number; delayed: number }>;
