import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('commits writes of one tick together and resolves each caller after the commit', async () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    const commits: number[] = [];
    const writer = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const all = Array.from({ length: 50 }, (_, i) =>
      writer
        .run(() => insert.run(i))
        .then(() =>
          commits.push((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n),
        ),
    );
    expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(0);
    await Promise.all(all);
    expect(commits.every((n) => n === 50)).toBe(true);
  });

  it('fails only the write that failed, keeping the rest of its batch', async () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    const writer = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const results = await Promise.allSettled([
      writer.run(() => insert.run(1)),
      writer.run(() => insert.run(null)),
      writer.run(() => insert.run(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT v FROM t ORDER BY v').all()).toEqual([{ v: 1 }, { v: 3 }]);
  });
});
