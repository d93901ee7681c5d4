import type { ReviewAgreement } from '../../../shared/contract/review';
import { reviewerAgreement } from '../calibration/reviewer-agreement';
import type { ScoredItem } from './item-repository';

/**
 * A score as a nominal label: a categorical level by name, anything else by its value (1 and 0
 * for booleans). Numeric scores compare as exact values, so 4 and 5 stars disagree as much as
 * 1 and 5: the alpha reported is the nominal one, stated as such.
 */
const label = (s: ScoredItem): string | null =>
  s.level ?? (s.value === null ? null : String(s.value));

/**
 * Agreement among a queue's reviewers on the interactions two or more of them scored:
 * Krippendorff's alpha (any number of reviewers, items not everyone reviewed) and the share of
 * those interactions on which every reviewer gave the same score.
 */
export function queueAgreement(scored: readonly ScoredItem[]): ReviewAgreement {
  const byTarget = new Map<string, string[]>();
  const reviewers = new Set<string>();
  for (const s of scored) {
    reviewers.add(s.assignee);
    const l = label(s);
    if (l === null) continue;
    byTarget.set(s.targetId, [...(byTarget.get(s.targetId) ?? []), l]);
  }
  const items = [...byTarget.values()];
  const { pairableItems, alpha } = reviewerAgreement(items);
  const unanimous = items.filter((l) => l.length >= 2 && new Set(l).size === 1).length;
  return {
    reviewers: [...reviewers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    scoredItems: items.length,
    pairableItems,
    alpha,
    exactAgreement: pairableItems === 0 ? null : unanimous / pairableItems,
  };
}
