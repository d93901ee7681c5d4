import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spanFixture } from '../../../test/support/span-fixture';
import { openTestStore } from '../../../test/support/test-database';
import { EventBus } from '../../kit/event-bus';
import { newId } from '../../kit/ids';
import type { Store } from '../../store/store';
import type { SpanRecord } from '../span-record';
import { TracingService } from '../tracing-service';
import { traceStats } from './stats-query';

let store: Store;
let tracing: TracingService;

beforeAll(async () => {
  store = await openTestStore();
  tracing = new TracingService({
    store,
    events: new EventBus(),
    resolvePrompt: (ref) => Promise.resolve(ref),
    secretValues: () => [],
    // Nothing here purges: no scores to forget.
    forgetScores: () => Promise.resolve(),
  });
});

afterAll(async () => {
  await store.close();
});

const usage = (inputTokens: number, outputTokens: number) => ({
  inputTokens,
  outputTokens,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
});

function llm(at: string, overrides: Partial<SpanRecord>): SpanRecord {
  return spanFixture({ startedAt: at, endedAt: at, ...overrides });
}

const ingest = (spans: SpanRecord[]) => tracing.ingest(spans, 'api', 'test');

describe('traces.stats', () => {
  beforeAll(async () => {
    const gpt = { provider: 'openai', model: 'gpt-4o' };
    await ingest([
      llm('2026-11-01T08:00:00.000Z', {
        ...gpt,
        latencyMs: 100,
        costPicoUsd: 1e9,
        usage: usage(10, 5),
      }),
      llm('2026-11-01T09:00:00.000Z', {
        ...gpt,
        latencyMs: 300,
        costPicoUsd: 2e9,
        usage: usage(20, 10),
      }),
      llm('2026-11-01T10:00:00.000Z', {
        ...gpt,
        latencyMs: 200,
        status: 'error',
        errorClass: 'server_error',
        errorMessage: 'boom',
        responseJson: null,
        costPicoUsd: null,
        usage: usage(0, 0),
      }),
      // Answered, no price: counted as unpriced, never as $0.
      llm('2026-11-01T11:00:00.000Z', {
        provider: 'anthropic',
        model: 'claude-x',
        latencyMs: 50,
        costPicoUsd: null,
        usage: usage(7, 3),
      }),
      llm('2026-11-02T12:00:00.000Z', {
        ...gpt,
        latencyMs: 400,
        costPicoUsd: 4e9,
        usage: usage(1, 1),
        promptVersionId: 'pv1',
        source: 'gateway',
      }),
      // Not an LLM span: no call, whatever it carries.
      llm('2026-11-02T13:00:00.000Z', { kind: 'tool', latencyMs: 9999, costPicoUsd: 9e9 }),
      // Just outside the range, either side.
      llm('2026-10-31T23:59:59.999Z', { ...gpt, latencyMs: 5000, costPicoUsd: 9e9 }),
      llm('2026-11-04T00:00:00.000Z', { ...gpt, latencyMs: 5000, costPicoUsd: 9e9 }),
      // Priced at zero (a local model): $0, not unpriced.
      llm('2026-11-03T23:59:59.999Z', {
        provider: 'openai',
        model: 'gpt-4o-mini',
        latencyMs: 10,
        costPicoUsd: 0,
        usage: usage(0, 0),
      }),
    ]);
  });

  const range = { from: '2026-11-01', to: '2026-11-03', filter: {} } as const;

  it('sums every figure per range, group, day and day-and-group', async () => {
    const stats = await tracing.insights.stats({ ...range, groupBy: 'model' });
    expect(stats.days).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(stats.totals).toEqual({
      calls: 6,
      errors: 1,
      errorRate: 1 / 6,
      inputTokens: 38,
      outputTokens: 19,
      costUsd: 0.007,
      unpricedCount: 1,
      p95LatencyMs: 400,
    });
    expect(stats.groups).toEqual([
      {
        group: 'gpt-4o',
        calls: 4,
        errors: 1,
        errorRate: 0.25,
        inputTokens: 31,
        outputTokens: 16,
        costUsd: 0.007,
        unpricedCount: 0,
        p95LatencyMs: 400,
      },
      {
        group: 'claude-x',
        calls: 1,
        errors: 0,
        errorRate: 0,
        inputTokens: 7,
        outputTokens: 3,
        costUsd: null,
        unpricedCount: 1,
        p95LatencyMs: 50,
      },
      {
        group: 'gpt-4o-mini',
        calls: 1,
        errors: 0,
        errorRate: 0,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
        unpricedCount: 0,
        p95LatencyMs: 10,
      },
    ]);
    expect(
      stats.daily.map((d) => [
        d.day,
        d.calls,
        d.errors,
        d.costUsd,
        d.unpricedCount,
        d.p95LatencyMs,
      ]),
    ).toEqual([
      ['2026-11-01', 4, 1, 0.003, 1, 300],
      ['2026-11-02', 1, 0, 0.004, 0, 400],
      ['2026-11-03', 1, 0, 0, 0, 10],
    ]);
    expect(
      stats.series.map((s) => [
        s.day,
        s.group,
        s.calls,
        s.inputTokens,
        s.outputTokens,
        s.costUsd,
        s.p95LatencyMs,
      ]),
    ).toEqual([
      ['2026-11-01', 'claude-x', 1, 7, 3, null, 50],
      ['2026-11-01', 'gpt-4o', 3, 30, 15, 0.003, 300],
      ['2026-11-02', 'gpt-4o', 1, 1, 1, 0.004, 400],
      ['2026-11-03', 'gpt-4o-mini', 1, 0, 0, 0, 10],
    ]);
    expect(stats.groupsOmitted).toBe(0);
  });

  it('groups by provider and by prompt version, spans without one under null', async () => {
    const byProvider = await tracing.insights.stats({ ...range, groupBy: 'provider' });
    expect(byProvider.groups.map((g) => [g.group, g.calls, g.costUsd, g.unpricedCount])).toEqual([
      ['openai', 5, 0.007, 0],
      ['anthropic', 1, null, 1],
    ]);
    const byPrompt = await tracing.insights.stats({ ...range, groupBy: 'prompt' });
    expect(byPrompt.groups.map((g) => [g.group, g.calls, g.costUsd])).toEqual([
      [null, 5, 0.003],
      ['pv1', 1, 0.004],
    ]);
  });

  it('filters by provider, model, prompt version and source', async () => {
    const calls = async (filter: Record<string, string>) =>
      (await tracing.insights.stats({ ...range, groupBy: 'model', filter })).totals.calls;
    expect(await calls({ provider: 'anthropic' })).toBe(1);
    expect(await calls({ model: 'gpt-4o' })).toBe(4);
    expect(await calls({ promptVersionId: 'pv1' })).toBe(1);
    expect(await calls({ source: 'gateway' })).toBe(1);
    expect(await calls({ source: 'otlp' })).toBe(0);
  });

  it('takes the nearest-rank 95th percentile of latency', async () => {
    // Inserted out of order: the rank comes from the sort, not the arrival.
    const latencies = [7, 3, 20, 1, 19, 2, 18, 4, 17, 5, 16, 6, 15, 8, 14, 9, 13, 10, 12, 11];
    await ingest(
      latencies.map((ms) => llm('2026-10-10T10:00:00.000Z', { model: 'p95', latencyMs: ms })),
    );
    const day = { from: '2026-10-10', to: '2026-10-10', groupBy: 'model', filter: {} } as const;
    // n = 20: rank ceil(19) = 19.
    expect((await tracing.insights.stats(day)).totals.p95LatencyMs).toBe(19);
    await ingest([llm('2026-10-10T11:00:00.000Z', { model: 'p95', latencyMs: 21 })]);
    // n = 21: rank ceil(19.95) = 20.
    expect((await tracing.insights.stats(day)).totals.p95LatencyMs).toBe(20);
  });

  it('gives the same figures when the database ranks the latencies (ranges past the cap)', async () => {
    const now = Date.parse('2026-11-03T15:00:00.000Z');
    for (const groupBy of ['model', 'provider', 'prompt'] as const)
      for (const filter of [{}, { model: 'gpt-4o' }, { source: 'gateway' as const }]) {
        const input = { ...range, groupBy, filter };
        const inMemory = await traceStats(store.db, input, now);
        expect(await traceStats(store.db, input, now, 0)).toEqual(inMemory);
      }
    const wide = { groupBy: 'model', filter: {} } as const;
    expect(await traceStats(store.db, wide, now, 0)).toEqual(await traceStats(store.db, wide, now));
  });

  it('answers an empty range with every day and no figures', async () => {
    const stats = await tracing.insights.stats({
      from: '2020-01-01',
      to: '2020-01-02',
      groupBy: 'model',
      filter: {},
    });
    expect(stats.days).toEqual(['2020-01-01', '2020-01-02']);
    expect(stats.totals).toMatchObject({ calls: 0, costUsd: null, p95LatencyMs: 0 });
    expect([stats.groups, stats.daily, stats.series]).toEqual([[], [], []]);
  });

  it('defaults to the last 30 UTC days and refuses backwards or over-long ranges', async () => {
    const now = Date.parse('2026-11-03T15:00:00.000Z');
    const stats = await traceStats(store.db, { groupBy: 'model', filter: {} }, now);
    expect([stats.from, stats.to, stats.days.length]).toEqual(['2026-10-05', '2026-11-03', 30]);
    // The six of November, the 21 of 10 October, and the one just before November.
    expect(stats.totals.calls).toBe(6 + 21 + 1);
    await expect(
      tracing.insights.stats({
        from: '2026-11-03',
        to: '2026-11-01',
        groupBy: 'model',
        filter: {},
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('"from"'),
    });
    await expect(
      tracing.insights.stats({
        from: '2025-01-01',
        to: '2026-11-01',
        groupBy: 'model',
        filter: {},
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('at most 366'),
    });
  });
});

describe('sessions', () => {
  const t = (hhmm: string) => `2026-12-01T${hhmm}:00.000Z`;
  const ids = { t1: newId(), t2: newId(), t3: newId(), t4: newId() };

  beforeAll(async () => {
    await ingest([
      // The app tags the interaction with the session, not the call (linked by trace id).
      llm(t('10:00'), { traceId: ids.t1, costPicoUsd: 1e9, latencyMs: 0 }),
      llm(t('10:05'), {
        traceId: ids.t2,
        costPicoUsd: 2e9,
        sessionId: 'sess-1',
        userId: 'u1',
        latencyMs: 0,
      }),
      llm(t('10:10'), { traceId: ids.t3, costPicoUsd: null, sessionId: 'sess-1', latencyMs: 0 }),
      llm('2026-12-02T09:00:00.000Z', {
        traceId: ids.t4,
        costPicoUsd: 5e8,
        sessionId: 'sess-2',
        userId: 'u2',
        latencyMs: 0,
      }),
    ]);
    const base = { tags: [], spanIds: [] };
    await tracing.createInteraction({
      ...base,
      id: 'i1',
      type: 'chat',
      input: 'hi',
      output: 'hello',
      sessionId: 'sess-1',
      userId: 'u1',
      traceId: ids.t1,
      createdAt: t('10:00'),
    });
    await tracing.createInteraction({
      ...base,
      id: 'i2',
      type: 'chat',
      input: 'more',
      output: 'sure',
      sessionId: 'sess-1',
      userId: 'u1',
      traceId: ids.t2,
      createdAt: t('10:05'),
    });
    await tracing.createInteraction({
      ...base,
      id: 'i3',
      type: 'chat',
      input: 'alone',
      sessionId: 'sess-3',
      createdAt: '2026-12-03T09:00:00.000Z',
    });
    await tracing.feedback({ interactionId: 'i2', label: 'thumbs_up' });
  });

  it('lists sessions most recent first with counts, user and the cost of their traces', async () => {
    const { items, nextOffset } = await tracing.insights.sessions({ offset: 0, limit: 100 });
    expect(nextOffset).toBeNull();
    expect(items).toEqual([
      {
        id: 'sess-3',
        firstAt: '2026-12-03T09:00:00.000Z',
        lastAt: '2026-12-03T09:00:00.000Z',
        traceCount: 0,
        interactionCount: 1,
        userId: null,
        costUsd: null,
        unpricedCount: 0,
      },
      {
        id: 'sess-2',
        firstAt: '2026-12-02T09:00:00.000Z',
        lastAt: '2026-12-02T09:00:00.000Z',
        traceCount: 1,
        interactionCount: 0,
        userId: 'u2',
        costUsd: 0.0005,
        unpricedCount: 0,
      },
      {
        id: 'sess-1',
        firstAt: t('10:00'),
        lastAt: t('10:10'),
        // t1 (linked from i1), t2 (tagged and linked: once), t3 (tagged).
        traceCount: 3,
        interactionCount: 2,
        userId: 'u1',
        costUsd: 0.003,
        unpricedCount: 1,
      },
    ]);
  });

  it('pages and filters sessions by user', async () => {
    const first = await tracing.insights.sessions({ offset: 0, limit: 2 });
    expect([first.items.map((s) => s.id), first.nextOffset]).toEqual([['sess-3', 'sess-2'], 2]);
    const second = await tracing.insights.sessions({ offset: 2, limit: 2 });
    expect([second.items.map((s) => s.id), second.nextOffset]).toEqual([['sess-1'], null]);
    const u2 = await tracing.insights.sessions({ userId: 'u2', offset: 0, limit: 10 });
    expect(u2.items.map((s) => s.id)).toEqual(['sess-2']);
  });

  it('gives one session as a thread: interactions with feedback and traces in time order', async () => {
    const thread = await tracing.insights.session('sess-1');
    expect(thread.session.traceCount).toBe(3);
    expect(thread.interactions.map((i) => [i.id, i.feedback.map((f) => f.label)])).toEqual([
      ['i1', []],
      ['i2', ['thumbs_up']],
    ]);
    expect(thread.traces.map((tr) => tr.id)).toEqual([ids.t1, ids.t2, ids.t3]);
    expect(thread.traces.map((tr) => tr.costUsd)).toEqual([0.001, 0.002, null]);
    expect(thread.truncated).toBe(false);
  });

  it('answers NOT_FOUND for a session never seen', async () => {
    await expect(tracing.insights.session('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
