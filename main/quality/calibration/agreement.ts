/**
 * How far a judge agrees with people (or a second judge) on the same targets: exact agreement,
 * Cohen's kappa (agreement beyond what two raters with these label frequencies would reach by
 * chance) and the confusion matrix over the score config's levels.
 */

import { KAPPA_BAR } from '../../../shared/contract/quality-insights';

export { KAPPA_BAR };

/** One target both raters labelled: the judge's level and the reference's (a person's). */
export interface LabelPair {
  readonly targetId: string;
  readonly judge: string;
  readonly reference: string;
}

export interface Agreement {
  readonly n: number;
  /** Share of targets with the same label; null with no pairs. */
  readonly exact: number | null;
  /**
   * Cohen's kappa; null with no pairs, or when chance agreement is 1 (both raters gave one and
   * the same label to everything: kappa is 0/0 there, not a perfect score).
   */
  readonly kappa: number | null;
  /** Rows: the reference's label, columns: the judge's, both in `levels` order. */
  readonly confusion: readonly (readonly number[])[];
  readonly levels: readonly string[];
  readonly disagreements: readonly LabelPair[];
  /** Below the bar the issue sets (kappa 0.6): shown wherever the judge's scores appear. */
  readonly flagged: boolean;
}

/**
 * `levels` orders the matrix (the config's levels); a label outside them is added after them,
 * so a judge answering off the scale shows up as its own column instead of vanishing.
 */
export function agreement(pairs: readonly LabelPair[], levels: readonly string[]): Agreement {
  const order = [...levels];
  for (const p of pairs)
    for (const label of [p.reference, p.judge]) if (!order.includes(label)) order.push(label);
  const index = new Map(order.map((label, i) => [label, i]));
  const confusion = order.map(() => order.map(() => 0));
  for (const p of pairs) confusion[index.get(p.reference)!]![index.get(p.judge)!]! += 1;

  const n = pairs.length;
  const disagreements = pairs.filter((p) => p.judge !== p.reference);
  if (n === 0)
    return { n, exact: null, kappa: null, confusion, levels: order, disagreements, flagged: false };

  const observed = (n - disagreements.length) / n;
  let chance = 0;
  for (let i = 0; i < order.length; i++) {
    const referenceShare = confusion[i]!.reduce((a, b) => a + b, 0) / n;
    const judgeShare = confusion.reduce((a, row) => a + row[i]!, 0) / n;
    chance += referenceShare * judgeShare;
  }
  const kappa = chance >= 1 ? null : (observed - chance) / (1 - chance);
  return {
    n,
    exact: observed,
    kappa,
    confusion,
    levels: order,
    disagreements,
    flagged: kappa !== null && kappa < KAPPA_BAR,
  };
}
