import type { CandidateVerdict } from '../../../shared/contract/backtests';
import { picoToUsd } from '../../../shared/money';
import type { ResultRecord } from './backtest-records';
import { pairedSummary } from './stats/paired-deltas';
import { percentiles } from './stats/quantiles';

const passOf = (r: ResultRecord | undefined): boolean | null =>
  r?.outcome === 'pass' ? true : r?.outcome === 'fail' ? false : null;

/** Total cost of a side's results; null when any stored result is unpriced. */
function totalCost(results: readonly ResultRecord[]): number | null {
  let total = 0;
  for (const r of results) {
    if (r.costPicoUsd === null) return null;
    total += r.costPicoUsd;
  }
  return total;
}

function latencies(results: readonly ResultRecord[]): [number | null, number | null] {
  const values = results.flatMap((r) =>
    r.status === 'ok' && r.latencyMs !== null ? [r.latencyMs] : [],
  );
  const found = percentiles(values, [0.5, 0.95]);
  return found ? [found[0]!, found[1]!] : [null, null];
}

const usd = (pico: number | null) => (pico === null ? null : picoToUsd(pico));

export interface VerdictInput {
  readonly side: number;
  readonly label: string;
  readonly results: readonly ResultRecord[];
  /** Interactions like the set's in the last 30 days; null for dataset sets. */
  readonly monthlyVolume: number | null;
}

/**
 * A candidate against the baseline over the items both sides have a result for. Scores pair by
 * item; an item either side could not score is counted apart (`unscoredPairs`), never as a tie.
 */
export function candidateVerdict(input: VerdictInput): CandidateVerdict {
  const baseline = new Map<number, ResultRecord>();
  const candidate = new Map<number, ResultRecord>();
  for (const r of input.results) {
    if (r.side === 0) baseline.set(r.position, r);
    else if (r.side === input.side) candidate.set(r.position, r);
  }
  const positions = [...candidate.keys()].filter((p) => baseline.has(p)).sort((a, b) => a - b);
  const summary = pairedSummary(
    positions.map((p) => ({
      baseline: baseline.get(p)!.score,
      candidate: candidate.get(p)!.score,
      baselinePass: passOf(baseline.get(p)),
      candidatePass: passOf(candidate.get(p)),
    })),
  );
  const b = positions.map((p) => baseline.get(p)!);
  const c = positions.map((p) => candidate.get(p)!);
  const baseCost = totalCost(b);
  const candCost = totalCost(c);
  const [b50, b95] = latencies(b);
  const [c50, c95] = latencies(c);
  const perItem = (cost: number | null) =>
    cost === null || positions.length === 0 ? null : cost / positions.length;
  const monthly = (cost: number | null) =>
    input.monthlyVolume === null || perItem(cost) === null
      ? null
      : picoToUsd(Math.round(perItem(cost)! * input.monthlyVolume));
  return {
    side: input.side,
    label: input.label,
    pairs: summary.counts.pairs,
    scoredPairs: summary.counts.scoredPairs,
    unscoredPairs: summary.counts.unscored,
    candidateErrors: c.filter((r) => r.status === 'error').length,
    wins: summary.counts.wins,
    ties: summary.counts.ties,
    losses: summary.counts.losses,
    meanDelta: summary.meanDelta,
    interval: summary.interval ? { low: summary.interval.low, high: summary.interval.high } : null,
    signTestP: summary.counts.scoredPairs > 0 ? summary.signTestPValue : null,
    verdict: summary.verdict,
    baselinePassRate: summary.baselinePassRate.rate,
    candidatePassRate: summary.candidatePassRate.rate,
    passRateChange: summary.passRateChange,
    baselineCostUsd: usd(baseCost),
    candidateCostUsd: usd(candCost),
    costDeltaUsd: baseCost === null || candCost === null ? null : picoToUsd(candCost - baseCost),
    baselineLatencyP50Ms: b50,
    candidateLatencyP50Ms: c50,
    baselineLatencyP95Ms: b95,
    candidateLatencyP95Ms: c95,
    projectedMonthly:
      input.monthlyVolume === null
        ? null
        : {
            interactions: input.monthlyVolume,
            baselineUsd: monthly(baseCost),
            candidateUsd: monthly(candCost),
          },
  };
}
