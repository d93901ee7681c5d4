import type { MatchResult } from '../../types';
import type { CommonFields, MatcherDefinition, MatcherOutcome } from './definition';
import { formatScore } from './reason-format';

/** Scores are 0..1; anything else (NaN from a bad scorer, rounding past 1) is pinned. */
export function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

/**
 * The rules every matcher shares, applied to what its evaluate returned: the threshold for graded
 * matchers (stated in the reason), `not`, and "could not judge" results that stay unscored.
 */
export function finishOutcome(
  definition: MatcherDefinition,
  spec: CommonFields,
  outcome: MatcherOutcome,
): MatchResult {
  const extra = {
    ...(outcome.costPicoUsd === undefined ? {} : { costPicoUsd: outcome.costPicoUsd }),
    ...(outcome.details === undefined ? {} : { details: outcome.details }),
  };
  // Unscored whatever `not` says: "not similar" must not pass because no embedding model was set.
  if (outcome.indeterminate)
    return { pass: false, score: 0, reason: outcome.reason, ...extra, unscored: true };
  const score = clamp01(outcome.score);
  let reason = outcome.reason;
  let pass = outcome.pass;
  if (pass === undefined) {
    const threshold = spec.threshold ?? definition.defaultThreshold;
    pass = score >= threshold;
    reason = `${reason} (score ${formatScore(score)} ${pass ? '≥' : '<'} threshold ${formatScore(threshold)})`;
  }
  if (spec.not) return { pass: !pass, score: 1 - score, reason: `NOT: ${reason}`, ...extra };
  return { pass, score, reason, ...extra };
}
