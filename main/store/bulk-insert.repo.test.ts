import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-database';
import { insertRows } from './bulk-insert';
import type { Store } from './store';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());

describe('insertRows', () => {
  it('inserts rows of one shape, nulls and quotes included, with one statement text per count', async () => {
    const row = (i: number) => ({
      key: `k'${i}"`,
      provider: 'openai',
      model: i % 2 ? 'gpt-4o' : 'gpt-4o-mini',
      response_json: JSON.stringify({ text: `answer ${i}` }),
      created_at: 1_700_000_000 + i,
      expires_at: i % 3 === 0 ? null : 1_800_000_000 + i,
    });
    await insertRows(store.db, store.dialect, 'llm_cache', [row(0), row(1), row(2)]);
    await insertRows(store.db, store.dialect, 'llm_cache', [row(3)]);
    await insertRows(store.db, store.dialect, 'llm_cache', []);
    await insertRows(store.db, store.dialect, 'llm_cache', [row(4), row(5), row(6)]);
    const stored = await store.db
      .selectFrom('llm_cache')
      .selectAll()
      .orderBy('created_at')
      .execute();
    expect(
      stored.map((r) => ({
        ...r,
        created_at: Number(r.created_at),
        expires_at: r.expires_at === null ? null : Number(r.expires_at),
      })),
    ).toEqual([0, 1, 2, 3, 4, 5, 6].map(row));
  });
});
