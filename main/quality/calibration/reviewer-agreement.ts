/**
 * Agreement among a review queue's reviewers: Krippendorff's alpha for nominal labels. Unlike
 * Cohen's kappa it takes any number of reviewers and items that not everyone reviewed, which is
 * what a queue shared by a team produces.
 */

/** One item's labels, one per reviewer who scored it (order does not matter). */
export type ItemLabels = readonly string[];

export interface ReviewerAgreement {
  /** Items at least two reviewers labelled: only those tell anything about agreement. */
  readonly pairableItems: number;
  /** Null when fewer than two items are pairable or every label is the same (alpha is 0/0). */
  readonly alpha: number | null;
}

export function reviewerAgreement(items: readonly ItemLabels[]): ReviewerAgreement {
  // Coincidences: within an item of m labels, every ordered pair of labels from two different
  // reviewers counts 1/(m-1), so each item weighs as many values as it has.
  const coincidence = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number): void => {
    const row = coincidence.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincidence.set(c, row);
  };
  let pairableItems = 0;
  for (const labels of items) {
    const m = labels.length;
    if (m < 2) continue;
    pairableItems++;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) if (i !== j) add(labels[i]!, labels[j]!, 1 / (m - 1));
  }
  const totals = new Map<string, number>();
  let n = 0;
  let observedDisagreement = 0;
  for (const [c, row] of coincidence) {
    for (const [k, w] of row) {
      totals.set(c, (totals.get(c) ?? 0) + w);
      n += w;
      if (c !== k) observedDisagreement += w;
    }
  }
  let expectedDisagreement = 0;
  for (const [c, nc] of totals)
    for (const [k, nk] of totals) if (c !== k) expectedDisagreement += nc * nk;
  if (pairableItems < 2 || expectedDisagreement === 0) return { pairableItems, alpha: null };
  return { pairableItems, alpha: 1 - ((n - 1) * observedDisagreement) / expectedDisagreement };
}
