import type { ComparisonView } from '../../../../../shared/contract';
import { CASE_CHANGES } from '../../../../../shared/contract';

export type Change = (typeof CASE_CHANGES)[number];
type Case = ComparisonView['cases'][number];
export type Side = Case['baseline'];

/** One case against one candidate. */
export interface CandidateCell {
  readonly change: Change;
  readonly side: Side;
  readonly scoreDelta: number | null;
}

/** One case across the baseline and every candidate. */
export interface CompareRow {
  readonly caseKey: string;
  readonly position: number;
  readonly vars: Record<string, string>;
  readonly baseline: Side;
  /** In candidate order; null where that comparison has no such case. */
  readonly candidates: readonly (CandidateCell | null)[];
}

/** Regressions first, as each comparison orders its cases. */
const ORDER: Record<Change, number> = {
  regression: 0,
  improvement: 1,
  new: 2,
  removed: 3,
  unscored: 4,
  'unchanged-fail': 5,
  'unchanged-pass': 6,
};

const rank = (row: CompareRow) =>
  Math.min(...row.candidates.map((c) => (c ? ORDER[c.change] : 99)));
const regressions = (row: CompareRow) =>
  row.candidates.filter((c) => c?.change === 'regression').length;
const worstDelta = (row: CompareRow) =>
  Math.min(0, ...row.candidates.map((c) => c?.scoreDelta ?? 0));

/**
 * The cases of every comparison, aligned by case key. Sorted regressions first: a case that
 * regressed against any candidate before one that improved, more regressions first, then the
 * largest score drop, then dataset order.
 */
export function compareRows(comparisons: readonly ComparisonView[]): CompareRow[] {
  const rows = new Map<string, CompareRow & { candidates: (CandidateCell | null)[] }>();
  comparisons.forEach((comparison, i) => {
    for (const c of comparison.cases) {
      let row = rows.get(c.caseKey);
      if (!row) {
        row = {
          caseKey: c.caseKey,
          position: c.position,
          vars: c.vars,
          baseline: c.baseline,
          candidates: comparisons.map(() => null),
        };
        rows.set(c.caseKey, row);
      }
      row.candidates[i] = { change: c.change, side: c.candidate, scoreDelta: c.scoreDelta };
    }
  });
  return [...rows.values()].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      regressions(b) - regressions(a) ||
      worstDelta(a) - worstDelta(b) ||
      a.position - b.position,
  );
}

export const isChange = (value: string | null): value is Change =>
  value !== null && (CASE_CHANGES as readonly string[]).includes(value);
