import {
  evaluateInQuickJs,
  quickJsGrewLarge,
  releaseQuickJs,
  type SandboxLimits,
  type SandboxResult,
} from './sandbox-core';
import type { ScorerTask } from '../workers/sandbox-protocol';
import {
  defaultWorkerCount,
  findWorkerScript,
  WorkerPool,
  type WorkerScript,
} from '../workers/worker-pool';

export type { SandboxLimits, SandboxResult } from './sandbox-core';
export { findWorkerScript } from '../workers/worker-pool';

/**
 * Runs custom scorers in QuickJS on worker threads. QuickJS evaluates synchronously, so in the
 * main thread a scorer that loops until its time limit (1 s by default) froze everything else
 * for that long, once per case: the UI's requests, progress, other calls. Where the worker file
 * is not next to this module, or no worker can start (a platform that refuses them), scorers
 * run in this thread as before: slower to share, never lost.
 */

/** Past a scorer's own time limit, how long its worker may stay silent before it is replaced. */
const STUCK_AFTER_MS = 2_000;

/**
 * A scorer's memory lives in QuickJS's WebAssembly memory, which V8's heap limits do not cover
 * (the scorer's own limit does); this bounds the worker's JavaScript heap, which holds the
 * scorer's input (the output text, as JSON) and its result.
 */
const WORKER_HEAP_MB = 128;

const failure = (error: string): SandboxResult => ({ ok: false, error, logs: [] });

/** In this thread: the same evaluation, dropping the module after a large allocation. */
async function evaluateHere(task: ScorerTask): Promise<SandboxResult> {
  const result = await evaluateInQuickJs(task.code, task.input, task.limits);
  if (quickJsGrewLarge()) releaseQuickJs();
  return result;
}

export interface SandboxPoolOptions {
  readonly stuckAfterMs?: number;
  readonly maxWorkers?: number;
}

/** Scorer workers, started on demand up to a bound, each running one scorer at a time. */
export class SandboxPool {
  private readonly pool: WorkerPool<ScorerTask, SandboxResult>;

  constructor(script: WorkerScript, options: SandboxPoolOptions = {}) {
    const stuckAfterMs = options.stuckAfterMs ?? STUCK_AFTER_MS;
    this.pool = new WorkerPool<ScorerTask, SandboxResult>({
      script,
      maxWorkers: options.maxWorkers ?? defaultWorkerCount(4),
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      // QuickJS interrupts the scorer itself at its limit; the pool steps in only if it cannot.
      budgetMs: (task) => task.limits.timeoutMs + stuckAfterMs,
      stuck: (task) =>
        failure(`timed out after ${task.limits.timeoutMs} ms (the sandbox stopped responding)`),
      failed: (_task, reason) =>
        failure(reason === 'the sandbox was closed' ? reason : `sandbox failure: ${reason}`),
      inThread: evaluateHere,
    });
  }

  run(code: string, input: unknown, limits: SandboxLimits): Promise<SandboxResult> {
    return this.pool.run({ kind: 'scorer', code, input, limits });
  }

  /** Workers started, retired after a large allocation, and replaced after a stuck scorer. */
  get counts(): Readonly<{ started: number; retired: number; replaced: number }> {
    return this.pool.counts;
  }

  /** Stops the workers; for tests and shutdown. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

let shared: SandboxPool | null | undefined;

export function runInSandbox(
  code: string,
  input: unknown,
  limits: SandboxLimits,
): Promise<SandboxResult> {
  if (shared === undefined) {
    const script = findWorkerScript();
    shared = script ? new SandboxPool(script) : null;
  }
  return shared
    ? shared.run(code, input, limits)
    : evaluateHere({ kind: 'scorer', code, input, limits });
}
