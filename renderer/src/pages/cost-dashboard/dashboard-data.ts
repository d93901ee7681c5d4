import type { StatsFigures, TraceStats } from '../../../../shared/contract/trace-insights';

/** A metric the charts plot per day. */
export type Metric = 'costUsd' | 'tokens' | 'calls' | 'errorRate' | 'p95LatencyMs';

export interface ChartGroup {
  /** A safe Recharts data key (`g0`…): group names hold dots and slashes. */
  readonly key: string;
  readonly label: string;
}

/** The label of a group; spans without one read "(none)". */
export const groupLabel = (group: string | null) => group ?? '(none)';

export function chartGroups(stats: TraceStats): ChartGroup[] {
  return stats.groups.map((g, i) => ({ key: `g${i}`, label: groupLabel(g.group) }));
}

function value(f: StatsFigures, metric: Metric): number | null {
  switch (metric) {
    case 'tokens':
      return f.inputTokens + f.outputTokens;
    case 'errorRate':
      return f.errorRate * 100;
    default:
      return f[metric];
  }
}

/**
 * One row per day of the range with one column per group, for a chart of `metric`. A day a
 * group made no call has no value (no bar, a gap in a line), and an unpriced cost stays empty
 * rather than 0.
 */
export function dailyRows(stats: TraceStats, metric: Metric): Record<string, string | number>[] {
  const index = new Map(stats.groups.map((g, i) => [g.group, `g${i}`]));
  const rows = new Map<string, Record<string, string | number>>(
    stats.days.map((day) => [day, { day }]),
  );
  for (const point of stats.series) {
    const key = index.get(point.group);
    const row = rows.get(point.day);
    const v = value(point, metric);
    if (key && row && v !== null) row[key] = v;
  }
  return [...rows.values()];
}
