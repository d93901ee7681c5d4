import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { openTestStore } from '../../test/support/test-database';
import { spanFixture } from '../../test/support/span-fixture';
import type { SpanRecord } from './span-record';
import { SpanRepository } from './span-repository';
import { TraceRepository } from './trace-repository';

let store: Store;
const TRACES = 12_600;

beforeAll(async () => {
  store = await openTestStore();
  // Two spans per trace with "common" (25,200 matches: past the count at which SQLite walks
  // traces instead of collecting matches); every 10th trace also says "seldom".
  const base = Date.parse('2026-12-01T00:00:00.000Z');
  const spans: SpanRecord[] = [];
  for (let t = 0; t < TRACES; t++) {
    const startedAt = new Date(base + t * 1000).toISOString();
    const words = t % 10 === 0 ? 'common seldom' : 'common';
    for (let k = 0; k < 2; k++)
      spans.push(
        spanFixture({
          traceId: `t${String(t).padStart(5, '0')}`,
          requestJson: JSON.stringify({ messages: [{ role: 'user', content: `${words} ${k}` }] }),
          startedAt,
          endedAt: startedAt,
          costPicoUsd: t,
        }),
      );
  }
  for (let i = 0; i < spans.length; i += 5_000)
    await store.writes.run((tx) =>
      new SpanRepository(tx, store.dialect).insertBatch(spans.slice(i, i + 5_000)).then(() => {}),
    );
}, 300_000);
afterAll(() => store.close());

describe('full-text search over many matches', () => {
  it('lists the same traces, in order, whether a word is frequent or rare', async () => {
    const traces = new TraceRepository(store.db, store.dialect);
    const page = (search: string, sort: 'time' | 'cost') =>
      traces.list({ filter: { search }, sort, order: 'desc', offset: 0, limit: 5 });
    const newest = (step: number) =>
      Array.from({ length: 5 }, (_, i) => `t${String(TRACES - step * (i + 1)).padStart(5, '0')}`);
    expect((await page('common', 'time')).items.map((t) => t.id)).toEqual(newest(1));
    expect((await page('common', 'cost')).items.map((t) => t.id)).toEqual(newest(1));
    expect((await page('common seldom', 'time')).items.map((t) => t.id)).toEqual(newest(10));
    expect((await page('seldom', 'time')).items.map((t) => t.id)).toEqual(newest(10));
    expect((await page('nowhere', 'time')).items).toEqual([]);
    expect((await page('common', 'time')).nextOffset).toBe(5);
  });
});
