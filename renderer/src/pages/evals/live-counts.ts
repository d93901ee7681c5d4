import type { RunView } from '../../../../shared/contract';
import type { ProgressEvent } from './progress-context';

export interface LiveCounts {
  readonly status: RunView['status'];
  readonly done: number;
  readonly total: number;
  readonly pass: number;
  readonly fail: number;
  readonly error: number;
  /** Of the results so far. */
  readonly passRate: number;
  readonly promptCostUsd: number | null;
  readonly etaMs: number | null;
}

/**
 * A run's counts as of now: the latest progress event while it runs (or just stopped), else
 * the stored totals. The event is only trusted when it is at least as far along as the totals.
 * A resumed run's events count only the results of this resume, so its stored totals are kept
 * for pass/fail/error and cost.
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
    passRate: t.passRate,
    promptCostUsd: t.promptCostUsd,
    etaMs: null,
  };
  if (!event || event.done < t.results) return stored;
  if (event.pass + event.fail + event.error < event.done)
    return {
      ...stored,
      status: event.status,
      done: event.done,
      total: event.total,
      etaMs: event.etaMs,
    };
  return {
    status: event.status,
    done: event.done,
    total: event.total,
    pass: event.pass,
    fail: event.fail,
    error: event.error,
    passRate: event.done === 0 ? 0 : event.pass / event.done,
    promptCostUsd: event.costUsd,
    etaMs: event.etaMs,
  };
}
