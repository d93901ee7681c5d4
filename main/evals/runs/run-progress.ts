import { picoToUsd } from '../../../shared/money';
import type { EventBus } from '../../kit/event-bus';
import type { ResultRecord } from './run-rows';
import type { RunPlan } from './run-plan';

const PROGRESS_EVERY_MS = 100;

/**
 * A run's counts as it executes, published as `eval.progress` at most every 100 ms (and when
 * forced: at the start and the end). Counts start from what was stored before this execution.
 */
export class RunProgress {
  private done: number;
  private readonly counts: { pass: number; fail: number; error: number; unscored: number };
  private costPico: number;
  private priced: number;
  private readonly initialDone: number;
  private readonly started = performance.now();
  private lastPublished = 0;

  constructor(
    private readonly events: EventBus,
    private readonly runId: string,
    private readonly total: number,
    plan: RunPlan['stored'],
    private readonly signal: AbortSignal,
  ) {
    this.done = plan.done;
    this.initialDone = plan.done;
    this.counts = {
      pass: plan.pass,
      fail: plan.fail,
      error: plan.error,
      unscored: plan.unscored,
    };
    this.costPico = plan.costPico;
    this.priced = plan.priced;
  }

  /** Results counted so far (stored before, plus this execution's). */
  get results(): number {
    return this.done;
  }

  /**
   * One (case, repeat) finished. `stored` false: another process had stored its result first,
   * so the case is done but its verdict is that process's, not this one's.
   */
  add(result: ResultRecord, stored: boolean): void {
    this.done++;
    if (stored) {
      this.counts[result.status]++;
      if (result.costPicoUsd !== null) {
        this.costPico += result.costPicoUsd + result.judgeCostPicoUsd;
        this.priced++;
      }
    }
    this.publish(false);
  }

  publish(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastPublished < PROGRESS_EVERY_MS) return;
    this.lastPublished = now;
    const elapsedMs = now - this.started;
    const fresh = this.done - this.initialDone;
    this.events.publish('eval.progress', {
      runId: this.runId,
      status: this.signal.aborted ? 'cancelled' : this.done >= this.total ? 'completed' : 'running',
      done: this.done,
      total: this.total,
      ...this.counts,
      costUsd: this.priced === 0 ? null : picoToUsd(this.costPico),
      elapsedMs,
      etaMs: fresh === 0 ? null : ((this.total - this.done) * elapsedMs) / fresh,
    });
  }
}
