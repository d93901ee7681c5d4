import type { MatchResult, MatcherSpec } from '../types';
import { clamp01 } from './outcome';

/** A test case's result over all its matchers. */
export interface CaseScore {
  /** Every matcher passed (a case with no matchers passes). */
  readonly pass: boolean;
  /** Weighted mean of the matcher scores; 1 when there are no matchers or all weights are 0. */
  readonly score: number;
  /** Indexes of the matchers that failed. */
  readonly failed: readonly number[];
  /** Sum of judging costs (LLM judge, embeddings); unpriced ones count as 0. */
  readonly judgeCostPicoUsd: number;
}

/** Combines one case's matcher results; `specs[i]` is the matcher that produced `results[i]`. */
export function scoreCase(
  results: readonly MatchResult[],
  specs: readonly MatcherSpec[],
): CaseScore {
  if (results.length !== specs.length) {
    throw new Error(`scoreCase: ${results.length} results for ${specs.length} matchers`);
  }
  let weighted = 0;
  let total = 0;
  let cost = 0;
  const failed: number[] = [];
  results.forEach((result, i) => {
    const w = specs[i]?.weight;
    const weight = typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : 1;
    weighted += weight * clamp01(result.score);
    total += weight;
    cost += result.costPicoUsd ?? 0;
    if (!result.pass) failed.push(i);
  });
  return {
    pass: failed.length === 0,
    score: total === 0 ? 1 : weighted / total,
    failed,
    judgeCostPicoUsd: cost,
  };
}
