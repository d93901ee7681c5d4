import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceFilter } from '../../shared/contract/traces';
import { picoToUsd } from '../../shared/money';
import type { TraceTable } from '../store/schema';
import type { Store } from '../store/store';
import { openTestStore } from '../../test/support/test-database';
import { TraceRepository, type TraceSort } from './trace-repository';

let store: Store;
const rows: Insertable<TraceTable>[] = [];

/** A seeded generator: the same traces every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

beforeAll(async () => {
  store = await openTestStore();
  const next = random(11);
  const base = Date.parse('2026-12-01T00:00:00.000Z');
  // 6,000 traces of one model (past the count from which SQLite walks the sort column's index)
  // and 40 of a rare one; sort values repeat, so the tie-break decides part of the order.
  for (let t = 0; t < 6_040; t++) {
    const startedAt = new Date(base + Math.floor(next() * 86_400_000)).toISOString();
    rows.push({
      id: `t${String(t).padStart(5, '0')}`,
      name: 'agent',
      source: 'otlp',
      root_span_id: null,
      started_at: startedAt,
      ended_at: startedAt,
      latency_ms: Math.floor(next() * 500),
      span_count: 1,
      llm_count: 1,
      error_count: 0,
      input_tokens: 10,
      output_tokens: Math.floor(next() * 300),
      cost_pico_usd: t % 13 === 0 ? null : Math.floor(next() * 1000) * 1_000_000,
      unpriced_count: 0,
      provider: 'openai',
      model: t < 6_000 ? 'common-model' : 'rare-model',
      prompt_version_id: null,
      session_id: null,
      user_id: `user-${t % 3}`,
      tags_json: null,
      input_preview: null,
      output_preview: null,
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await store.db
      .insertInto('trace')
      .values(rows.slice(i, i + 500))
      .execute();
}, 120_000);
afterAll(() => store.close());

const value = (sort: TraceSort, r: Insertable<TraceTable>): number | string | null =>
  sort === 'time'
    ? (r.started_at as string)
    : sort === 'cost'
      ? (r.cost_pico_usd ?? null)
      : sort === 'latency'
        ? r.latency_ms!
        : r.output_tokens!;

describe('the Traces list order, whichever index reads it', () => {
  const cases: { filter: TraceFilter; match: (r: Insertable<TraceTable>) => boolean }[] = [
    { filter: { model: 'common-model' }, match: (r) => r.model === 'common-model' },
    { filter: { model: 'rare-model' }, match: (r) => r.model === 'rare-model' },
    { filter: { userId: 'user-1' }, match: (r) => r.user_id === 'user-1' },
    {
      filter: { model: 'common-model', userId: 'user-2' },
      match: (r) => r.model === 'common-model' && r.user_id === 'user-2',
    },
    { filter: { provider: 'openai' }, match: () => true },
  ];
  for (const { filter, match } of cases)
    for (const sort of ['time', 'cost', 'latency', 'tokens'] as const)
      it(`${JSON.stringify(filter)} sorted by ${sort}: pages hold every match once, in order`, async () => {
        const traces = new TraceRepository(store.db, store.dialect);
        const expected = rows.filter(match);
        const seen: string[] = [];
        let offset: number | null = 0;
        // The first pages (and the whole list for a rare filter).
        for (let page = 0; page < 3 && offset !== null; page++) {
          const got = await traces.list({ filter, sort, order: 'desc', offset, limit: 100 });
          seen.push(...got.items.map((t) => t.id));
          offset = got.nextOffset;
        }
        const byId = new Map(expected.map((r) => [r.id, r]));
        expect(seen.every((id) => byId.has(id))).toBe(true);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBe(Math.min(300, expected.length));
        // Sort values descending (NULL costs last on SQLite and first on Postgres: compare
        // only the priced ones' order) and equal to the top of the expected list.
        const values = seen.map((id) => value(sort, byId.get(id)!));
        const priced = values.filter((v) => v !== null);
        expect(priced).toEqual([...priced].sort((a, b) => (a! < b! ? 1 : a! > b! ? -1 : 0)));
        if (sort !== 'cost') {
          const top = expected
            .map((r) => value(sort, r)!)
            .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
            .slice(0, seen.length);
          expect(values).toEqual(top);
        }
        const item = (await traces.list({ filter, sort, order: 'desc', offset: 0, limit: 1 }))
          .items[0];
        if (sort === 'cost' && item?.costUsd !== null && item !== undefined)
          expect(item.costUsd).toBe(picoToUsd(byId.get(item.id)!.cost_pico_usd!));
      });
});
