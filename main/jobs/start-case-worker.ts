import { Worker, type Job } from 'bullmq';
import type { RunService } from '../evals/runs/run-service';
import { openRedis, redisKey } from '../redis/open-redis';
import { CASE_JOB_ATTEMPTS } from './bullmq-case-queue';
import { CASE_QUEUE, caseJobData, type CaseJobData, type TeamRedis } from './case-jobs';
import type { JobMetricsHooks } from './job-metrics';
import { RedisSemaphores, DEFAULT_SEMAPHORE_TUNING } from './redis-semaphore';

export interface CaseWorkerTuning {
  /** Jobs this process runs at once (ASSAY_WORKER_CONCURRENCY). */
  readonly concurrency: number;
  /**
   * How long a job's lock lasts without renewal (renewed every half of it). A worker killed
   * mid-job loses its lock after this, and its jobs go back to waiting at the next stall check.
   */
  readonly lockDurationMs: number;
  /** How often this worker looks for stalled jobs (of killed workers). */
  readonly stalledIntervalMs: number;
  /** Lease of a run-concurrency slot, renewed while held; a killed worker's lapse after it. */
  readonly slotLeaseMs: number;
}

export const DEFAULT_CASE_WORKER_TUNING: CaseWorkerTuning = {
  concurrency: 20,
  lockDurationMs: 30_000,
  stalledIntervalMs: 15_000,
  slotLeaseMs: DEFAULT_SEMAPHORE_TUNING.leaseMs,
};

/** Stalls a job may survive before it is failed: a worker crash loop must not hold it forever. */
const MAX_STALLED = 3;

export interface CaseWorker {
  /** Stops taking jobs, lets the running ones finish, and closes its connections. */
  close(): Promise<void>;
}

/**
 * Processes eval case jobs with the run service's handler. Concurrency is held in two places:
 * BullMQ's per-process `concurrency` bounds this worker, and a Redis semaphore per run bounds
 * the run's calls across all workers together (run.concurrency).
 */
export function startCaseWorker(
  team: TeamRedis,
  runs: RunService,
  tuning: CaseWorkerTuning,
  hooks?: { metrics?: JobMetricsHooks; onError?: (err: unknown) => void },
): CaseWorker {
  const onError =
    hooks?.onError ??
    ((err: unknown) =>
      process.stderr.write(`assay worker: ${err instanceof Error ? err.message : String(err)}\n`));
  const slotsRedis = openRedis(team, 'worker-slots');
  const slots = new RedisSemaphores(slotsRedis, {
    ...DEFAULT_SEMAPHORE_TUNING,
    leaseMs: tuning.slotLeaseMs,
  });
  const handler = runs.caseJobHandler({
    slots,
    slotKey: (runId) => redisKey(team, 'run-slots', runId),
    onError,
  });
  const workerRedis = openRedis(team, 'worker');
  const worker = new Worker<CaseJobData>(
    CASE_QUEUE,
    async (job: Job<CaseJobData>) => {
      const started = performance.now();
      const parsed = caseJobData.safeParse(job.data);
      // A job no Assay enqueued (or an older shape): dropped, never retried forever.
      if (!parsed.success) {
        onError(new Error(`job ${job.id}: not a case job: ${parsed.error.message}`));
        return 'skipped';
      }
      const retried = job.attemptsStarted > 1 || job.stalledCounter > 0;
      const outcome = await handler.process(parsed.data, retried);
      hooks?.metrics?.onJobOutcome(CASE_QUEUE, outcome, performance.now() - started);
      return outcome;
    },
    {
      connection: workerRedis,
      prefix: team.redisPrefix,
      concurrency: tuning.concurrency,
      lockDuration: tuning.lockDurationMs,
      stalledInterval: tuning.stalledIntervalMs,
      maxStalledCount: MAX_STALLED,
    },
  );
  worker.on('failed', (job, err) => {
    hooks?.metrics?.onJobOutcome(CASE_QUEUE, 'failed', 0);
    onError(err);
    if (!job) return;
    const parsed = caseJobData.safeParse(job.data);
    const final = job.attemptsMade >= (job.opts.attempts ?? CASE_JOB_ATTEMPTS);
    if (parsed.success && final)
      void handler
        .failRun(parsed.data.runId, `case ${parsed.data.caseKey} failed: ${err.message}`)
        .catch(onError);
  });
  worker.on('error', onError);
  return {
    close: async () => {
      await worker.close();
      handler.close();
      slots.close();
      await Promise.all([workerRedis.quit(), slotsRedis.quit()]);
    },
  };
}
