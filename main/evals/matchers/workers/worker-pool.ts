import os from 'node:os';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import {
  findWorkerScript as findScript,
  startWorker,
  type WorkerScript,
} from '../../../kit/worker-script';
import { READY, type WorkerReply } from './sandbox-protocol';

/**
 * A small pool of worker threads for work that may not end on its own (a QuickJS scorer, a
 * backtracking regex). Each worker runs one task at a time, so a task's time limit counts from
 * when it starts, not from when it was queued, and a worker that crashes or stops answering
 * takes only the task it was running with it: the queue lives here, and the next task goes to
 * another worker or a fresh one. A worker that cannot start at all (a platform that refuses
 * workers) sends every task to `inThread` from then on: slower to share, never lost.
 */

export type { WorkerScript } from '../../../kit/worker-script';

/** The QuickJS sandbox's worker entry (sandbox-worker.ts), next to this module. */
export function findWorkerScript(): WorkerScript | null {
  return findScript('sandbox-worker', import.meta.url);
}

/** At most one worker a core, and a few: each holds its own V8 heap (and QuickJS memory). */
export function defaultWorkerCount(cap: number): number {
  return Math.max(1, Math.min(os.availableParallelism(), cap));
}

function startPoolWorker(script: WorkerScript, resourceLimits: ResourceLimits | undefined): Worker {
  return startWorker(script, resourceLimits ? { resourceLimits } : {});
}

export interface WorkerPoolOptions<Task, Result> {
  readonly script: WorkerScript;
  readonly maxWorkers: number;
  readonly resourceLimits?: ResourceLimits;
  /** Wall-clock time a task may run, from when its worker starts it; past it, it is replaced. */
  readonly budgetMs: (task: Task) => number;
  /** The answer for a task whose worker stopped answering within its budget. */
  readonly stuck: (task: Task) => Result;
  /** The answer for a task whose worker died under it (or the pool was closed). */
  readonly failed: (task: Task, reason: string) => Result;
  /** Runs a task in this thread, for platforms where no worker can start. */
  readonly inThread: (task: Task) => Promise<Result>;
  /** How long a worker may take to load before it counts as unable to start. */
  readonly startTimeoutMs?: number;
}

interface Job<Task, Result> {
  readonly id: number;
  readonly task: Task;
  readonly resolve: (result: Result) => void;
}

interface Slot<Task, Result> {
  readonly worker: Worker;
  ready: boolean;
  job: Job<Task, Result> | null;
  /** The start timeout while loading, the task's budget while busy. */
  timer: NodeJS.Timeout | null;
}

const START_TIMEOUT_MS = 30_000;

export class WorkerPool<Task, Result> {
  private readonly slots = new Set<Slot<Task, Result>>();
  private readonly queue: Job<Task, Result>[] = [];
  private inThreadOnly = false;
  private nextId = 1;
  /** Workers started and dropped, for tests and diagnostics. */
  readonly counts = { started: 0, retired: 0, replaced: 0 };

  constructor(private readonly options: WorkerPoolOptions<Task, Result>) {}

  run(task: Task): Promise<Result> {
    if (this.inThreadOnly) return this.options.inThread(task);
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      this.pump();
    });
  }

  /** Stops every worker; tasks still running or queued fail. For tests and shutdown. */
  async close(): Promise<void> {
    const slots = [...this.slots];
    this.slots.clear();
    for (const job of this.queue.splice(0))
      job.resolve(this.options.failed(job.task, 'the sandbox was closed'));
    for (const slot of slots) {
      if (slot.timer) clearTimeout(slot.timer);
      if (slot.job) slot.job.resolve(this.options.failed(slot.job.task, 'the sandbox was closed'));
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  /** Hands queued tasks to idle workers and starts workers for the rest, up to the bound. */
  private pump(): void {
    if (this.inThreadOnly) {
      for (const job of this.queue.splice(0))
        void this.options.inThread(job.task).then(job.resolve);
      return;
    }
    let loading = 0;
    for (const slot of this.slots) {
      if (!slot.ready) loading++;
      else if (!slot.job && this.queue.length > 0) this.dispatch(slot, this.queue.shift()!);
    }
    for (let wanted = this.queue.length - loading; wanted > 0; wanted--) {
      if (this.slots.size >= this.options.maxWorkers) break;
      this.start();
    }
    // A busy worker, or one loading for a waiting task, keeps the process alive; an idle one not.
    for (const slot of this.slots) {
      if (slot.job || (!slot.ready && this.queue.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private start(): void {
    const worker = startPoolWorker(this.options.script, this.options.resourceLimits);
    this.counts.started++;
    const slot: Slot<Task, Result> = { worker, ready: false, job: null, timer: null };
    slot.timer = setTimeout(
      () => this.drop(slot, 'the worker did not start'),
      this.options.startTimeoutMs ?? START_TIMEOUT_MS,
    );
    slot.timer.unref();
    worker.on('message', (message: unknown) => this.onMessage(slot, message));
    worker.on('error', (err) => this.drop(slot, err.message));
    worker.on('exit', () => this.drop(slot, 'the worker exited'));
    this.slots.add(slot);
  }

  private dispatch(slot: Slot<Task, Result>, job: Job<Task, Result>): void {
    slot.job = job;
    // Measured from here: the worker is idle, so it starts the task now.
    slot.timer = setTimeout(() => {
      this.counts.replaced++;
      this.remove(slot);
      job.resolve(this.options.stuck(job.task));
      this.pump();
    }, this.options.budgetMs(job.task));
    slot.worker.postMessage({ id: job.id, task: job.task });
  }

  private onMessage(slot: Slot<Task, Result>, message: unknown): void {
    if (!this.slots.has(slot)) return;
    if (message === READY) {
      slot.ready = true;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      this.pump();
      return;
    }
    const reply = message as WorkerReply<Result>;
    const job = slot.job;
    if (!job || reply.id !== job.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    job.resolve(reply.result);
    if (reply.retire) {
      // It grew past what an idle worker should hold (WebAssembly memory never shrinks).
      this.counts.retired++;
      this.remove(slot);
    }
    this.pump();
  }

  /**
   * A worker died or never loaded. Only the task it was running fails; one that failed before
   * it was ready cannot run here at all, and every task runs in this thread from then on.
   */
  private drop(slot: Slot<Task, Result>, reason: string): void {
    if (!this.slots.has(slot)) return;
    this.remove(slot);
    if (!slot.ready) this.inThreadOnly = true;
    else if (slot.job) slot.job.resolve(this.options.failed(slot.job.task, reason));
    this.pump();
  }

  private remove(slot: Slot<Task, Result>): void {
    this.slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    void slot.worker.terminate();
  }
}
