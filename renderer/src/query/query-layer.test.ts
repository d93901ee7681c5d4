import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunView, SettingsView, Topic, TopicPayload } from '../../../shared/contract';
import { ClientError } from '../client/client-error';
import { channelKey, invalidateChannels, patchQuery } from './channel-query';
import { showSubmitError } from './contract-form';
import { PROGRESS_REFRESH_MS, connectEventInvalidation } from './event-invalidation';
import { progressKey } from './run-progress';

/** A transport whose events the test emits by hand. */
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

function progress(runId: string, status: RunView['status']): TopicPayload<'eval.progress'> {
  return {
    runId,
    status,
    done: 1,
    total: 2,
    pass: 1,
    fail: 0,
    error: 0,
    unscored: 0,
    costUsd: null,
    elapsedMs: 10,
    etaMs: null,
  } as TopicPayload<'eval.progress'>;
}

/** Seeds answers and reports which keys are invalid (stale and due a refetch). */
function seeded(client: QueryClient, keys: unknown[][]) {
  for (const key of keys) client.setQueryData(key, { seeded: true });
  return () =>
    keys.filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => String(key[0]));
}

describe('the query layer', () => {
  let client: QueryClient;
  beforeEach(() => {
    client = new QueryClient();
  });
  afterEach(() => {
    vi.useRealTimers();
    client.clear();
  });

  it('keys a query by channel and input, and invalidates by domain or by channel', async () => {
    expect(channelKey('evals.get', { runId: 'r1' })).toEqual(['evals.get', { runId: 'r1' }]);
    const invalid = seeded(client, [
      ['evals.get', { runId: 'r1' }],
      ['evals.list', {}],
      ['datasets.list', {}],
      ['datasets.get', { name: 'd' }],
      ['prompts.list', {}],
    ]);
    await invalidateChannels(client, ['evals', 'datasets.get']);
    expect(invalid()).toEqual(['evals.get', 'evals.list', 'datasets.get']);
  });

  it('patches an answer optimistically and puts it back', () => {
    const input = { name: 'd' } as never;
    client.setQueryData(channelKey('datasets.get', input), { n: 1 });
    const rollback = patchQuery(client, 'datasets.get', input, (d) => ({ ...d, n: 2 }) as never);
    expect(client.getQueryData(channelKey('datasets.get', input))).toEqual({ n: 2 });
    rollback();
    expect(client.getQueryData(channelKey('datasets.get', input))).toEqual({ n: 1 });
  });

  it('refreshes eval queries at most every interval while a run goes, at once when it ends', async () => {
    vi.useFakeTimers();
    const transport = fakeTransport();
    const stop = connectEventInvalidation(transport, client);
    const invalid = seeded(client, [
      ['evals.list', {}],
      ['prompts.list', {}],
    ]);

    transport.emit('eval.progress', progress('r1', 'running'));
    transport.emit('eval.progress', progress('r1', 'running'));
    expect(invalid()).toEqual([]);
    expect(client.getQueryData(progressKey('r1'))).toMatchObject({ status: 'running' });
    await vi.advanceTimersByTimeAsync(PROGRESS_REFRESH_MS);
    expect(invalid()).toEqual(['evals.list']);

    client.setQueryData(['evals.list', {}], { seeded: true });
    transport.emit('eval.progress', progress('r1', 'completed'));
    await vi.advanceTimersByTimeAsync(0);
    expect(invalid()).toEqual(['evals.list']);
    expect(client.getQueryData(progressKey('r1'))).toMatchObject({ status: 'completed' });

    stop();
    expect(transport.count('eval.progress')).toBe(0);
    expect(transport.count('settings.changed')).toBe(0);
  });

  it('replaces the cached settings with the view a settings.changed event carries', () => {
    const transport = fakeTransport();
    const stop = connectEventInvalidation(transport, client);
    const view = { providers: [], preferences: {} } as unknown as SettingsView;
    transport.emit('settings.changed', view);
    expect(client.getQueryData(channelKey('settings.get', {}))).toBe(view);
    stop();
  });
});

describe('showSubmitError', () => {
  function form(values: Record<string, unknown>) {
    const errors = new Map<string, string>();
    const get = (path: string) =>
      path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], values);
    return {
      errors,
      getValues: ((path: string) => get(path)) as never,
      setError: ((path: string, e: { message?: string }) =>
        errors.set(path, e.message ?? '')) as never,
    };
  }
  const invalid = (details: unknown) =>
    new ClientError('VALIDATION_FAILED', 'prompts.create: input is invalid', details);

  it('puts each issue on the field it names, once, and nowhere else', () => {
    const target = form({ name: 'bad name', kind: 'text' });
    const placed = showSubmitError(
      target,
      invalid({ issues: [{ path: 'name', message: 'use letters, digits, - and _' }] }),
    );
    expect(placed).toEqual(['name']);
    expect([...target.errors]).toEqual([['name', 'use letters, digits, - and _']]);
  });

  it('falls back to the nearest field the form holds, naming the rest of the path', () => {
    const target = form({ matchers: [{ type: 'regex', pattern: '(' }] });
    showSubmitError(
      target,
      invalid({ problems: [{ path: 'matchers[0].pattern', message: 'not a regex' }] }),
    );
    expect(target.errors.get('matchers.0.pattern')).toBe('not a regex');
    const other = form({ matchers: [{ type: 'regex' }] });
    showSubmitError(
      other,
      invalid({ problems: [{ path: 'matchers[0].flags', message: 'unknown flag' }] }),
    );
    expect(other.errors.get('matchers.0')).toBe('flags: unknown flag');
  });

  it('shows a coded error that names no field as the form error', () => {
    const target = form({ name: 'x' });
    expect(showSubmitError(target, new ClientError('CONFLICT', 'a prompt "x" exists'))).toEqual([
      'root',
    ]);
    expect(target.errors.get('root')).toBe('CONFLICT: a prompt "x" exists');
    const unplaced = form({ name: 'x' });
    showSubmitError(unplaced, invalid({ issues: [{ path: 'elsewhere', message: 'no' }] }));
    expect(unplaced.errors.get('root')).toBe('VALIDATION_FAILED: prompts.create: input is invalid');
  });
});
