import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Topic, TopicPayload } from '../../../shared/contract';
import { TRACES_REFRESH_MS, connectEventInvalidation } from './event-invalidation';

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

describe('traces.ingested', () => {
  it('refreshes the list, the facets and only the open traces it names, at most once a second', async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const keys = [
      ['traces.list', { href: '/traces' }],
      ['traces.facets', {}],
      ['traces.get', { id: 't1' }],
      ['traces.get', { id: 't2' }],
      ['evals.list', {}],
    ];
    for (const key of keys) client.setQueryData(key, { seeded: true });
    const invalid = () =>
      keys
        .filter((key) => client.getQueryState(key)?.isInvalidated)
        .map((key) => JSON.stringify(key));
    const transport = fakeTransport();
    const stop = connectEventInvalidation(transport, client);

    transport.emit('traces.ingested', { source: 'assay', spans: 1, traceIds: ['t1'] });
    transport.emit('traces.ingested', { source: 'otlp', spans: 5, traceIds: ['t3'] });
    expect(invalid()).toEqual([]);
    await vi.advanceTimersByTimeAsync(TRACES_REFRESH_MS);
    expect(invalid()).toEqual([
      JSON.stringify(['traces.list', { href: '/traces' }]),
      JSON.stringify(['traces.facets', {}]),
      JSON.stringify(['traces.get', { id: 't1' }]),
    ]);

    stop();
    expect(transport.count('traces.ingested')).toBe(0);
    client.clear();
  });
});
