import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import type { Store } from '../store';
import { openSqlite } from './open-sqlite';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const count = async (s: Store) =>
  Number((await sql<{ n: number }>`SELECT count(*) AS n FROM instance`.execute(s.db)).rows[0]!.n);

describe('the SQLite driver’s one connection', () => {
  it('keeps others out of a transaction, and lets them in in the order they came', async () => {
    store = openSqlite({ file: path.join(tempDir(), 'assay.db') });
    const s = store;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = s.db.transaction().execute(async (t) => {
      await t.insertInto('instance').values({ id: 'in-tx', created_at: 'now' }).execute();
      // Holds the connection across a timer, as a transaction awaiting anything does.
      await gate;
    });
    await new Promise((r) => setTimeout(r, 5));
    const order: number[] = [];
    const reads = Array.from({ length: 300 }, (_, i) =>
      count(s).then((n) => {
        order.push(i);
        return n;
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    // None ran inside the transaction (it would have seen its row uncommitted).
    expect(order).toEqual([]);
    release();
    await tx;
    const seen = await Promise.all(reads);
    expect(seen.every((n) => n === 1)).toBe(true);
    expect(order).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  it('a failed transaction rolls back and hands the connection on', async () => {
    store = openSqlite({ file: path.join(tempDir(), 'assay.db') });
    const s = store;
    const failing = s.db.transaction().execute(async (t) => {
      await t.insertInto('instance').values({ id: 'rolled-back', created_at: 'now' }).execute();
      throw new Error('no');
    });
    const after = count(s);
    await expect(failing).rejects.toThrow('no');
    expect(await after).toBe(0);
  });
});
