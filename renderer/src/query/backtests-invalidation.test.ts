import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Topic, TopicPayload } from '../../../shared/contract';
import { PROGRESS_REFRESH_MS, connectEventInvalidation } from './event-invalidation';

function fakeTransport() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    subscribe<T extends Topic>(topic: T, cb: (payload: TopicPayload<T>) => void) {
      const set = listeners.get(topic) ?? new Set();
      set.add(cb as (payload: unknown) => void);
      listeners.set(topic, set);
      return () => set.delete(cb as (payload: unknown) => void);
    },
    emit<T extends Topic>(topic: T, payload: TopicPayload<T>) {
      for (const cb of listeners.get(topic) ?? []) cb(payload);
    },
    count: (topic: string) => listeners.get(topic)?.size ?? 0,
  };
}

afterEach(() => vi.useRealTimers());

describe('backtests.progress', () => {
  it('refreshes the backtests queries throttled while a run works, and at once when it ends', async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const keys = [
      ['backtests.runs.get', { id: 'r1' }],
      ['backtests.runs.pairs', { id: 'r1' }],
      ['evals.list', {}],
    ];
    const seed = () => {
      for (const key of keys) client.setQueryData(key, { seeded: true });
    };
    const invalid = () =>
      keys.filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => key[0]);
    seed();
    const transport = fakeTransport();
    const stop = connectEventInvalidation(transport, client);
    const progress = { runId: 'r1', done: 1, total: 8, spentUsd: 0 };

    transport.emit('backtests.progress', { ...progress, status: 'running' });
    transport.emit('backtests.progress', { ...progress, status: 'running', done: 2 });
    expect(invalid()).toEqual([]);
    await vi.advanceTimersByTimeAsync(PROGRESS_REFRESH_MS);
    expect(invalid()).toEqual(['backtests.runs.get', 'backtests.runs.pairs']);

    seed();
    transport.emit('backtests.progress', { ...progress, status: 'completed', done: 8 });
    await vi.advanceTimersByTimeAsync(0);
    expect(invalid()).toEqual(['backtests.runs.get', 'backtests.runs.pairs']);

    stop();
    expect(transport.count('backtests.progress')).toBe(0);
    client.clear();
  });
});
