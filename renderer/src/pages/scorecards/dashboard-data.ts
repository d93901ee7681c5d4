import type { ScoreConfig, ScorecardDashboard } from '../../../../shared/contract';

/**
 * A scorecard dashboard's answer as chart rows: one row per day of the range (days without
 * scores included, with no value, so lines break instead of inventing a 0). Series are keyed
 * `s0`, `s1`…, not by their values: Recharts reads a dot in a data key ("gpt-4.1") as a path.
 */

export interface Series {
  readonly dataKey: string;
  /** The split value (null: unsplit, or targets without one) or the bucket key. */
  readonly key: string | null;
}

export type ChartRow = { day: string } & Record<string, number | string | null>;

/** Mean normalized score per day, one line per split value of this grader. */
export function meanRows(d: ScorecardDashboard, graderId: string) {
  const points = d.series.filter((p) => p.graderId === graderId);
  const keys = d.splits.map((s) => s.key).filter((k) => points.some((p) => p.split === k));
  const series: Series[] = keys.map((key, i) => ({ dataKey: `s${i}`, key }));
  const rows: ChartRow[] = d.days.map((day) => {
    const row: ChartRow = { day };
    for (const s of series)
      row[s.dataKey] = points.find((p) => p.day === day && p.split === s.key)?.mean ?? null;
    return row;
  });
  return { rows, series };
}

/** Scores per bucket per day (over every split value), in the grader's bucket order. */
export function histogramRows(d: ScorecardDashboard, graderId: string) {
  const grader = d.graders.find((g) => g.graderId === graderId);
  const seen = new Set(Object.keys(grader?.totals.histogram ?? {}));
  const buckets = (grader?.buckets ?? []).filter((b) => seen.has(b.key));
  const series = buckets.map((b, i) => ({ dataKey: `b${i}`, key: b.key, label: b.label }));
  const rows: ChartRow[] = d.days.map((day) => {
    const row: ChartRow = { day };
    for (const s of series) row[s.dataKey] = 0;
    for (const p of d.series)
      if (p.graderId === graderId && p.day === day)
        for (const s of series)
          row[s.dataKey] = (row[s.dataKey] as number) + (p.histogram[s.key!] ?? 0);
    return row;
  });
  return { rows, series };
}

/** Judge cost per day over the scorecard's graders (null where nothing was priced). */
export function costRows(d: ScorecardDashboard): ChartRow[] {
  const byDay = new Map(d.cost.map((c) => [c.day, c.costUsd]));
  return d.days.map((day) => ({ day, cost: byDay.get(day) ?? null }));
}

/**
 * Where a bucket sits on the grader's scale, 0 worst to 1 best (null: unscored, or a level the
 * config no longer has), so its colour can say so whatever the bucket's name.
 */
export function bucketPosition(config: ScoreConfig, key: string): number | null {
  if (config.type === 'boolean') return key === 'true' ? 1 : key === 'false' ? 0 : null;
  if (config.type === 'numeric') {
    const bin = Number(key);
    return Number.isInteger(bin) && key !== '' ? (bin + 0.5) / 10 : null;
  }
  const level = config.levels.find((l) => l.name === key);
  if (!level) return null;
  const values = config.levels.map((l) => l.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return (level.value - low) / (high - low);
}
