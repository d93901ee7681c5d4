import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { backupDatabase } from './backup';
import { openSqliteHandle } from './open-sqlite';

describe('backupDatabase', () => {
  it('writes a consistent copy while another connection keeps writing', async () => {
    const dir = tempDir();
    const { handle: writer } = openSqliteHandle({ file: path.join(dir, 'live.db') });
    writer.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT)');
    const insert = writer.prepare('INSERT INTO t (payload) VALUES (?)');
    const fill = writer.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run('x'.repeat(200));
    });
    fill(20_000);

    const reader = new BetterSqlite3(path.join(dir, 'live.db'), { readonly: true });
    const target = path.join(dir, 'copy.db');
    let finished = false;
    const pending = backupDatabase(reader, target).finally(() => (finished = true));
    // Writes landing while the backup runs must neither fail nor tear the copy, nor stall it.
    let batches = 0;
    while (!finished && batches < 1000) {
      fill(10);
      batches++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const report = await pending;
    expect(batches).toBeGreaterThan(0);

    const copy = new BetterSqlite3(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = (copy.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
    expect(rows).toBeGreaterThanOrEqual(20_000);
    expect(rows).toBeLessThanOrEqual(20_000 + batches * 10);
    expect(rows % 10).toBe(0);
    expect(report.bytes).toBe(fs.statSync(target).size);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
    copy.close();
    reader.close();
    writer.close();
  });

  it('refuses to overwrite the live database and a missing folder', async () => {
    const dir = tempDir();
    const { handle: db } = openSqliteHandle({ file: path.join(dir, 'live.db') });
    await expect(backupDatabase(db, path.join(dir, 'live.db'))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(backupDatabase(db, path.join(dir, 'no/such/dir/x.db'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    db.close();
  });
});
