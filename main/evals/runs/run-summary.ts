import { readJson } from '../../store/json-column';
import type { StoredMatcher } from './run-rows';
import { percentile } from './totals';

/**
 * A completed run's figures as a leaderboard reads them, computed once from all its results
 * and stored (eval_run_summary, migration 0018).
 *
 * - Score and pass rate: a run graded by a scorecard is ranked by the scorecard (each result's
 *   stored scorecard outcome: its mean and its verdict), since that is what the team chose to
 *   judge quality by; a run without one by the case score and verdict of its matchers. Either
 *   way only results with a verdict count (`scored`): an unscored result (a judge that could
 *   not judge, a human grader not yet heard) and an error (the call failed) have none, and are
 *   counted apart, never as 0 or as a failure. Note that the run view's pass rate counts errors
 *   as failures; the board keeps them out of both figures and shows how many there were.
 * - Cost: the prompt calls' cost (the judges' cost is the eval's, not the prompt's), summed
 *   over the priced results; `unpricedResults` answered without a known price (an error never
 *   answered). Null when no result was priced: unknown, never 0.
 * - Latency: nearest-rank p50 and p95 of the results that have one (as the run view's totals).
 */
export interface RunSummary {
  readonly results: number;
  readonly scored: number;
  readonly errors: number;
  /** 0..1; null when nothing was scored. */
  readonly meanScore: number | null;
  /** Passes over `scored`; null when nothing was scored. */
  readonly passRate: number | null;
  readonly costPicoUsd: number | null;
  readonly pricedResults: number;
  readonly unpricedResults: number;
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
}

/** What a summary reads of one result (run-repository.ts selects just these columns). */
export interface SummaryInput {
  readonly status: string;
  readonly score: number | null;
  readonly latencyMs: number | null;
  readonly costPicoUsd: number | null;
  /** Read only for a run graded by a scorecard. */
  readonly matchersJson: string | null;
}

/** The verdict one result gives the board, or null when it has none. */
function verdictOf(r: SummaryInput, byScorecard: boolean): { pass: boolean; score: number } | null {
  if (r.status === 'error') return null;
  if (!byScorecard) {
    if ((r.status !== 'pass' && r.status !== 'fail') || r.score === null) return null;
    return { pass: r.status === 'pass', score: r.score };
  }
  const card = r.matchersJson
    ? readJson<StoredMatcher[]>(r.matchersJson).find((m) => m.type === 'scorecard')
    : undefined;
  if (!card || card.unscored === true) return null;
  return { pass: card.pass, score: card.score };
}

export function summarizeRun(results: readonly SummaryInput[], byScorecard: boolean): RunSummary {
  let scored = 0;
  let passed = 0;
  let scoreSum = 0;
  let errors = 0;
  let cost = 0;
  let priced = 0;
  let unpriced = 0;
  const latencies: number[] = [];
  for (const r of results) {
    if (r.status === 'error') errors++;
    const verdict = verdictOf(r, byScorecard);
    if (verdict) {
      scored++;
      scoreSum += verdict.score;
      if (verdict.pass) passed++;
    }
    if (r.costPicoUsd !== null) {
      cost += r.costPicoUsd;
      priced++;
    } else if (r.status !== 'error') unpriced++;
    if (r.latencyMs !== null) latencies.push(r.latencyMs);
  }
  latencies.sort((a, b) => a - b);
  return {
    results: results.length,
    scored,
    errors,
    meanScore: scored === 0 ? null : scoreSum / scored,
    passRate: scored === 0 ? null : passed / scored,
    costPicoUsd: priced === 0 ? null : cost,
    pricedResults: priced,
    unpricedResults: unpriced,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
  };
}
