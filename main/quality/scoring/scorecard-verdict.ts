import type { ScoreConfig, ScorecardBody } from '../../../shared/contract/quality';
import { normalizeScore } from './normalize';

/**
 * One scorecard's verdict on one target, from the scores its graders gave. The score is the
 * weighted mean of the items' 0..1 readings; the target passes at or above the threshold. An
 * item without a usable score (none found, the grader could not judge, it failed, or its value
 * does not fit its config) makes the verdict `incomplete`, never a pass: a scorecard must not
 * pass a target on the graders that happened to run.
 */

export type ScorecardOutcome = 'pass' | 'fail' | 'incomplete';

/** The score found for one item, with the config of the grader version that gave it. */
export interface ItemScore {
  readonly status: 'scored' | 'unscored' | 'error';
  readonly value: number | null;
  readonly scoreConfig: ScoreConfig;
  readonly reason?: string | null | undefined;
}

export type ItemState = 'scored' | 'unscored' | 'error' | 'missing';

export interface ItemVerdict {
  readonly graderId: string;
  readonly weight: number;
  readonly state: ItemState;
  /** 0..1, 1 the best; null unless scored. */
  readonly normalized: number | null;
  readonly reason: string | null;
}

export interface ScorecardVerdict {
  readonly outcome: ScorecardOutcome;
  /**
   * Weighted mean of the items that scored; null when none did. With an `incomplete` outcome it
   * is a partial figure to show as such, never to compare with the threshold.
   */
  readonly mean: number | null;
  readonly passThreshold: number;
  readonly items: readonly ItemVerdict[];
  /** Items with no score found, by grader id. */
  readonly missing: readonly string[];
  /** Items whose grader could not score, failed, or gave a value its config cannot hold. */
  readonly unscored: readonly string[];
}

function itemVerdict(graderId: string, weight: number, found: ItemScore | undefined): ItemVerdict {
  const base = { graderId, weight };
  if (found === undefined)
    return { ...base, state: 'missing', normalized: null, reason: 'no score yet' };
  const reason = found.reason ?? null;
  if (found.status !== 'scored') return { ...base, state: found.status, normalized: null, reason };
  if (found.value === null)
    return { ...base, state: 'error', normalized: null, reason: 'scored without a value' };
  const read = normalizeScore(found.scoreConfig, found.value);
  if (!read.ok) return { ...base, state: 'error', normalized: null, reason: read.reason };
  return { ...base, state: 'scored', normalized: read.score, reason };
}

/**
 * `scores` holds the score found per grader id (of the pinned version, when an item pins one:
 * the caller looks it up). Weights are positive (the contract says so), so only their ratios
 * matter.
 */
export function scorecardVerdict(
  body: ScorecardBody,
  scores: ReadonlyMap<string, ItemScore>,
): ScorecardVerdict {
  const items = body.items.map((item) =>
    itemVerdict(item.graderId, item.weight, scores.get(item.graderId)),
  );
  let weighted = 0;
  let total = 0;
  const missing: string[] = [];
  const unscored: string[] = [];
  for (const item of items) {
    if (item.state === 'missing') missing.push(item.graderId);
    else if (item.state !== 'scored') unscored.push(item.graderId);
    else {
      weighted += item.weight * (item.normalized ?? 0);
      total += item.weight;
    }
  }
  // Rounding may carry a mean of readings all ≤ 1 a hair past 1.
  const mean = total > 0 ? Math.min(1, Math.max(0, weighted / total)) : null;
  const complete = missing.length === 0 && unscored.length === 0 && mean !== null;
  const outcome: ScorecardOutcome = !complete
    ? 'incomplete'
    : mean >= body.passThreshold
      ? 'pass'
      : 'fail';
  return { outcome, mean, passThreshold: body.passThreshold, items, missing, unscored };
}
