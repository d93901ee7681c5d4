import type {
  BacktestPairView,
  BacktestRunView,
  BacktestSetView,
  CandidateVerdict,
} from '../../../shared/contract/backtests';
import { picoToUsd } from '../../../shared/money';
import type { ItemRecord, ResultRecord, RunRecord, SetRecord } from './backtest-records';

export function setView(set: SetRecord): BacktestSetView {
  return { ...set };
}

export function itemView(item: ItemRecord) {
  return {
    position: item.position,
    interactionId: item.interactionId,
    caseId: item.caseId,
    stratum: item.stratum,
    input: item.frozen.input,
    output: item.frozen.output,
    calls: item.frozen.calls.length,
    occurredAt: item.occurredAt,
  };
}

export function runView(
  run: RunRecord,
  setName: string,
  progress: { done: number; spentPicoUsd: number },
  verdicts: readonly CandidateVerdict[],
): BacktestRunView {
  return {
    id: run.id,
    name: run.name,
    setId: run.setId,
    setName,
    status: run.status,
    baseline: { label: run.spec.baseline.label, spec: run.spec.baseline.spec },
    candidates: run.spec.candidates.map((c, i) => ({ side: i + 1, label: c.side.label })),
    scorecard: { id: run.pin.id, name: run.pin.name, version: run.pin.version },
    concurrency: run.concurrency,
    items: run.itemCount,
    done: progress.done,
    total: run.itemCount * (run.spec.candidates.length + 1),
    spentUsd: picoToUsd(progress.spentPicoUsd),
    estimate: run.estimate,
    verdicts: [...verdicts],
    scheduleId: run.scheduleId,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
  };
}

function sideView(r: ResultRecord | undefined) {
  if (!r) return null;
  return {
    status: r.status,
    output: r.output,
    error: r.error,
    score: r.score,
    outcome: r.outcome,
    reason: r.reason,
    costUsd: r.costPicoUsd === null ? null : picoToUsd(r.costPicoUsd),
    latencyMs: r.latencyMs,
    spanIds: [...r.spanIds],
  };
}

/**
 * A regression: the candidate scored lower than the baseline, or the baseline passed and the
 * candidate did not (failed, errored, or could not be judged). Its severity sorts the list:
 * a lost pass without a score first, then the largest drop.
 */
export function regression(pair: BacktestPairView): number | null {
  if (pair.delta !== null && pair.delta < -1e-9) return pair.delta;
  if (pair.baseline?.outcome === 'pass' && pair.candidate && pair.candidate.outcome !== 'pass')
    return pair.delta ?? Number.NEGATIVE_INFINITY;
  return null;
}

export function pairViews(
  items: readonly ItemRecord[],
  results: readonly ResultRecord[],
  side: number,
): BacktestPairView[] {
  const base = new Map<number, ResultRecord>();
  const cand = new Map<number, ResultRecord>();
  for (const r of results) {
    if (r.side === 0) base.set(r.position, r);
    else if (r.side === side) cand.set(r.position, r);
  }
  return items.map((item) => {
    const b = base.get(item.position);
    const c = cand.get(item.position);
    return {
      position: item.position,
      interactionId: item.interactionId,
      stratum: item.stratum,
      input: item.frozen.input,
      baseline: sideView(b),
      candidate: sideView(c),
      delta: b?.score != null && c?.score != null ? c.score - b.score : null,
    };
  });
}

export function orderPairs(
  pairs: BacktestPairView[],
  order: 'regressions_first' | 'position' | 'regressions_only',
): BacktestPairView[] {
  if (order === 'position') return pairs;
  const severity = (p: BacktestPairView) => regression(p);
  const regressions = pairs
    .filter((p) => severity(p) !== null)
    .sort((a, b) => severity(a)! - severity(b)! || a.position - b.position);
  if (order === 'regressions_only') return regressions;
  const rest = pairs.filter((p) => severity(p) === null);
  return [...regressions, ...rest];
}
