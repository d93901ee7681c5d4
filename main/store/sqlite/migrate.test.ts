import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { migrate } from './migrate';
import type { Migration } from '../migration';

const m = (id: number, name: string, up: string): Migration => ({ id, name, up });

function tables(db: BetterSqlite3.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

describe('migrate', () => {
  it('applies pending migrations in order and records the version', () => {
    const db = new BetterSqlite3(':memory:');
    const report = migrate(db, [m(1, 'a', 'CREATE TABLE a (x)'), m(2, 'b', 'CREATE TABLE b (y)')]);
    expect(report).toEqual({ from: 0, to: 2, applied: ['0001_a', '0002_b'] });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db)).toEqual(['a', 'b']);
  });

  it('rolls back every pending step when one fails and names the failing migration', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [m(1, 'a', 'CREATE TABLE a (x)')]);
    db.prepare('INSERT INTO a VALUES (42)').run();
    const broken = [
      m(1, 'a', 'CREATE TABLE a (x)'),
      m(2, 'b', 'CREATE TABLE b (y); ALTER TABLE a ADD COLUMN z'),
      m(3, 'broken', 'CREATE TABLE c (; nonsense'),
    ];
    expect(() => migrate(db, broken)).toThrow(
      expect.objectContaining({
        code: 'MIGRATION_FAILED',
        message: expect.stringMatching(/^Migration 0003_broken failed: .*left at version 1\.$/),
      }),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['a']);
    expect(db.prepare('SELECT * FROM a').all()).toEqual([{ x: 42 }]);
  });

  it('applies nothing when another process migrated between its first look and its lock', () => {
    const file = path.join(tempDir(), 'race.db');
    const first = new BetterSqlite3(file);
    const second = new BetterSqlite3(file);
    const list = [m(1, 'a', 'CREATE TABLE a (x)'), m(2, 'b', 'CREATE TABLE b (y)')];
    let raced = false;
    // `first` reads version 0; before it takes the lock, `second` migrates the whole file.
    const racing = new Proxy(first, {
      get(target, key) {
        if (key === 'pragma' && !raced) {
          return (source: string, options?: { simple: boolean }) => {
            const seen: unknown = target.pragma(source, options);
            raced = true;
            migrate(second, list);
            return seen;
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    expect(migrate(racing, list)).toEqual({ from: 2, to: 2, applied: [] });
    expect(tables(first)).toEqual(['a', 'b']);
    first.close();
    second.close();
  });

  it('refuses a database from a newer build', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('user_version = 7');
    expect(() => migrate(db, [m(1, 'a', 'CREATE TABLE a (x)')])).toThrow(/schema version 7, newer/);
  });

  it('refuses a gap or duplicate in the migration list before touching the database', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() =>
      migrate(db, [m(1, 'a', 'CREATE TABLE a (x)'), m(3, 'c', 'CREATE TABLE c (x)')]),
    ).toThrow(/expected id 2, found 0003_c/);
    expect(tables(db)).toEqual([]);
  });
});
