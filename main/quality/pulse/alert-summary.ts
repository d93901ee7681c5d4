import {
  formatPulseValue,
  PULSE_METRIC_LABELS,
  type PulseCondition,
  type PulseMetric,
} from '../../../shared/contract/pulse';

export interface SummarizedRule {
  readonly name: string;
  readonly metric: PulseMetric;
  readonly condition: PulseCondition;
  readonly windowMinutes: number;
}

/** "90 min", "2 h", "1 d": a window as a person says it. */
export function windowText(minutes: number): string {
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} d`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

/**
 * The one line an alert leads with everywhere (inbox, notification, Slack): the rule, the
 * value, what it broke, and the window before for comparison.
 */
export function alertSummary(rule: SummarizedRule, value: number, previous: number | null): string {
  const fmt = (v: number) => formatPulseValue(rule.metric, v);
  const what = `${PULSE_METRIC_LABELS[rule.metric]} ${fmt(value)}`;
  const span = `last ${windowText(rule.windowMinutes)}`;
  const before =
    previous === null ? '' : `; ${fmt(previous)} the ${windowText(rule.windowMinutes)} before`;
  const c = rule.condition;
  switch (c.type) {
    case 'below':
      return `${rule.name}: ${what} is below ${fmt(c.value)} (${span}${before})`;
    case 'above':
      return `${rule.name}: ${what} is above ${fmt(c.value)} (${span}${before})`;
    case 'drop': {
      const by = c.by !== undefined ? `by at least ${fmt(c.by)}` : `by at least ${c.percent}%`;
      return `${rule.name}: ${what} dropped ${by} (${span}${before})`;
    }
  }
}
