import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { openRedis, redisKey } from '../redis/open-redis';
import {
  CASE_QUEUE,
  caseJobId,
  type CaseJobData,
  type CaseJobQueue,
  type CaseRef,
  type TeamRedis,
} from './case-jobs';

/** Jobs per addBulk call: one round trip each, bounded so a 5,000-case run is a few calls. */
const ADD_BATCH = 1_000;
const REMOVE_BATCH = 200;

/**
 * Attempts of a job whose processing threw (the database was unreachable); a case's own
 * failure (the provider's error) is a stored result, not a throw. After the last attempt the
 * worker fails the run (case-worker.ts), and a resume enqueues the case again.
 */
export const CASE_JOB_ATTEMPTS = 3;

/** A week: a run's count outlives any pause between a cancel and its resume. */
const COUNT_TTL_MS = 7 * 24 * 3_600_000;
/** SET key to ARGV[1] unless it holds more (a resume never lowers a count workers raised). */
const FLOOR = `
local n = tonumber(redis.call('GET', KEYS[1]) or '-1')
if n < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 0`;

/** The case queue on BullMQ, under the stack's Redis prefix. */
export class BullmqCaseQueue implements CaseJobQueue {
  private readonly queue: Queue<CaseJobData>;
  /** Ours to close: BullMQ leaves a connection it was handed open. */
  private readonly redis: Redis;

  constructor(private readonly team: TeamRedis) {
    this.redis = openRedis(team, 'queue');
    this.queue = new Queue<CaseJobData>(CASE_QUEUE, {
      connection: this.redis,
      prefix: team.redisPrefix,
      defaultJobOptions: {
        attempts: CASE_JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1_000 },
        // Gone once done: the result row is the record, and a resume may add the id again.
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
  }

  async enqueue(runId: string, cases: readonly CaseRef[]): Promise<void> {
    for (let i = 0; i < cases.length; i += ADD_BATCH) {
      await this.queue.addBulk(
        cases.slice(i, i + ADD_BATCH).map((c) => ({
          name: 'case',
          data: { runId, caseKey: c.caseKey, repeat: c.repeat },
          opts: { jobId: caseJobId(runId, c) },
        })),
      );
    }
  }

  async withdraw(runId: string, cases: readonly CaseRef[]): Promise<number> {
    let removed = 0;
    for (let i = 0; i < cases.length; i += REMOVE_BATCH) {
      // A job a worker holds (locked) is not removed: the worker sees the run is no longer
      // running and drops it (case-worker.ts).
      const counts = await Promise.all(
        cases.slice(i, i + REMOVE_BATCH).map((c) => this.queue.remove(caseJobId(runId, c))),
      );
      removed += counts.reduce((a, b) => a + b, 0);
    }
    return removed;
  }

  async countStored(runId: string): Promise<number> {
    const key = this.storedKey(runId);
    const [[, n]] = (await this.redis.multi().incr(key).pexpire(key, COUNT_TTL_MS).exec()) as [
      [Error | null, number],
    ];
    return n;
  }

  async floorStored(runId: string, n: number): Promise<void> {
    await this.redis.eval(FLOOR, 1, this.storedKey(runId), n, COUNT_TTL_MS);
  }

  private storedKey(runId: string): string {
    return redisKey(this.team, 'run-stored', runId);
  }

  async depth(): Promise<{ waiting: number; active: number; delayed: number }> {
    const c = await this.queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
    };
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.redis.quit();
  }
}
