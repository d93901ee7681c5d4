import { describe, expect, it } from 'vitest';
import { leaderboardHref, leaderboardViewOf, type LeaderboardView } from './leaderboard-route';

describe('leaderboard addresses', () => {
  it('round-trips every view through its address', () => {
    const views: LeaderboardView[] = [
      {
        tab: 'board',
        scope: { kind: 'dataset', dataset: 'support/qa' },
        sort: { key: 'costPer1k', direction: 'asc' },
        latency: 'p50',
        set: null,
      },
      {
        tab: 'board',
        scope: { kind: 'backtest_set', setId: 'set-1' },
        sort: { key: 'score', direction: 'asc' },
        latency: 'p95',
        set: null,
      },
      {
        tab: 'contributors',
        scope: null,
        sort: { key: 'score', direction: 'desc' },
        latency: 'p95',
        set: 'set-2',
      },
    ];
    for (const view of views) expect(leaderboardViewOf(leaderboardHref(view))).toEqual(view);
  });

  it('keeps the default out of the address and ignores what it does not know', () => {
    expect(
      leaderboardHref({
        scope: { kind: 'dataset', dataset: 'qa' },
        sort: { key: 'latencyP95', direction: 'asc' },
      }),
    ).toBe('/leaderboard?dataset=qa&sort=latencyP95');
    expect(leaderboardViewOf('/leaderboard?sort=bogus&dir=up&latency=p99')).toEqual({
      tab: 'board',
      scope: null,
      sort: { key: 'score', direction: 'desc' },
      latency: 'p95',
      set: null,
    });
    expect(leaderboardViewOf('/leaderboard', 'dataset=qa').scope).toEqual({
      kind: 'dataset',
      dataset: 'qa',
    });
  });
});
