import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-dir';
import { openStore } from '../open-store';
import { COLUMNS, type DB } from '../schema';
import type { Store } from '../store';

const open: Store[] = [];
afterAll(async () => {
  for (const s of open.splice(0)) await s.close();
});

/** Table -> column -> nullable, as the live database reports it. */
async function shape(db: Kysely<DB>): Promise<Record<string, Record<string, boolean>>> {
  const tables = await db.introspection.getTables();
  const out: Record<string, Record<string, boolean>> = {};
  for (const t of tables) {
    if (!(t.name in COLUMNS)) continue;
    out[t.name] = Object.fromEntries(t.columns.map((c) => [c.name, c.isNullable]));
  }
  return out;
}

describe('one schema on two dialects', () => {
  it('SQLite (migrations 1-7) and PostgreSQL (0001) have the same tables, columns and nullability as schema.ts', async () => {
    const sqlite = await openStore({ kind: 'sqlite', file: path.join(tempDir(), 'a.db') });
    const postgres = await openStore({ kind: 'postgres', url: await createTestDatabase() });
    open.push(sqlite, postgres);
    const [lite, pg] = await Promise.all([shape(sqlite.db), shape(postgres.db)]);
    const expected = Object.fromEntries(
      Object.entries(COLUMNS).map(([table, cols]) => [table, Object.keys(cols).sort()]),
    );
    const names = (s: Record<string, Record<string, boolean>>) =>
      Object.fromEntries(Object.entries(s).map(([t, cols]) => [t, Object.keys(cols).sort()]));
    expect(names(lite)).toEqual(expected);
    expect(names(pg)).toEqual(expected);
    expect(pg).toEqual(lite);
  });
});
