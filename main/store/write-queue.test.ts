import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-database';
import type { Store } from './store';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function store(): Promise<Store> {
  const s = await openTestStore();
  stores.push(s);
  return s;
}

const priceRow = (model: string, input: number) => ({
  provider: 'local',
  model,
  input_pico: input,
  output_pico: 0,
  cache_read_pico: null,
  cache_write_pico: null,
  updated_at: '2026-12-06T00:00:00.000Z',
});

async function count(s: Store): Promise<number> {
  const row = await s.db
    .selectFrom('model_price')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('WriteQueue', () => {
  it('commits the writes of one tick together and resolves each caller after the commit', async () => {
    const s = await store();
    const seen: number[] = [];
    const all = Array.from({ length: 50 }, (_, i) =>
      s.writes
        .run(async (tx) => {
          await tx
            .insertInto('model_price')
            .values(priceRow(`m${i}`, i))
            .execute();
        })
        .then(async () => seen.push(await count(s))),
    );
    await Promise.all(all);
    // Every caller saw its batch committed: all 50 rows, never a partial count.
    expect(seen).toHaveLength(50);
    expect(seen.every((n) => n === 50)).toBe(true);
  });

  it('fails only the write that failed, keeping the rest of its batch', async () => {
    const s = await store();
    const results = await Promise.allSettled([
      s.writes.run(
        async (tx) => void (await tx.insertInto('model_price').values(priceRow('a', 1)).execute()),
      ),
      // A CHECK violation (negative price) on both dialects.
      s.writes.run(
        async (tx) => void (await tx.insertInto('model_price').values(priceRow('b', -1)).execute()),
      ),
      s.writes.run(
        async (tx) => void (await tx.insertInto('model_price').values(priceRow('c', 3)).execute()),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const models = await s.db.selectFrom('model_price').select('model').orderBy('model').execute();
    expect(models.map((r) => r.model)).toEqual(['a', 'c']);
  });

  it('commits every accepted write before the store closes', async () => {
    const s = await openTestStore();
    const pending = Array.from({ length: 20 }, (_, i) =>
      s.writes.run(
        async (tx) =>
          void (await tx
            .insertInto('model_price')
            .values(priceRow(`x${i}`, i))
            .execute()),
      ),
    );
    await s.close();
    await Promise.all(pending);
    expect(pending).toHaveLength(20);
  });

  it('keeps pico-dollar amounts above 2^31 exact on both dialects', async () => {
    const s = await store();
    const big = 9_000_000_000_123; // 9 USD and change, in pico-dollars
    await s.writes.run(
      async (tx) =>
        void (await tx.insertInto('model_price').values(priceRow('big', big)).execute()),
    );
    const row = await s.db.selectFrom('model_price').select('input_pico').executeTakeFirstOrThrow();
    expect(row.input_pico).toBe(big);
    const sum = await sql<{
      total: number;
    }>`SELECT sum(input_pico) AS total FROM model_price`.execute(s.db);
    expect(Number(sum.rows[0]!.total)).toBe(big);
  });

  it('commits a large write beside the batches where writers run at once (PostgreSQL), else in the queue', async () => {
    const s = await store();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const large = s.writes.runLarge(async (tx) => {
      await tx.insertInto('model_price').values(priceRow('large', 1)).execute();
      await held;
    });
    const small = s.writes.run(async (tx) => {
      await tx.insertInto('model_price').values(priceRow('small', 2)).execute();
    });
    const smallDoneFirst = await Promise.race([
      small.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300)),
    ]);
    // With one writer (SQLite) the small write shares the large one's batch and waits for it.
    expect(smallDoneFirst).toBe(s.dialect === 'postgres');
    release();
    await Promise.all([large, small]);
    expect(await count(s)).toBe(2);
  });
});
