import { describe, expect, it } from 'vitest';
import { backtestsHref, backtestsViewOf } from './backtests-route';

describe('backtests route', () => {
  it('reads the sets, a set and a run with its side', () => {
    expect(backtestsViewOf('/backtests')).toEqual({ kind: 'sets', newSet: null });
    expect(backtestsViewOf(backtestsHref.set('s/1'))).toEqual({ kind: 'set', setId: 's/1' });
    expect(backtestsViewOf(backtestsHref.run('r1', 2))).toEqual({
      kind: 'run',
      runId: 'r1',
      side: 2,
    });
    expect(backtestsViewOf('/backtests/runs/r1?side=99')).toMatchObject({ side: 1 });
    expect(backtestsViewOf('/backtests/sets/%E0')).toEqual({ kind: 'sets', newSet: null });
  });

  it('round-trips the New set filter the Traces page sends', () => {
    const filter = {
      type: 'support',
      tags: ['a', 'b'],
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      userId: 'u1',
      sessionId: 's1',
    };
    expect(backtestsViewOf(backtestsHref.newSet(filter))).toEqual({
      kind: 'sets',
      newSet: filter,
    });
    expect(backtestsViewOf('/backtests?new=1&from=garbage&tags=,,')).toEqual({
      kind: 'sets',
      newSet: {},
    });
  });
});
