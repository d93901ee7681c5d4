import type { ScoringRuleStatus, ScoringRuleView } from '../../../shared/contract/scoring-rules';
import { formatUsd, picoToUsd } from '../../../shared/money';
import { budgetStatus, utcDay } from './budget-gate';
import type { RuleProgress, RuleRecord } from './rule-repository';
import type { RuleRun } from './scoring-job';

function status(
  rule: RuleRecord,
  progress: RuleProgress,
  spentPicoUsd: number,
  run: RuleRun | undefined,
  nowMs: number,
): ScoringRuleStatus {
  const budgetUsd = rule.dailyBudgetPicoUsd === null ? null : picoToUsd(rule.dailyBudgetPicoUsd);
  const budget = budgetStatus(budgetUsd, picoToUsd(spentPicoUsd), nowMs);
  const unpriced =
    run?.unpricedModel && budgetUsd !== null
      ? `paused: the judge model ${run.unpricedModel} has no price, so the ${formatUsd(rule.dailyBudgetPicoUsd)} daily judge budget cannot be kept; price the model or remove the budget`
      : null;
  const [state, reason]: [ScoringRuleStatus['state'], string | null] = rule.archived
    ? ['archived', 'archived: it scores nothing until restored']
    : !rule.enabled
      ? ['disabled', 'disabled: it scores nothing until enabled']
      : (unpriced ?? budget.pausedReason)
        ? ['paused', unpriced ?? budget.pausedReason]
        : ['running', null];
  // A rule that never walked past anything still sits at its start (an empty id).
  const through = progress.after.id === '' ? null : progress.after.createdAt;
  return {
    state,
    reason,
    day: utcDay(nowMs),
    spentTodayUsd: picoToUsd(spentPicoUsd),
    scored: progress.scored,
    skipped: progress.skipped,
    budgetSkipped: progress.budgetSkipped,
    through,
    lastError: run?.lastError ?? null,
    rescore: { pending: progress.rescore !== null, rescored: progress.rescored },
  };
}

export function ruleView(
  rule: RuleRecord,
  progress: RuleProgress,
  spentPicoUsd: number,
  run: RuleRun | undefined,
  nowMs: number,
): ScoringRuleView {
  return {
    id: rule.id,
    name: rule.name,
    scorecardId: rule.scorecardId,
    filter: rule.filter,
    sampling: rule.sampling,
    dailyBudgetUsd: rule.dailyBudgetPicoUsd === null ? null : picoToUsd(rule.dailyBudgetPicoUsd),
    enabled: rule.enabled,
    archived: rule.archived,
    createdAt: rule.createdAt,
    updatedAt: rule.updatedAt,
    status: status(rule, progress, spentPicoUsd, run, nowMs),
  };
}
