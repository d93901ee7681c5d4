import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { SQLITE_MIGRATIONS as MIGRATIONS } from '../migrations/sqlite';
import { openSqliteHandle } from './open-sqlite';

const openDatabase = (options: Parameters<typeof openSqliteHandle>[0]) => {
  const { handle, ...rest } = openSqliteHandle(options);
  return { db: handle, ...rest };
};

describe('openDatabase', () => {
  it('sets WAL, foreign keys, busy timeout and mmap, and loads sqlite-vec', () => {
    const { db, vecVersion, migration } = openDatabase({ file: path.join(tempDir(), 'a.db') });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('mmap_size', { simple: true })).toBe(256 * 1024 * 1024);
    expect(vecVersion).toMatch(/^v0\.\d+\.\d+/);
    expect(migration.applied).toEqual(
      MIGRATIONS.map((m) => `${String(m.id).padStart(4, '0')}_${m.name}`),
    );
    expect(migration.applied[0]).toBe('0001_instance');
    db.close();
  });

  it('runs a KNN query through vec0 (rowids must be BigInt)', () => {
    const { db } = openDatabase({ file: path.join(tempDir(), 'v.db') });
    db.exec('CREATE VIRTUAL TABLE v USING vec0(embedding float[3])');
    const insert = db.prepare('INSERT INTO v(rowid, embedding) VALUES (?, ?)');
    insert.run(1n, new Float32Array([1, 0, 0]));
    insert.run(2n, new Float32Array([0, 1, 0]));
    const nearest = db
      .prepare('SELECT rowid FROM v WHERE embedding MATCH ? ORDER BY distance LIMIT 1')
      .get(new Float32Array([0.1, 0.9, 0])) as { rowid: number };
    expect(nearest.rowid).toBe(2);
    db.close();
  });

  it('reopens without re-applying migrations', () => {
    const file = path.join(tempDir(), 'b.db');
    openDatabase({ file }).db.close();
    const again = openDatabase({ file });
    const n = MIGRATIONS.length;
    expect(again.migration).toEqual({ from: n, to: n, applied: [] });
    again.db.close();
  });

  it('reports a missing sqlite-vec library with a coded error', () => {
    expect(() =>
      openDatabase({ file: path.join(tempDir(), 'c.db'), vecExtensionPath: '/nonexistent/vec0' }),
    ).toThrow(
      expect.objectContaining({
        code: 'STORE_UNAVAILABLE',
        message: expect.stringContaining('sqlite-vec'),
      }),
    );
  });
});
