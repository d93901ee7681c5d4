import {
  conditionText,
  formatPulseValue,
  PULSE_METRIC_LABELS,
  windowText,
  type PulseCondition,
  type PulseMetric,
} from '../../../shared/contract/pulse';

export interface SummarizedRule {
  readonly name: string;
  readonly metric: PulseMetric;
  readonly condition: PulseCondition;
  readonly windowMinutes: number;
}

/**
 * The one line an alert leads with everywhere (inbox, notification, Slack): the rule, the
 * value, the condition it met, and the window before for comparison.
 */
export function alertSummary(rule: SummarizedRule, value: number, previous: number | null): string {
  const fmt = (v: number) => formatPulseValue(rule.metric, v);
  const window = windowText(rule.windowMinutes);
  const before = previous === null ? '' : `; ${fmt(previous)} the ${window} before`;
  // "is below 0.600", "dropped by at least 20%": the condition's words in the past for drops.
  const met = conditionText(rule.metric, rule.condition).replace(/^drops/, 'dropped');
  const verb = rule.condition.type === 'drop' ? '' : 'is ';
  return `${rule.name}: ${PULSE_METRIC_LABELS[rule.metric]} ${fmt(value)} ${verb}${met} (last ${window}${before})`;
}
