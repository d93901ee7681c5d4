import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { openSqlite } from './open-sqlite';

/** 24 MB in one commit: below the writer's own 32 MiB checkpoint bound, so only the worker moves it. */
async function writeMegabytes(store: ReturnType<typeof openSqlite>, mb: number): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, body BLOB)`.execute(
    store.db,
  );
  await store.writes.run(async (tx) => {
    for (let i = 0; i < mb; i++)
      await sql`INSERT INTO filler (body) VALUES (randomblob(1024 * 1024))`.execute(tx);
  });
}

async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('WAL checkpoints on a worker thread', () => {
  it('moves committed pages into the database file without the writer checkpointing', async () => {
    const file = path.join(tempDir(), 'bg.db');
    const store = openSqlite({ file, backgroundCheckpoint: true });
    const [autocheckpoint] = (
      await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(store.db)
    ).rows;
    expect(autocheckpoint?.wal_autocheckpoint).toBe(8192);
    await writeMegabytes(store, 24);
    // The main file grows only when a checkpoint copies pages into it.
    await eventually(() => fs.statSync(file).size > 24 * 1024 * 1024);
    await store.close();
    // The writer's close was the last connection's: the WAL is folded in and removed.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const again = openSqlite({ file });
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM filler`.execute(again.db);
    expect(rows.rows[0]?.n).toBe(24);
    await again.close();
  });

  it('leaves SQLite checkpointing in the commit when not asked for', async () => {
    const file = path.join(tempDir(), 'fg.db');
    const store = openSqlite({ file });
    const [autocheckpoint] = (
      await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(store.db)
    ).rows;
    expect(autocheckpoint?.wal_autocheckpoint).toBe(1000);
    // 6 MB passes SQLite's 1,000 pages (4 MB): the commit itself copied them in.
    await writeMegabytes(store, 6);
    expect(fs.statSync(file).size).toBeGreaterThan(6 * 1024 * 1024);
    await store.close();
  });
});
