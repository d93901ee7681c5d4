import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import { migrationLabel, type Migration } from '../migration';
import { POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { openPostgres } from './open-postgres';
import { migratePostgres } from './migrate';

const m = (id: number, name: string, up: string): Migration => ({ id, name, up });
const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const p of pools.splice(0)) await p.end();
});

async function pool(url: string): Promise<pg.Pool> {
  const p = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(p);
  return p;
}

async function tables(p: pg.Pool): Promise<string[]> {
  const r = await p.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return r.rows.map((row) => row.tablename);
}

async function migrateWith(p: pg.Pool, migrations: readonly Migration[]) {
  const client = await p.connect();
  try {
    return await migratePostgres(client, migrations);
  } finally {
    client.release();
  }
}

describe('PostgreSQL migrations', () => {
  it('applies pending steps in order, records the version and does nothing on reopen', async () => {
    const url = await createTestDatabase();
    const first = await openPostgres({ url });
    expect(first.info.migration).toEqual({
      from: 0,
      to: POSTGRES_MIGRATIONS.length,
      applied: POSTGRES_MIGRATIONS.map(migrationLabel),
    });
    await first.close();
    const again = await openPostgres({ url });
    const n = POSTGRES_MIGRATIONS.length;
    expect(again.info.migration).toEqual({ from: n, to: n, applied: [] });
    expect(again.info.vectorVersion).toBeNull();
    await again.close();
  });

  it('rolls back every pending step when one fails, keeps the data and names the step', async () => {
    const p = await pool(await createTestDatabase());
    await migrateWith(p, [m(1, 'a', 'CREATE TABLE a (x INTEGER)')]);
    await p.query('INSERT INTO a VALUES (42)');
    const broken = [
      m(1, 'a', 'CREATE TABLE a (x INTEGER)'),
      m(2, 'b', 'CREATE TABLE b (y INTEGER); ALTER TABLE a ADD COLUMN z INTEGER'),
      m(3, 'broken', 'CREATE TABLE c (; nonsense'),
    ];
    await expect(migrateWith(p, broken)).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      message: expect.stringMatching(/^Migration 0003_broken failed: .*left at version 1\.$/),
    });
    expect(await tables(p)).toEqual(['a', 'assay_schema']);
    expect((await p.query('SELECT * FROM a')).rows).toEqual([{ x: 42 }]);
    expect((await p.query('SELECT version FROM assay_schema')).rows).toEqual([{ version: 1 }]);
  });

  it('refuses a database from a newer build', async () => {
    const p = await pool(await createTestDatabase());
    await migrateWith(p, [
      m(1, 'a', 'CREATE TABLE a (x INTEGER)'),
      m(2, 'b', 'CREATE TABLE b (x INTEGER)'),
    ]);
    await expect(migrateWith(p, [m(1, 'a', 'CREATE TABLE a (x INTEGER)')])).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      message: expect.stringContaining('schema version 2, newer'),
    });
  });

  it('lets one of several processes starting at once migrate, the others wait and apply nothing', async () => {
    const url = await createTestDatabase();
    const opened = await Promise.all([
      openPostgres({ url }),
      openPostgres({ url }),
      openPostgres({ url }),
    ]);
    const applied = opened.map((s) => s.info.migration.applied.length).sort();
    expect(applied).toEqual([0, 0, POSTGRES_MIGRATIONS.length]);
    await Promise.all(opened.map((s) => s.close()));
  });

  it('reports an unreachable server and a bad URL with coded errors, never the password', async () => {
    await expect(
      openPostgres({ url: 'postgres://assay:s3cret-pw@127.0.0.1:1/nowhere' }),
    ).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.not.stringContaining('s3cret-pw'),
    });
  });
});
