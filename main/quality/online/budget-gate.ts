import { formatUsd, usdToPico } from '../../../shared/money';

/**
 * A rule's daily judge budget. Spending is recorded as judge calls finish (their exact cost);
 * a new call starts only while the day's spend is under the budget, so a day overshoots by at
 * most the calls already in flight when it ran out. Days are UTC days.
 */
export interface BudgetStatus {
  readonly day: string;
  readonly spentUsd: number;
  readonly budgetUsd: number | null;
  /** Why the rule is paused, in words the workbench shows; null while it runs. */
  readonly pausedReason: string | null;
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function budgetStatus(
  budgetUsd: number | null,
  spentTodayUsd: number,
  nowMs: number,
): BudgetStatus {
  const day = utcDay(nowMs);
  const spent = budgetUsd !== null && spentTodayUsd >= budgetUsd;
  return {
    day,
    spentUsd: spentTodayUsd,
    budgetUsd,
    pausedReason: spent
      ? `paused: spent ${formatUsd(usdToPico(spentTodayUsd))} of its ${formatUsd(usdToPico(budgetUsd))} daily judge budget on ${day} (UTC); it resumes tomorrow`
      : null,
  };
}
