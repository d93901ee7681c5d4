import { describe, expect, it } from 'vitest';
import type { ScorecardDashboard } from '../../../../shared/contract';
import { BULLSEYE_LEVELS } from '../../../../shared/contract';
import { bucketPosition, costRows, histogramRows, meanRows } from './dashboard-data';

const figures = (count: number, mean: number | null, histogram: Record<string, number>) => ({
  count,
  scored: count,
  mean,
  costUsd: null,
  histogram,
});

const dashboard: ScorecardDashboard = {
  scorecard: { id: 'c', name: 'card', version: 1 },
  from: '2026-03-01',
  to: '2026-03-03',
  days: ['2026-03-01', '2026-03-02', '2026-03-03'],
  split: 'model',
  graders: [
    {
      graderId: 'g',
      name: 'G',
      kind: 'human',
      weight: 1,
      pinnedVersion: null,
      scoreConfig: { type: 'boolean' },
      buckets: [
        { key: 'true', label: 'Pass' },
        { key: 'false', label: 'Fail' },
        { key: 'unscored', label: 'Unscored' },
      ],
      totals: figures(3, 2 / 3, { true: 2, false: 1 }),
    },
  ],
  splits: [
    { key: 'openai:gpt-4.1', count: 2 },
    { key: null, count: 1 },
  ],
  series: [
    { graderId: 'g', day: '2026-03-01', split: 'openai:gpt-4.1', ...figures(2, 1, { true: 2 }) },
    { graderId: 'g', day: '2026-03-03', split: null, ...figures(1, 0, { false: 1 }) },
  ],
  cost: [{ day: '2026-03-01', count: 2, costUsd: 0.5 }],
  totalCostUsd: 0.5,
};

describe('dashboard rows', () => {
  it('give a mean line per split value, with gaps on days without scores', () => {
    const { rows, series } = meanRows(dashboard, 'g');
    expect(series).toEqual([
      { dataKey: 's0', key: 'openai:gpt-4.1' },
      { dataKey: 's1', key: null },
    ]);
    expect(rows).toEqual([
      { day: '2026-03-01', s0: 1, s1: null },
      { day: '2026-03-02', s0: null, s1: null },
      { day: '2026-03-03', s0: null, s1: 0 },
    ]);
  });

  it('count buckets per day over the split values, only buckets that occur', () => {
    const { rows, series } = histogramRows(dashboard, 'g');
    expect(series.map((s) => s.key)).toEqual(['true', 'false']);
    expect(rows.map((r) => [r.b0, r.b1])).toEqual([
      [2, 0],
      [0, 0],
      [0, 1],
    ]);
  });

  it('give the judge cost of every day, null where nothing was priced', () => {
    expect(costRows(dashboard).map((r) => r.cost)).toEqual([0.5, null, null]);
  });
});

describe('bucket positions', () => {
  it('place buckets from worst (0) to best (1) on each kind of scale', () => {
    const bullseye = { type: 'categorical' as const, levels: [...BULLSEYE_LEVELS] };
    expect(BULLSEYE_LEVELS.map((l) => bucketPosition(bullseye, l.name))).toEqual([
      1, 0.65, 0.35, 0,
    ]);
    expect(bucketPosition({ type: 'boolean' }, 'false')).toBe(0);
    const numeric = { type: 'numeric' as const, min: 0, max: 10, higherIsBetter: true };
    expect(bucketPosition(numeric, '9')).toBeCloseTo(0.95, 12);
    expect(bucketPosition(numeric, 'unscored')).toBeNull();
  });
});
