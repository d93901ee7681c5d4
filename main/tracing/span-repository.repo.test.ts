import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-database';
import { newId } from '../kit/ids';
import type { Store } from '../store/store';
import { spanFixture } from '../../test/support/span-fixture';
import { SpanRepository } from './span-repository';

let store: Store;
let spans: SpanRepository;

beforeAll(async () => {
  store = await openTestStore();
  spans = new SpanRepository(store.db, store.dialect);
});

afterAll(async () => {
  await store.close();
});

const span = spanFixture;

describe('SpanRepository', () => {
  it('gives back a span exactly as inserted', async () => {
    const inserted = span({
      attributes: { playgroundRunId: 'run-1', column: 2, nested: { tags: ['a', 'b'], ok: true } },
    });
    await spans.insert(inserted);
    expect(await spans.get(inserted.id)).toEqual(inserted);
  });

  it('keeps a failed call: error, no response, null cost and time to first token, a cache hit flag', async () => {
    const failed = span({
      status: 'error',
      errorClass: 'rate_limited',
      errorMessage: 'slow down',
      responseJson: null,
      costPicoUsd: null,
      ttftMs: null,
      attempts: 4,
      providerRequestId: null,
    });
    const hit = span({ cacheHit: true, costPicoUsd: 0, kind: 'judge' });
    await spans.insert(failed);
    await spans.insert(hit);
    expect(await spans.get(failed.id)).toEqual(failed);
    expect(await spans.get(hit.id)).toEqual(hit);
  });

  it('skips a span stored before in its trace, and refuses one whose id is stored in another trace', async () => {
    const stored = span();
    expect(await spans.insertBatch([stored])).toBe(1);
    const fresh = span();
    expect(await spans.insertBatch([fresh, stored])).toBe(1);
    const clash = span({ id: stored.id, traceId: `${stored.traceId}-other` });
    const refused = spans.insertBatch([span(), clash]);
    await expect(refused).rejects.toMatchObject({
      code: 'MALFORMED_REQUEST',
      message: expect.stringContaining('span 1 ('),
      details: { span: 1, field: 'spanId' },
    });
    expect(await spans.get(stored.id)).toEqual(stored);
    expect(await spans.byTrace(clash.traceId)).toEqual([]);
  });

  it('answers null for an unknown id', async () => {
    expect(await spans.get(newId())).toBeNull();
  });

  it('keeps costs and token counts above 2^31 as exact numbers', async () => {
    // $5,000 in pico-dollars: above 2^32, below 2^53.
    const big = span({
      costPicoUsd: 5_000_000_000_000_000,
      usage: {
        inputTokens: 3_000_000_000,
        outputTokens: 2 ** 31 + 7,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
      },
    });
    await spans.insert(big);
    const back = await spans.get(big.id);
    expect(back?.costPicoUsd).toBe(5_000_000_000_000_000);
    expect(back?.usage.inputTokens).toBe(3_000_000_000);
    expect(back?.usage.outputTokens).toBe(2 ** 31 + 7);
  });

  it('lists a trace in start order, ids breaking ties, and nothing of other traces', async () => {
    const traceId = newId();
    const root = span({
      traceId,
      name: 'chain',
      kind: 'chain',
      startedAt: '2026-12-06T11:00:00.000Z',
    });
    const sameMs = [newId(), newId()].sort();
    const late = span({ traceId, parentId: root.id, startedAt: '2026-12-06T11:00:00.500Z' });
    const tieB = span({
      id: sameMs[1]!,
      traceId,
      parentId: root.id,
      startedAt: '2026-12-06T11:00:00.100Z',
    });
    const tieA = span({
      id: sameMs[0]!,
      traceId,
      parentId: root.id,
      startedAt: '2026-12-06T11:00:00.100Z',
    });
    for (const s of [late, tieB, root, tieA]) await spans.insert(s);
    await spans.insert(span({ startedAt: '2026-12-06T11:00:00.200Z' }));
    const trace = await spans.byTrace(traceId);
    expect(trace.map((s) => s.id)).toEqual([root.id, tieA.id, tieB.id, late.id]);
    expect(trace[1]).toEqual(tieA);
    expect(await spans.byTrace(newId())).toEqual([]);
  });

  it('skips a span id already stored (a retried batch), keeping the first and counting it once', async () => {
    const once = span();
    expect(await spans.insertBatch([once])).toBe(1);
    expect(
      await spans.insertBatch([
        span({ id: once.id, traceId: once.traceId, name: 'again' }),
        span(),
      ]),
    ).toBe(1);
    expect((await spans.get(once.id))?.name).toBe(once.name);
  });

  it('stores a large payload compressed and gives it back byte for byte', async () => {
    const long = 'ünïcode \u0000 and 🧪 '.repeat(400);
    const big = span({
      requestJson: JSON.stringify({ messages: [{ role: 'user', content: long }] }),
      responseJson: JSON.stringify({ text: long }),
    });
    await spans.insert(big);
    const row = await store.db
      .selectFrom('span')
      .select(['request_json', 'payload_z'])
      .where('id', '=', big.id)
      .executeTakeFirstOrThrow();
    expect(row.request_json).toBeNull();
    expect(row.payload_z!.length).toBeLessThan(big.requestJson.length / 4);
    expect(await spans.get(big.id)).toEqual(big);
  });
});
