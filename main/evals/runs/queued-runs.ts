import type { EventBus } from '../../kit/event-bus';
import { sleep } from '../../kit/sleep';
import type { CaseJobQueue } from '../../jobs/case-jobs';
import type { Store } from '../../store/store';
import { completeIfAllStored } from './run-completion';
import { planRun } from './run-plan';
import type { RunRepository } from './run-repository';
import type { RunRecord } from './run-rows';
import { TeamRunProgress } from './team-progress';

const WAIT_POLL_MS = 100;

/**
 * Team mode's side of a run on the server: it marks the run running and enqueues every
 * (case, repeat) without a result; workers store the results and the last one completes the
 * run (case-job-handler.ts). A cancel marks the run cancelled first (workers drop its jobs and
 * abort its calls when they see it), then withdraws the jobs still waiting.
 */
export class QueuedRuns {
  constructor(
    private readonly store: Store,
    private readonly repo: RunRepository,
    private readonly queue: CaseJobQueue,
    private readonly events: EventBus,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Starts or resumes a run: only the cases without a result are enqueued. */
  async launch(id: string): Promise<void> {
    if (!(await this.repo.markRunning(id, new Date().toISOString()))) return;
    const run = await this.repo.get(id);
    if (!run) return;
    const plan = await planRun(this.repo, run);
    try {
      if (plan.todo.length === 0) {
        // Every case was stored before (a resume after the last result): nothing to enqueue.
        await completeIfAllStored(this.store.db, id, new Date().toISOString());
      } else {
        await this.queue.floorStored(id, plan.stored.done);
        await this.queue.enqueue(
          id,
          plan.todo.map((w) => ({ caseKey: w.c.caseKey, repeat: w.repeat })),
        );
      }
    } catch (err) {
      // Redis unreachable: the run is not left running with no jobs behind it.
      await this.repo.finish(id, 'failed', {
        finishedAt: new Date().toISOString(),
        error: `could not enqueue the run's cases: ${err instanceof Error ? err.message : String(err)}`,
      });
      throw err;
    }
    await new TeamRunProgress(this.events, this.repo, run, this.onError)
      .publish(plan.todo.length === 0 ? 'completed' : 'running')
      .catch(this.onError);
  }

  /** Cancels a running run; false if it was not running. Stored results are kept. */
  async cancel(run: RunRecord): Promise<boolean> {
    const cancelled = await this.repo.finish(run.id, 'cancelled', {
      finishedAt: new Date().toISOString(),
    });
    if (!cancelled) return false;
    const plan = await planRun(this.repo, run);
    await this.queue.withdraw(
      run.id,
      plan.todo.map((w) => ({ caseKey: w.c.caseKey, repeat: w.repeat })),
    );
    return true;
  }

  /** Resolves when the run is no longer running (its workers are elsewhere: polled). */
  async wait(id: string): Promise<void> {
    for (;;) {
      const run = await this.repo.get(id);
      if (!run || run.status !== 'running') return;
      await sleep(WAIT_POLL_MS);
    }
  }
}
