import type { DashboardFigures } from '../../../shared/contract/quality-insights';
import { picoToUsd } from '../../../shared/money';

/** Figures being summed from aggregate rows; normalized scores are summed, divided at the end. */
export interface Tally {
  count: number;
  scored: number;
  normalizedSum: number;
  costPico: number;
  priced: boolean;
  histogram: Record<string, number>;
}

export const newTally = (): Tally => ({
  count: 0,
  scored: 0,
  normalizedSum: 0,
  costPico: 0,
  priced: false,
  histogram: {},
});

export interface RowFigures {
  readonly bucket: string;
  readonly count: number;
  readonly scored: number;
  readonly normalizedSum: number;
  /** Null when no score of the row is priced. */
  readonly costPico: number | null;
}

export function add(tally: Tally, row: RowFigures): void {
  tally.count += row.count;
  tally.scored += row.scored;
  tally.normalizedSum += row.normalizedSum;
  if (row.costPico !== null) {
    tally.costPico += row.costPico;
    tally.priced = true;
  }
  tally.histogram[row.bucket] = (tally.histogram[row.bucket] ?? 0) + row.count;
}

export function figuresOf(tally: Tally): DashboardFigures {
  return {
    count: tally.count,
    scored: tally.scored,
    // Clamped: a sum of values each in 0..1 can only leave the range by rounding.
    mean: tally.scored === 0 ? null : Math.min(1, Math.max(0, tally.normalizedSum / tally.scored)),
    costUsd: tally.priced ? picoToUsd(tally.costPico) : null,
    histogram: tally.histogram,
  };
}

/** A tally per key, made on first use. */
export class Tallies {
  readonly byKey = new Map<string, Tally>();
  of(key: string): Tally {
    let t = this.byKey.get(key);
    if (!t) this.byKey.set(key, (t = newTally()));
    return t;
  }
}
