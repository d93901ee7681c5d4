import { z } from 'zod';
import type { TeamOptions } from '../team/team-options';

/** Where a team's queues and shared state live (TeamOptions' Redis part). */
export type TeamRedis = Pick<TeamOptions, 'redisUrl' | 'redisPrefix'>;

/** One (case, repeat) of an eval run: what a case job names. */
export interface CaseRef {
  readonly caseKey: string;
  readonly repeat: number;
}

/** A case job's data: the run and the case; everything else is read from the database. */
export const caseJobData = z.object({
  runId: z.string().min(1),
  caseKey: z.string().min(1),
  repeat: z.number().int().min(0),
});
export type CaseJobData = z.infer<typeof caseJobData>;

/**
 * The one job interface of eval runs. The desktop executes runs in process (runner.ts) and
 * has no queue; a team server enqueues each (case, repeat) here and `assay worker` processes
 * take them (BullMQ on Redis: bullmq-case-queue.ts).
 */
export interface CaseJobQueue {
  /** Adds a job per case; a case whose job is waiting or running already is not added again. */
  enqueue(runId: string, cases: readonly CaseRef[]): Promise<void>;
  /** Removes the waiting jobs of these cases (a cancelled run); the number removed. */
  withdraw(runId: string, cases: readonly CaseRef[]): Promise<number>;
  /**
   * Counts one more stored result of a run; the count so far. A hint that saves a COUNT per
   * result: the database decides completion (completeIfAllStored) once it reaches the total.
   */
  countStored(runId: string): Promise<number>;
  /** Raises a run's count to at least `n` (what the database holds at a launch or resume). */
  floorStored(runId: string, n: number): Promise<void>;
  /** Jobs waiting, delayed or running, for the queue-depth gauge. */
  depth(): Promise<{ waiting: number; active: number; delayed: number }>;
  close(): Promise<void>;
}

/** The queue of eval case jobs (BullMQ prefixes it with the stack's Redis prefix). */
export const CASE_QUEUE = 'eval-cases';

/**
 * A job's id from its run and case: adding a job whose id is waiting or running is a no-op,
 * so re-enqueueing a run on resume never duplicates a case. BullMQ refuses `:` in custom ids;
 * case keys are hex with an optional `#n`, run ids UUIDs.
 */
export function caseJobId(runId: string, { caseKey, repeat }: CaseRef): string {
  return `${runId}_${caseKey}_${repeat}`;
}
