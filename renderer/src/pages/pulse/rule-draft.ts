import {
  isScorecardMetric,
  PULSE_METRIC_LABELS,
  PULSE_METRICS,
  type PulseCondition,
  type PulseMetric,
  type PulseRuleBody,
  type PulseRuleView,
} from '../../../../shared/contract/pulse';
import type { z } from 'zod';
import type { pulseRuleBodySchema } from '../../../../shared/contract/pulse';

/** What the rule form holds: the contract's input (before defaults), so its schema checks it. */
export type RuleDraft = z.input<typeof pulseRuleBodySchema>;

export const EMPTY_RULE: RuleDraft = {
  name: '',
  metric: 'scorecard_mean',
  condition: { type: 'below', value: 0.6 },
  windowMinutes: 60,
  minSamples: 10,
  filter: {},
  webhookIds: [],
  enabled: true,
};

export const METRIC_OPTIONS = PULSE_METRICS.map((m) => ({
  value: m,
  label: PULSE_METRIC_LABELS[m],
  testId: `rule-metric-${m}`,
}));

/** How the form offers a condition: the union's three types, a drop by amount or by percent. */
export type ConditionMode = 'below' | 'above' | 'drop_by' | 'drop_percent';

export const CONDITION_OPTIONS: readonly { value: ConditionMode; label: string; testId: string }[] =
  [
    { value: 'below', label: 'is below', testId: 'rule-condition-below' },
    { value: 'above', label: 'is above', testId: 'rule-condition-above' },
    { value: 'drop_by', label: 'drops by (amount)', testId: 'rule-condition-drop_by' },
    { value: 'drop_percent', label: 'drops by (percent)', testId: 'rule-condition-drop_percent' },
  ];

export function conditionMode(c: Partial<PulseCondition> | undefined): ConditionMode {
  if (c?.type === 'drop') return c.percent !== undefined ? 'drop_percent' : 'drop_by';
  return c?.type === 'above' ? 'above' : 'below';
}

/** The condition in a new mode, keeping the number typed so far. */
export function conditionIn(mode: ConditionMode, amount: number | undefined): PulseCondition {
  const n = amount ?? 0;
  switch (mode) {
    case 'below':
    case 'above':
      return { type: mode, value: n };
    case 'drop_by':
      return { type: 'drop', by: n };
    case 'drop_percent':
      return { type: 'drop', percent: n };
  }
}

/** The number of a condition, wherever its mode keeps it. */
export function conditionAmount(c: Partial<PulseCondition> | undefined): number | undefined {
  if (!c) return undefined;
  if (c.type === 'drop') return c.percent ?? c.by;
  return 'value' in c ? c.value : undefined;
}

/** Where the condition's number sits in the form (the path its errors name). */
export function amountPath(mode: ConditionMode) {
  return mode === 'drop_by'
    ? ('condition.by' as const)
    : mode === 'drop_percent'
      ? ('condition.percent' as const)
      : ('condition.value' as const);
}

/** What a metric's number means in the form's hint. */
export function metricHint(metric: PulseMetric): string {
  if (metric === 'cost_per_day_usd') return 'USD a day at the window’s pace';
  if (metric === 'p95_latency_ms') return 'milliseconds';
  return isScorecardMetric(metric) || metric === 'error_rate' ? 'a fraction, 0 to 1' : '';
}

/** A stored rule as the body `pulse.rules.update` takes (the list toggles `enabled` with it). */
export function bodyOf(rule: PulseRuleView): PulseRuleBody {
  return {
    name: rule.name,
    metric: rule.metric,
    ...(rule.scorecardId !== null ? { scorecardId: rule.scorecardId } : {}),
    condition: rule.condition,
    windowMinutes: rule.windowMinutes,
    filter: rule.filter,
    minSamples: rule.minSamples,
    webhookIds: rule.webhookIds,
    enabled: rule.enabled,
  };
}
