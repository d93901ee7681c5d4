import type { RunTotals, RunView } from '../../../../shared/contract';
import type { ProgressEvent } from '../../query/run-progress';

/** What "unscored" means, wherever a count of them is shown (on hover). */
export const UNSCORED_HINT =
  'Unscored: nothing judged these outputs (no matcher, or one that could not judge). They are counted apart and never as passes; the pass rate is over the scored results only.';

/** Queued or running: progress events still arrive. */
export const isActive = (status: RunView['status']): boolean =>
  status === 'running' || status === 'queued';

/** A run's pass rate over its scored results; null when none was scored (never 0%). */
export const scoredPassRate = (t: RunTotals): number | null =>
  t.pass + t.fail + t.error === 0 ? null : t.passRate;

export interface LiveCounts {
  readonly status: RunView['status'];
  readonly done: number;
  readonly total: number;
  readonly pass: number;
  readonly fail: number;
  readonly error: number;
  readonly unscored: number;
  /** Of the scored results so far (unscored ones are counted apart); null while none is. */
  readonly passRate: number | null;
  readonly promptCostUsd: number | null;
  readonly etaMs: number | null;
}

/**
 * A run's counts as of now: the latest progress event while it runs (or just stopped), else
 * the stored totals. The event is only trusted when it is at least as far along as the totals.
 * A resumed run's events count only the results of this resume, so its stored totals are kept
 * for pass/fail/error/unscored and cost.
 */
export function liveCounts(run: RunView, event: ProgressEvent | undefined): LiveCounts {
  const t = run.totals;
  const stored = {
    status: run.status,
    done: t.results,
    total: t.cases * run.repeat,
    pass: t.pass,
    fail: t.fail,
    error: t.error,
    unscored: t.unscored,
    passRate: scoredPassRate(t),
    promptCostUsd: t.promptCostUsd,
    etaMs: null,
  };
  if (!event || event.done < t.results) return stored;
  if (event.pass + event.fail + event.error + event.unscored < event.done)
    return {
      ...stored,
      status: event.status,
      done: event.done,
      total: event.total,
      etaMs: event.etaMs,
    };
  const scored = event.pass + event.fail + event.error;
  return {
    status: event.status,
    done: event.done,
    total: event.total,
    pass: event.pass,
    fail: event.fail,
    error: event.error,
    unscored: event.unscored,
    passRate: scored === 0 ? null : event.pass / scored,
    promptCostUsd: event.costUsd,
    etaMs: event.etaMs,
  };
}
