import { bootstrapMeanInterval, type BootstrapInterval } from './bootstrap';
import { invalidInput } from './invalid-input';
import { signTest } from './sign-test';

/**
 * A backtest's paired comparison: the same cases scored under a baseline and a candidate,
 * summarised as wins/ties/losses, the mean score change with its 95% bootstrap interval, the
 * sign test, pass rates, and a verdict. Higher scores are better; delta = candidate - baseline.
 *
 * Unscored is never evidence: a pair with either score null is counted as `unscored` and
 * nothing else (not a tie, not a win, not in the mean), and a pass rate counts only the pairs
 * where that side's pass is known.
 */

export type ScoredPair = {
  baseline: number | null;
  candidate: number | null;
  baselinePass: boolean | null;
  candidatePass: boolean | null;
};

export type PairedSummaryOptions = {
  /** |delta| at or under this is a tie (default 1e-9: float noise, not a change). */
  tieTolerance?: number;
  /** Bootstrap resamples (default 10,000). */
  resamples?: number;
  /** Bootstrap seed (default bootstrap.ts's DEFAULT_BOOTSTRAP_SEED). */
  seed?: number;
};

export type PairedVerdict = 'better' | 'worse' | 'no_difference' | 'insufficient';

export type PassRate = {
  /** Pairs where this side's pass is known. */
  known: number;
  passed: number;
  /** passed / known; null when none is known. */
  rate: number | null;
};

export type PairedSummary = {
  counts: {
    pairs: number;
    /** Both scores known: the pairs behind wins, ties, losses, the mean and the interval. */
    scoredPairs: number;
    /** Either score null: reported, never counted as anything else. */
    unscored: number;
    wins: number;
    ties: number;
    losses: number;
  };
  /** Mean of candidate - baseline over the scored pairs; null when there are none. */
  meanDelta: number | null;
  /** 95% percentile-bootstrap interval of meanDelta; null when there are no scored pairs. */
  interval: BootstrapInterval | null;
  /** Exact two-sided sign test on wins against losses (ties left out); 1 when there are none. */
  signTestPValue: number;
  verdict: PairedVerdict;
  baselinePassRate: PassRate;
  candidatePassRate: PassRate;
  /**
   * candidate rate - baseline rate; null when either is null. Each rate is over its own known
   * pairs, so read it with the two `known` counts.
   */
  passRateChange: number | null;
};

/** The verdict's confidence level: fixed, so every backtest's verdict means the same. */
export const VERDICT_LEVEL = 0.95;
export const DEFAULT_TIE_TOLERANCE = 1e-9;
/** Fewer scored pairs than this is 'insufficient': one pair has no spread to judge. */
export const MIN_SCORED_PAIRS = 2;

const WHERE = 'pairedSummary';

function readScore(value: number | null, index: number, side: 'baseline' | 'candidate') {
  if (value !== null && !Number.isFinite(value))
    throw invalidInput(WHERE, `pairs[${index}].${side}`, 'must be a finite number or null');
  return value;
}

function passRate(passes: readonly (boolean | null)[]): PassRate {
  let known = 0;
  let passed = 0;
  for (const p of passes) {
    if (p === null) continue;
    known++;
    if (p) passed++;
  }
  return { known, passed, rate: known === 0 ? null : passed / known };
}

/**
 * The verdict: 'insufficient' under MIN_SCORED_PAIRS scored pairs; 'better' or 'worse' only
 * when the whole 95% interval lies beyond the tie band (above +tieTolerance, below
 * -tieTolerance), so a change no bigger than a tie can never be called better or worse;
 * otherwise 'no_difference'.
 */
function verdictOf(
  scoredPairs: number,
  interval: BootstrapInterval | null,
  tieTolerance: number,
): PairedVerdict {
  if (scoredPairs < MIN_SCORED_PAIRS || interval === null) return 'insufficient';
  if (interval.low > tieTolerance) return 'better';
  if (interval.high < -tieTolerance) return 'worse';
  return 'no_difference';
}

export function pairedSummary(
  pairs: readonly ScoredPair[],
  options: PairedSummaryOptions = {},
): PairedSummary {
  const tieTolerance = options.tieTolerance ?? DEFAULT_TIE_TOLERANCE;
  if (!(Number.isFinite(tieTolerance) && tieTolerance >= 0))
    throw invalidInput(WHERE, 'options.tieTolerance', 'must be a finite number ≥ 0');

  const deltas = new Float64Array(pairs.length);
  let scoredPairs = 0;
  let wins = 0;
  let ties = 0;
  let losses = 0;
  pairs.forEach((pair, i) => {
    const baseline = readScore(pair.baseline, i, 'baseline');
    const candidate = readScore(pair.candidate, i, 'candidate');
    if (baseline === null || candidate === null) return;
    const delta = candidate - baseline;
    if (!Number.isFinite(delta))
      throw invalidInput(WHERE, `pairs[${i}]`, 'candidate - baseline overflows');
    deltas[scoredPairs++] = delta;
    if (delta > tieTolerance) wins++;
    else if (delta < -tieTolerance) losses++;
    else ties++;
  });

  const interval = bootstrapMeanInterval(deltas.subarray(0, scoredPairs), {
    level: VERDICT_LEVEL,
    resamples: options.resamples,
    seed: options.seed,
  });
  const baselinePassRate = passRate(pairs.map((p) => p.baselinePass));
  const candidatePassRate = passRate(pairs.map((p) => p.candidatePass));
  return {
    counts: {
      pairs: pairs.length,
      scoredPairs,
      unscored: pairs.length - scoredPairs,
      wins,
      ties,
      losses,
    },
    meanDelta: interval?.mean ?? null,
    interval,
    signTestPValue: signTest(wins, losses).pValue,
    verdict: verdictOf(scoredPairs, interval, tieTolerance),
    baselinePassRate,
    candidatePassRate,
    passRateChange:
      baselinePassRate.rate === null || candidatePassRate.rate === null
        ? null
        : candidatePassRate.rate - baselinePassRate.rate,
  };
}
