import { describe, expect, it } from 'vitest';
import type { StatsFigures, TraceStats } from '../../../../shared/contract/trace-insights';
import { chartGroups, dailyRows } from './dashboard-data';
import { dashboardHref, dashboardViewOf, presetRange } from './dashboard-route';

const f = (over: Partial<StatsFigures>): StatsFigures => ({
  calls: 1,
  errors: 0,
  errorRate: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: null,
  unpricedCount: 0,
  p95LatencyMs: 0,
  ...over,
});

const stats: TraceStats = {
  from: '2026-11-01',
  to: '2026-11-03',
  groupBy: 'model',
  days: ['2026-11-01', '2026-11-02', '2026-11-03'],
  totals: f({}),
  groups: [
    { ...f({}), group: 'gpt-4o' },
    { ...f({}), group: null },
  ],
  daily: [],
  series: [
    {
      ...f({ costUsd: 0.5, inputTokens: 3, outputTokens: 4, errorRate: 0.25 }),
      day: '2026-11-01',
      group: 'gpt-4o',
    },
    { ...f({ costUsd: null, unpricedCount: 1 }), day: '2026-11-01', group: null },
    { ...f({ costUsd: 0.25 }), day: '2026-11-03', group: 'gpt-4o' },
  ],
  groupsOmitted: 0,
};

describe('dashboard data', () => {
  it('pivots the series to one row per day, one key per group, unpriced left empty', () => {
    expect(chartGroups(stats)).toEqual([
      { key: 'g0', label: 'gpt-4o' },
      { key: 'g1', label: '(none)' },
    ]);
    expect(dailyRows(stats, 'costUsd')).toEqual([
      { day: '2026-11-01', g0: 0.5 },
      { day: '2026-11-02' },
      { day: '2026-11-03', g0: 0.25 },
    ]);
    expect(dailyRows(stats, 'tokens')[0]).toEqual({ day: '2026-11-01', g0: 7, g1: 0 });
    expect(dailyRows(stats, 'errorRate')[0]).toEqual({ day: '2026-11-01', g0: 25, g1: 0 });
  });

  it('keeps range and grouping in the address, falling back to model for an unknown group', () => {
    const view = {
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'prompt',
      prompt: 'pv1',
    } as const;
    expect(dashboardViewOf(dashboardHref(view), '')).toEqual(view);
    expect(dashboardViewOf('/traces/dashboard?groupBy=nope&from=bad', '')).toEqual({
      from: null,
      to: null,
      groupBy: 'model',
      prompt: null,
    });
    expect(presetRange(7, Date.parse('2026-12-07T23:00:00.000Z'))).toEqual({
      from: '2026-12-01',
      to: '2026-12-07',
    });
  });
});
