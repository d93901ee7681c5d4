import type { RunView, TopicPayload } from '../../shared/contract';
import type { Core } from '../app/create-core';
import { invoke } from './with-core';

type Progress = TopicPayload<'eval.progress'>;

const ENDED: ReadonlySet<RunView['status']> = new Set(['completed', 'cancelled', 'failed']);

/**
 * Follows runs the way the workbench does: `eval.progress` events, and `evals.get` for the
 * stored state. Open it before starting the runs, so a run that ends at once is not missed.
 * A run has ended when `evals.get` says so; an event saying it ended is only the cue to ask
 * (the runner's last count reads `completed` a moment before the run is stored as such, and the
 * run's final event follows once it is).
 */
export class RunWatch {
  private readonly endEvents = new Map<string, number>();
  private readonly wakers = new Map<string, () => void>();
  private listener: ((progress: Progress) => void) | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly core: Core) {
    this.unsubscribe = core.events.subscribe((topic, payload) => {
      if (topic !== 'eval.progress') return;
      // The bus checked the payload against the topic's schema when it was published.
      const progress = payload as Progress;
      this.listener?.(progress);
      if (!ENDED.has(progress.status)) return;
      this.endEvents.set(progress.runId, (this.endEvents.get(progress.runId) ?? 0) + 1);
      this.wakers.get(progress.runId)?.();
    });
  }

  /** Every progress event from now on (a printer). */
  onProgress(listener: (progress: Progress) => void): void {
    this.listener = listener;
  }

  /** The run once it has ended; `run` as started or resumed (a completed run is not run again). */
  async ended(run: RunView): Promise<RunView> {
    if (ENDED.has(run.status)) return run;
    let asked = 0;
    for (;;) {
      if ((this.endEvents.get(run.id) ?? 0) === asked)
        await new Promise<void>((resolve) => this.wakers.set(run.id, resolve));
      this.wakers.delete(run.id);
      asked = this.endEvents.get(run.id) ?? 0;
      const view = await invoke(this.core, 'evals.get', { runId: run.id });
      if (ENDED.has(view.status)) return view;
    }
  }

  close(): void {
    this.unsubscribe();
    this.listener = null;
  }
}
