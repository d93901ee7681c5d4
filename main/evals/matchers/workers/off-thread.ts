import { runBoundedTask } from './bounded-task';
import type { RegexMatch } from '../text/regex-search';
import type { Bounded, BoundedTask } from './sandbox-protocol';
import { defaultWorkerCount, findWorkerScript, WorkerPool } from './worker-pool';

/**
 * Runs regex work that could freeze the app on a worker thread. A match on V8's backtracking
 * engine cannot be interrupted, and some patterns backtrack for minutes on a few dozen
 * characters; the worker running one is terminated at the task's time limit instead. Where no
 * worker can start, the task runs in this thread as it always did.
 */

/** A worker's JavaScript heap: the text or value, copied from this thread, and the answer. */
const WORKER_HEAP_MB = 128;

let pool: WorkerPool<BoundedTask, Bounded<unknown>> | null | undefined;

function run(task: BoundedTask): Promise<Bounded<unknown>> {
  if (pool === undefined) {
    const script = findWorkerScript();
    pool = script
      ? new WorkerPool<BoundedTask, Bounded<unknown>>({
          script,
          // One slow pattern holds a worker until its limit; a second keeps the rest moving.
          maxWorkers: defaultWorkerCount(2),
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          budgetMs: (t) => t.timeoutMs,
          stuck: () => ({ status: 'timed-out' }),
          failed: (_t, reason) => ({ status: 'failed', error: reason }),
          inThread: (t) => Promise.resolve(runBoundedTask(t)),
        })
      : null;
  }
  return pool ? pool.run(task) : Promise.resolve(runBoundedTask(task));
}

// runBoundedTask answers each kind with its own value type; these name it.

export function searchOffThread(
  task: Omit<Extract<BoundedTask, { kind: 'regex' }>, 'kind'>,
): Promise<Bounded<RegexMatch | null>> {
  return run({ kind: 'regex', ...task }) as Promise<Bounded<RegexMatch | null>>;
}

export function validateOffThread(
  task: Omit<Extract<BoundedTask, { kind: 'schema' }>, 'kind'>,
): Promise<Bounded<string[]>> {
  return run({ kind: 'schema', ...task }) as Promise<Bounded<string[]>>;
}
