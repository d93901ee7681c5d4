import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spanFixture } from '../../test/support/span-fixture';
import { openTestStore } from '../../test/support/test-database';
import { AssayError } from '../../shared/errors';
import { EventBus } from '../kit/event-bus';
import { newId } from '../kit/ids';
import type { Store } from '../store/store';
import type { SpanRecord } from './span-record';
import { TracingService } from './tracing-service';

const STORED_KEY = 'stored-provider-key-0123456789';
let store: Store;
let tracing: TracingService;
const published: { topic: string; payload: unknown }[] = [];

beforeAll(async () => {
  store = await openTestStore();
  const events = new EventBus();
  events.subscribe((topic, payload) => published.push({ topic, payload }));
  tracing = new TracingService({
    store,
    events,
    resolvePrompt: async (ref) => {
      if (ref === 'support@production') return 'version-7';
      throw new AssayError('NOT_FOUND', `No prompt "${ref}"`);
    },
    secretValues: () => [STORED_KEY],
    // Nothing here purges: no scores to forget.
    forgetScores: () => Promise.resolve(),
  });
});

afterAll(async () => {
  await store.close();
});

const at = (ms: number) => new Date(Date.UTC(2026, 11, 6, 9, 0, 0) + ms).toISOString();

/** A three-span agent trace: root chain, an LLM call under it, a tool call under that. */
function agentTrace(): SpanRecord[] {
  const traceId = newId();
  const root = spanFixture({
    traceId,
    kind: 'chain',
    name: 'answer-question',
    source: 'otlp',
    provider: null,
    model: null,
    requestJson: JSON.stringify({ input: 'Where is my parcel?' }),
    responseJson: JSON.stringify({ output: 'It arrives on Tuesday.' }),
    usage: {
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    },
    costPicoUsd: null,
    sessionId: 'sess-1',
    userId: 'user-1',
    tags: ['support'],
    startedAt: at(0),
    endedAt: at(900),
  });
  const llm = spanFixture({
    traceId,
    parentId: root.id,
    source: 'otlp',
    model: 'gpt-4o-mini',
    requestJson: JSON.stringify({
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You track parcels.' },
        { role: 'user', content: 'Where is my parcel zanzibar-42?' },
      ],
    }),
    responseJson: JSON.stringify({ text: 'Calling the tracker.', toolCalls: [] }),
    costPicoUsd: 2_000_000,
    startedAt: at(100),
    endedAt: at(600),
  });
  const tool = spanFixture({
    traceId,
    parentId: llm.id,
    kind: 'tool',
    name: 'track_parcel',
    source: 'otlp',
    provider: null,
    model: null,
    requestJson: JSON.stringify({ input: { id: 'zanzibar-42' } }),
    responseJson: JSON.stringify({ output: { eta: 'Tuesday' } }),
    usage: {
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    },
    costPicoUsd: null,
    startedAt: at(650),
    endedAt: at(800),
  });
  return [root, llm, tool];
}

describe('TracingService.ingest', () => {
  it('folds a trace the same whatever order and batches its spans arrive in', async () => {
    const spans = agentTrace();
    const orders = [[[0, 1, 2]], [[2], [1], [0]], [[1, 2], [0]]];
    const summaries = [];
    for (const batches of orders) {
      const traceId = newId();
      const copy = spans.map((s) => ({
        ...s,
        id: `${traceId}-${s.id}`,
        traceId,
        parentId: s.parentId ? `${traceId}-${s.parentId}` : null,
      }));
      for (const batch of batches)
        await tracing.ingest(
          batch.map((i) => copy[i]!),
          'otlp',
          'test',
        );
      const { trace, spans: stored } = await tracing.get(traceId);
      expect(stored.map((s) => s.name)).toEqual([
        'answer-question',
        'openai:gpt-4o',
        'track_parcel',
      ]);
      summaries.push({ ...trace, id: 'x', rootSpanId: 'x' });
    }
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);
    expect(summaries[0]).toMatchObject({
      name: 'answer-question',
      source: 'otlp',
      spanCount: 3,
      llmCount: 1,
      errorCount: 0,
      status: 'ok',
      inputTokens: 12,
      outputTokens: 5,
      costUsd: 0.000002,
      unpricedCount: 0,
      provider: 'openai',
      model: 'gpt-4o-mini',
      sessionId: 'sess-1',
      userId: 'user-1',
      tags: ['support'],
      inputPreview: 'Where is my parcel?',
      outputPreview: 'It arrives on Tuesday.',
      latencyMs: 900,
      startedAt: at(0),
      endedAt: at(900),
    });
  });

  it('counts a retried batch once and says how many spans were new', async () => {
    const spans = agentTrace();
    expect(await tracing.ingest(spans, 'otlp', 'test')).toBe(3);
    expect(await tracing.ingest(spans, 'otlp', 'test')).toBe(0);
    const { trace } = await tracing.get(spans[0]!.traceId);
    expect(trace.spanCount).toBe(3);
    expect(trace.costUsd).toBe(0.000002);
  });

  it('keeps an unpriced call unpriced and marks the trace total as a lower bound', async () => {
    const traceId = newId();
    await tracing.ingest(
      [
        spanFixture({ traceId, costPicoUsd: null, model: 'mystery-model' }),
        spanFixture({ traceId, costPicoUsd: null, status: 'error', responseJson: null }),
      ],
      'gateway',
      'test',
    );
    const { trace } = await tracing.get(traceId);
    expect(trace.costUsd).toBeNull();
    expect(trace.unpricedCount).toBe(1);
    expect(trace.status).toBe('error');
    expect(trace.errorCount).toBe(1);
  });

  it('refuses a whole batch with a parent cycle, a self-parent or no ids, and stores none of it', async () => {
    const good = spanFixture();
    const a = spanFixture({ id: 'cycle-a', traceId: 't-cycle', parentId: 'cycle-b' });
    const b = spanFixture({ id: 'cycle-b', traceId: 't-cycle', parentId: 'cycle-a' });
    const bad: SpanRecord[][] = [
      [good, a, b],
      [good, spanFixture({ id: 'self', parentId: 'self' })],
      [good, spanFixture({ id: '' })],
      [good, spanFixture({ traceId: '' })],
      [good, spanFixture({ startedAt: 'yesterday' })],
    ];
    for (const batch of bad) {
      const err = await tracing.ingest(batch, 'otlp', 'otlp').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AssayError);
      expect((err as AssayError).code).toBe('MALFORMED_REQUEST');
      expect((err as AssayError).message).toMatch(/^otlp: span 1 /);
    }
    expect(await tracing.span(good.id)).toBeNull();
  });

  it('publishes traces.ingested with the new span count', async () => {
    published.length = 0;
    const spans = agentTrace();
    await tracing.ingest(spans, 'otlp', 'test');
    expect(published).toEqual([
      {
        topic: 'traces.ingested',
        payload: { source: 'otlp', spans: 3, traceIds: [spans[0]!.traceId] },
      },
    ]);
  });

  it('never stores a parent chain it would loop on (property: random parent links within a batch)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 1, maxLength: 6 }),
        async (parents) => {
          const traceId = newId();
          const ids = parents.map(() => newId());
          const batch = parents.map((p, i) =>
            spanFixture({
              id: ids[i]!,
              traceId,
              parentId: p < 0 || p >= ids.length ? null : ids[p]!,
            }),
          );
          const outcome = await tracing.ingest(batch, 'otlp', 'prop').then(
            () => 'stored',
            (e: unknown) => (e instanceof AssayError ? e.code : 'crash'),
          );
          const stored = (await tracing.spansOfTrace(traceId)).length;
          if (outcome === 'stored') expect(stored).toBe(batch.length);
          else {
            expect(outcome).toBe('MALFORMED_REQUEST');
            expect(stored).toBe(0);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('TracingService.list', () => {
  const run = newId().slice(0, 8);
  let cheap: string;
  let pricey: string;
  let failed: string;

  beforeAll(async () => {
    const base = Date.UTC(2027, 0, 1);
    const mk = (i: number, overrides: Partial<SpanRecord>) =>
      spanFixture({
        startedAt: new Date(base + i * 1000).toISOString(),
        endedAt: new Date(base + i * 1000 + 100 * (i + 1)).toISOString(),
        userId: `list-${run}`,
        ...overrides,
      });
    const a = mk(0, {
      model: 'claude-haiku',
      provider: 'anthropic',
      costPicoUsd: 1_000,
      tags: ['beta', 'eu'],
      requestJson: JSON.stringify({
        messages: [{ role: 'user', content: 'Réservez une chambre à Genève' }],
      }),
    });
    const b = mk(1, {
      costPicoUsd: 9_000_000,
      sessionId: `s-${run}`,
      requestJson: JSON.stringify({
        messages: [{ role: 'user', content: 'refund order 77 "AND" OR *' }],
      }),
    });
    const c = mk(2, { status: 'error', costPicoUsd: null, responseJson: null, tags: ['beta'] });
    await tracing.ingest([a, b, c], 'gateway', 'test');
    [cheap, pricey, failed] = [a.traceId, b.traceId, c.traceId];
  });

  const ids = async (filter: Record<string, unknown>, sort: 'time' | 'cost' | 'latency' = 'time') =>
    (
      await tracing.list({
        filter: { userId: `list-${run}`, ...filter },
        sort,
        order: 'desc',
        offset: 0,
        limit: 50,
      })
    ).items.map((t) => t.id);

  it('sorts by time, cost and latency, newest first', async () => {
    expect(await ids({})).toEqual([failed, pricey, cheap]);
    // Unpriced traces sort as NULL: last under DESC on Postgres, first... so compare priced ones only.
    expect((await ids({}, 'cost')).filter((id) => id !== failed)).toEqual([pricey, cheap]);
    expect(await ids({}, 'latency')).toEqual([failed, pricey, cheap]);
  });

  it('filters by model, provider, status, cost and latency ranges, tags, session and time', async () => {
    expect(await ids({ model: 'claude-haiku' })).toEqual([cheap]);
    expect(await ids({ provider: 'anthropic' })).toEqual([cheap]);
    expect(await ids({ status: 'error' })).toEqual([failed]);
    expect(await ids({ status: 'ok' })).toEqual([pricey, cheap]);
    expect(await ids({ minCostUsd: 0.000001 })).toEqual([pricey]);
    expect(await ids({ maxCostUsd: 0.000001 })).toEqual([cheap]);
    expect(await ids({ minLatencyMs: 150, maxLatencyMs: 250 })).toEqual([pricey]);
    expect(await ids({ tags: ['beta'] })).toEqual([failed, cheap]);
    expect(await ids({ tags: ['beta', 'eu'] })).toEqual([cheap]);
    expect(await ids({ sessionId: `s-${run}` })).toEqual([pricey]);
    expect(await ids({ from: '2027-01-01T00:00:01.000Z' })).toEqual([failed, pricey]);
    expect(await ids({ to: '2027-01-01T00:00:01.000Z' })).toEqual([cheap]);
  });

  it('searches the words of inputs and outputs, operators and quotes taken as text', async () => {
    expect(await ids({ search: 'chambre' })).toEqual([cheap]);
    expect(await ids({ search: 'refund 77' })).toEqual([pricey]);
    expect(await ids({ search: '"refund order"' })).toEqual([pricey]);
    expect(await ids({ search: 'AND OR *' })).toEqual(expect.any(Array));
    expect(await ids({ search: 'hello' })).toEqual([pricey, cheap]);
    expect(await ids({ search: 'nowhere-to-be-found' })).toEqual([]);
  });

  it('never fails on any search text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (search) => {
        const page = await tracing.list({
          filter: { search, userId: `list-${run}` },
          sort: 'time',
          order: 'desc',
          offset: 0,
          limit: 5,
        });
        expect(Array.isArray(page.items)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('pages with nextOffset until the last page', async () => {
    const first = await tracing.list({
      filter: { userId: `list-${run}` },
      sort: 'time',
      order: 'desc',
      offset: 0,
      limit: 2,
    });
    expect(first.items.map((t) => t.id)).toEqual([failed, pricey]);
    expect(first.nextOffset).toBe(2);
    const second = await tracing.list({
      filter: { userId: `list-${run}` },
      sort: 'time',
      order: 'desc',
      offset: 2,
      limit: 2,
    });
    expect(second.items.map((t) => t.id)).toEqual([cheap]);
    expect(second.nextOffset).toBeNull();
  });
});

describe('interactions', () => {
  it('creates an interaction once per id, resolves its prompt, and collects feedback', async () => {
    const input = {
      id: `app-${newId()}`,
      type: 'extraction',
      input: { text: 'Invoice 12, total 40 EUR' },
      output: { total: 40 },
      sessionId: 'conv-9',
      userId: 'u-3',
      tags: ['invoices'],
      metadata: { appVersion: '1.2.0' },
      prompt: 'support@production',
      spanIds: ['s1'],
    };
    const created = await tracing.createInteraction({
      ...input,
      traceId: undefined,
      createdAt: undefined,
    });
    expect(created).toMatchObject({
      id: input.id,
      type: 'extraction',
      input: input.input,
      output: input.output,
      promptVersionId: 'version-7',
      tags: ['invoices'],
      metadata: { appVersion: '1.2.0' },
      feedback: [],
    });
    const again = await tracing.createInteraction({
      ...input,
      output: 'changed',
      traceId: undefined,
      createdAt: undefined,
    });
    expect(again.output).toEqual({ total: 40 });

    await tracing.feedback({ interactionId: input.id, score: 1, label: 'thumbs_up' });
    await tracing.feedback({ interactionId: input.id, comment: 'copied the answer' });
    const got = await tracing.interaction(input.id);
    expect(got.feedback.map((f) => [f.score, f.label, f.comment])).toEqual([
      [1, 'thumbs_up', null],
      [null, null, 'copied the answer'],
    ]);
    const listed = await tracing.listInteractions({
      filter: { sessionId: 'conv-9' },
      offset: 0,
      limit: 10,
    });
    expect(listed.items.map((i) => i.id)).toEqual([input.id]);
    expect(listed.items[0]!.feedback).toHaveLength(2);
  });

  it('cuts configured keys and key-shaped strings out of what an app logs', async () => {
    const created = await tracing.createInteraction({
      type: 'chat',
      input: { messages: [{ role: 'user', content: `my key is ${STORED_KEY}` }] },
      output: 'try sk-proj-abcdefghijklmnopqrstuvwxyz0123456789',
      metadata: { note: STORED_KEY },
      tags: [],
      spanIds: [],
    });
    const feedback = await tracing.feedback({
      interactionId: created.id,
      comment: `leaked ${STORED_KEY}`,
    });
    const text = JSON.stringify([created, feedback]);
    expect(text).not.toContain(STORED_KEY);
    expect(text).not.toContain('sk-proj-abcdefghij');
    expect(text).toContain('my key is');
  });

  it('answers NOT_FOUND for feedback on an unknown interaction and for an unknown prompt', async () => {
    await expect(tracing.feedback({ interactionId: 'nope', score: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      tracing.createInteraction({
        type: 'chat',
        input: 'hi',
        prompt: 'ghost@production',
        tags: [],
        spanIds: [],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
