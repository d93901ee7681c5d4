import type { MatchResult, MatcherSpec } from '../../types';
import { clamp01 } from './outcome';

/**
 * A case's verdict. `unscored` is neither a pass nor a fail: nothing judged the output (no
 * matchers), or a matcher could not judge it and no other matcher failed it. It is counted
 * apart and never in a pass rate, so a suite cannot report 100% for checks that never ran.
 */
export type CaseVerdict = 'pass' | 'fail' | 'unscored';

/** A test case's result over all its matchers. */
export interface CaseScore {
  /** fail: a matcher that judged failed; pass: every matcher judged and passed; else unscored. */
  readonly status: CaseVerdict;
  /**
   * Weighted mean of the scores of the matchers that judged; 1 when all their weights are 0.
   * null when the case is unscored: a partial mean would read as a verdict.
   */
  readonly score: number | null;
  /** Indexes of the matchers that judged and failed. */
  readonly failed: readonly number[];
  /** Indexes of the matchers that could not judge. */
  readonly unscored: readonly number[];
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
  const unscored: number[] = [];
  results.forEach((result, i) => {
    cost += result.costPicoUsd ?? 0;
    if (result.unscored === true) {
      unscored.push(i);
      return;
    }
    const w = specs[i]?.weight;
    const weight = typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : 1;
    weighted += weight * clamp01(result.score);
    total += weight;
    if (!result.pass) failed.push(i);
  });
  const judged = results.length - unscored.length;
  const status: CaseVerdict =
    failed.length > 0 ? 'fail' : judged === 0 || unscored.length > 0 ? 'unscored' : 'pass';
  return {
    status,
    score: status === 'unscored' ? null : total === 0 ? 1 : weighted / total,
    failed,
    unscored,
    judgeCostPicoUsd: cost,
  };
}
