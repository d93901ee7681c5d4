import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-database';
import { insertNewRows, insertRows } from './bulk-insert';
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

  it('keeps out rows a unique key holds, counts the rows stored, and splits large batches', async () => {
    const row = (i: number, description = 'first') => ({
      id: `d-${i}`,
      name: `set ${i}`,
      interaction_type: 'chat',
      description,
      tags_json: '[]',
      source_format: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      deleted_at: null,
    });
    const insert = (rows: ReturnType<typeof row>[]) =>
      insertNewRows(store.db, store.dialect, 'dataset', rows);
    await expect(insert([])).resolves.toBe(0);
    // 9 columns: 1,555 rows a statement, so 2,000 rows are two statements.
    expect(await insert(Array.from({ length: 2_000 }, (_, i) => row(i)))).toBe(2_000);
    expect(await insert([row(1_999, 'again'), row(2_000, 'again')])).toBe(1);
    const kept = await store.db
      .selectFrom('dataset')
      .select(['id', 'description'])
      .where('id', 'in', ['d-1999', 'd-2000'])
      .orderBy('id')
      .execute();
    expect(kept).toEqual([
      { id: 'd-1999', description: 'first' },
      { id: 'd-2000', description: 'again' },
    ]);
    const count = await store.db
      .selectFrom('dataset')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2_001);
  });
});

describe('text the databases store differently', () => {
  it('keeps U+0000 and U+FFFF byte for byte through both inserts, as every other statement does', async () => {
    const nasty = ['a\u0000b', '\u0000', '\uffff0', 'x\uffff\u0000y', 'plain'];
    const row = (i: number, description: string) => ({
      id: `nul-${i}`,
      name: `nul set ${i}`,
      interaction_type: 'chat',
      description,
      tags_json: JSON.stringify([description]),
      source_format: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      deleted_at: null,
    });
    await insertRows(store.db, store.dialect, 'dataset', [row(0, nasty[0]!), row(1, nasty[1]!)]);
    const stored = await insertNewRows(
      store.db,
      store.dialect,
      'dataset',
      nasty.slice(2).map((text, i) => row(i + 2, text)),
    );
    expect(stored).toBe(3);
    const kept = await store.db
      .selectFrom('dataset')
      .select(['id', 'description', 'tags_json'])
      .where('id', 'like', 'nul-%')
      .orderBy('id')
      .execute();
    expect(kept.map((r) => r.description)).toEqual(nasty);
    expect(kept.map((r) => r.tags_json)).toEqual(nasty.map((t) => JSON.stringify([t])));
  });
});
